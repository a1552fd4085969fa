// Small name lists that decide an entity's type. They type names, they do not
// find them: an unlisted name is still an entity, typed by cues or "other".
// Keys are lower-case, dots removed ("u.s." is "us").

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s*\n\s*|\s*,\s*/).filter(Boolean));
}

export const PLACES = set(`
  us, usa, united states, america, uk, britain, great britain, england, scotland, wales, ireland, northern ireland,
  china, russia, ukraine, belarus, germany, france, italy, spain, portugal, netherlands, the netherlands, belgium,
  switzerland, austria, poland, sweden, norway, denmark, finland, greece, turkey, iran, iraq, israel, syria,
  lebanon, jordan, egypt, saudi arabia, uae, qatar, yemen, afghanistan, pakistan, india, bangladesh, sri lanka,
  nepal, japan, south korea, north korea, korea, taiwan, hong kong, macau, vietnam, thailand, malaysia, singapore,
  indonesia, philippines, australia, new zealand, canada, mexico, brazil, argentina, chile, colombia, venezuela,
  peru, cuba, nigeria, kenya, south africa, ethiopia, ghana, morocco, algeria, libya, sudan, czech republic,
  hungary, romania, bulgaria, serbia, croatia, lithuania, latvia, estonia, moldova, georgia, armenia,
  azerbaijan, kazakhstan, mongolia, myanmar, cambodia, laos,
  beijing, shanghai, shenzhen, guangzhou, wuhan, hangzhou, tianjin, chongqing, washington, new york, london,
  paris, berlin, moscow, kyiv, kiev, tokyo, seoul, pyongyang, taipei, delhi, new delhi, mumbai, brussels,
  geneva, vienna, rome, madrid, amsterdam, the hague, ottawa, toronto, sydney, canberra, singapore,
  tehran, jerusalem, tel aviv, gaza, dubai, cairo, istanbul, ankara, san francisco, los angeles, chicago,
  boston, seattle, silicon valley, bangkok, jakarta, manila, hanoi, kuala lumpur, minsk, warsaw, frankfurt,
  munich, zurich, dublin, edinburgh, paris, stockholm, oslo, copenhagen, helsinki, lisbon, athens,
  europe, asia, africa, middle east, latin america, south america, north america, oceania, antarctica,
  arctic, pacific, atlantic, asia-pacific, indo-pacific, south china sea, taiwan strait, west bank, crimea,
  donbas, xinjiang, tibet, guangdong, hubei, fujian, california, texas, florida, virginia, maryland`);

/** Organisations so well known that their bare name needs no cue. */
export const ORGANISATIONS = set(`
  reuters, bloomberg, xinhua, huawei, zte, tencent, alibaba, baidu, bytedance, tiktok, microsoft, google,
  apple, amazon, meta, facebook, adobe, ibm, oracle, cisco, intel, nvidia, qualcomm, samsung, sony, tesla,
  openai, netflix, twitter, youtube, x corp, nato, united nations, european union, eu, un, who, wto, imf,
  world bank, pentagon, kremlin, white house, congress, senate, parliament, interpol, europol`);

/** Companies whose name followed by another capitalised word makes a product. */
export const BRANDS = set(`
  microsoft, google, apple, adobe, ibm, amazon, meta, oracle, cisco, intel, nvidia, qualcomm, samsung, sony,
  huawei, tesla, openai, dell, lenovo, xiaomi, fortinet, ivanti, citrix, vmware, sap, salesforce, zoom,
  mozilla, linux, red hat, atlassian, juniper, palo alto, sophos, kaspersky, solarwinds`);

/** Products well known by a single name. */
export const PRODUCTS = set(`
  android, ios, iphone, ipad, macos, windows, chrome, firefox, safari, gmail, outlook, excel, word, powerpoint,
  whatsapp, wechat, telegram, signal, chatgpt, gemini, copilot, exchange, sharepoint, teams, azure, aws,
  playstation, xbox, kindle, alexa, siri, linux, ubuntu, photoshop, illustrator`);

/** Head words that make a capitalised phrase an organisation. */
export const ORG_CUES = set(`
  inc, corp, corporation, ltd, llc, plc, co, company, companies, group, holdings, agency, agencies,
  department, ministry, centre, center, team, committee, commission, council, bureau, office, administration,
  authority, institute, institution, university, college, school, academy, bank, party, army, navy, force,
  forces, police, court, parliament, congress, senate, association, federation, union, organisation,
  organization, foundation, service, services, board, embassy, government, cabinet, command, alliance,
  coalition, consortium, network, laboratory, lab, labs, society, fund, post, times,
  journal, news, press, herald, tribune, gazette, telegraph, guardian, daily, chronicle, observer, media,
  broadcasting, radio, television, tv, airlines, airways, motors, technologies, technology, systems,
  solutions, security, partners, capital, industries, enterprises, labs, studios, brigade, guard, squad`);

/** Titles that mark the following name as a person; they are kept out of the key. */
export const TITLES = set(`
  mr, mrs, ms, miss, dr, prof, professor, president, vice president, premier, chancellor, senator, sen,
  rep, representative, congressman, congresswoman, governor, gov, mayor, minister, secretary, ambassador,
  general, gen, lieutenant, colonel, col, captain, capt, admiral, judge, justice, king, queen, prince,
  princess, pope, sir, dame, lord, lady, chairman, chairwoman, director, spokesman, spokeswoman, spokesperson,
  ceo, founder`);

/** Lower-case role nouns that introduce a person's name ("spokesperson Mao Ning"). */
export const ROLE_NOUNS = set(`
  spokesman, spokeswoman, spokesperson, director, minister, official, analyst, researcher, professor,
  founder, chief, executive, ceo, chairman, chairwoman, president, secretary, envoy, ambassador, adviser,
  advisor, expert, lawyer, attorney, judge, senator, lawmaker, leader, head, commander, economist, author,
  reporter, correspondent, editor, officer, manager, engineer, scientist, founder, spokesmen`);

/**
 * Nationality adjectives: "Chinese hackers", "Western governments". They
 * describe, they do not name, so a lone one is not an entity.
 */
export const DEMONYMS = set(`
  american, western, eastern, northern, southern, african, arab, thai, swiss, dutch, french, greek, czech,
  israeli, iraqi, pakistani, saudi, kuwaiti, qatari, emirati, yemeni, afghan, bangladeshi, nepali,
  filipino, welsh, scots, irish, british, english, european, asian, latin, nordic, baltic, soviet, allied,
  trojan`);

/** Listed, or with a nationality suffix ("Chinese", "Russian", "Korean", "Polish"). */
export function looksDemonym(lower: string): boolean {
  // Plurals too: "Americans", "Russians" describe people, they name no entity.
  const word = /(?:an|ean|ian)s$/.test(lower) ? lower.slice(0, -1) : lower;
  if (DEMONYMS.has(word)) return true;
  return word.length > 4 && /(?:ese|ian|ean|ish)$/.test(word) && !PLACES.has(word);
}

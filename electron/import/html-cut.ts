// What Readability left out of a page, with a reason a user can judge: every
// visible text block of the original body that does not appear in the
// article. Reasons come from general signals only (element, ARIA role and
// class/id words such as "comments" or "related"), never from site names.
import { blockKey, collectBlocks } from './html-blocks';
import type { TextBlock } from './html-blocks';
import type { CutBlock } from './document';

interface Rule {
  reason: string;
  tags?: string[];
  roles?: string[];
  /** Single class/id words, or hyphen-joined runs of them ("more-stories"). */
  words: string[];
}

// Ordered from the most to the least specific: a "related" list inside a
// <footer> is reported as related links, not as the footer.
const RULES: Rule[] = [
  { reason: 'comments', words: ['comment', 'comments', 'disqus', 'discussion', 'replies', 'responses', 'respond'] },
  {
    reason: 'related',
    words: ['related', 'recommended', 'recommendations', 'recirculation', 'trending', 'popular', 'outbrain', 'taboola', 'more-stories', 'more-news', 'most-read', 'read-next', 'read-more', 'see-also', 'also-read', 'up-next'],
  },
  { reason: 'sharing', words: ['share', 'sharing', 'social', 'sharebar', 'follow'] },
  { reason: 'advertising', words: ['ad', 'ads', 'advert', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'promo', 'promotion', 'dfp'] },
  { reason: 'newsletter', words: ['newsletter', 'subscribe', 'subscription', 'signup', 'sign-up', 'paywall', 'register'] },
  { reason: 'cookie-notice', words: ['cookie', 'cookies', 'consent', 'gdpr'] },
  { reason: 'navigation', tags: ['nav'], roles: ['navigation', 'menu', 'menubar'], words: ['nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'crumbs', 'pagination', 'skip-link', 'skip-to'] },
  { reason: 'byline', words: ['byline', 'author', 'authors', 'dateline', 'contributor'] },
  { reason: 'timestamp', tags: ['time'], words: ['date', 'timestamp', 'published', 'updated', 'pubdate'] },
  { reason: 'caption', tags: ['figcaption'], words: ['caption', 'credit', 'credits'] },
  { reason: 'header', tags: ['header'], roles: ['banner'], words: ['header', 'masthead', 'topbar'] },
  { reason: 'footer', tags: ['footer'], roles: ['contentinfo'], words: ['footer', 'colophon', 'copyright'] },
  { reason: 'aside', tags: ['aside'], roles: ['complementary'], words: ['aside', 'sidebar', 'rail', 'widget'] },
  { reason: 'form', tags: ['form'], roles: ['search', 'form'], words: ['search'] },
];

/** Class and id split into lower-case words: "relatedArticles top-nav" → related, articles, top, nav. */
function wordsOf(element: Element): string {
  const raw = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  const words = raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  // Hyphen-joined with sentinels so "-more-stories-" matches word runs only.
  return `-${words.join('-')}-`;
}

function ruleFor(element: Element): string | null {
  const tag = element.localName;
  const roles = (element.getAttribute('role') ?? '').toLowerCase().split(/\s+/);
  const words = wordsOf(element);
  for (const rule of RULES) {
    if (rule.tags?.includes(tag)) return rule.reason;
    if (rule.roles?.some((role) => roles.includes(role))) return rule.reason;
    if (rule.words.some((word) => words.includes(`-${word}-`))) return rule.reason;
  }
  return null;
}

export interface CutContext {
  title: string | null;
  byline: string | null;
}

/** Attribute html.ts stamps on every element before Readability clones the page, so its output can be traced back. */
export const ORIGIN_ATTRIBUTE = 'data-parallax-origin';

export function stampOrigins(root: Element): void {
  root.setAttribute(ORIGIN_ATTRIBUTE, '0');
  Array.from(root.querySelectorAll('*')).forEach((element, i) => element.setAttribute(ORIGIN_ATTRIBUTE, String(i + 1)));
}

/** The stamp of the element or of its nearest stamped ancestor (Readability wraps loose text in new <p>s). */
function originOf(element: Element | null): string {
  for (let el = element; el; el = el.parentElement) {
    const origin = el.getAttribute(ORIGIN_ATTRIBUTE);
    if (origin !== null) return origin;
  }
  return '';
}

// A block this long that appears inside the article text was only re-wrapped
// by Readability; short ones ("Home", "World") would match inside any
// article, so they must match through their origin.
const MIN_SUBSTRING_MATCH = 40;

/**
 * Blocks of `body` that are not in `articleBlocks`, grouped by the element
 * that explains them. A page block counts as kept when the article has a
 * block from the same original element with the same text (or one contains
 * the other: Readability removed an inline share button), so a sidebar link
 * reading "Introduction" is not mistaken for the article's heading of that
 * name; long blocks found verbatim in the article text count as kept too.
 */
export function findCut(body: Element, articleBlocks: readonly TextBlock[], context: CutContext): CutBlock[] {
  const byOrigin = new Map<string, string[]>();
  for (const block of articleBlocks) {
    const origin = originOf(block.element);
    const keys = byOrigin.get(origin) ?? [];
    keys.push(blockKey(block.text));
    byOrigin.set(origin, keys);
  }
  const articleText = articleBlocks.map((block) => blockKey(block.text)).join(' ');

  const pageBlocks = collectBlocks(body);
  const kept = pageBlocks.map((block) => {
    const key = blockKey(block.text);
    const keys = byOrigin.get(originOf(block.element)) ?? [];
    const exact = keys.indexOf(key);
    if (exact >= 0) {
      keys.splice(exact, 1);
      return true;
    }
    if (keys.some((other) => other.length > 0 && (other.includes(key) || key.includes(other)))) return true;
    return key.length >= MIN_SUBSTRING_MATCH && articleText.includes(key);
  });

  // An element holding any kept text is part of the article's frame (a
  // <main class="has-sidebar">), so it cannot be the reason its other
  // children were cut.
  const articleFrame = new Set<Element>();
  pageBlocks.forEach((block, i) => {
    if (!kept[i]) return;
    for (let el: Element | null = block.element; el && !articleFrame.has(el); el = el.parentElement) articleFrame.add(el);
  });

  const cut: CutBlock[] = [];
  let lastSource: Element | null = null;
  pageBlocks.forEach((block, i) => {
    if (kept[i]) {
      lastSource = null;
      return;
    }
    const { reason, source } = explain(block, articleFrame, context);
    // One entry per chrome region: a comment section's heading and each
    // comment inside it are one "comments" entry, not one per paragraph.
    // The region is the outermost element that explained a block so far.
    const previous = cut[cut.length - 1];
    if (previous && lastSource && previous.reason === reason && (lastSource.contains(source) || source.contains(lastSource))) {
      previous.text += `\n\n${block.text}`;
      if (source.contains(lastSource)) lastSource = source;
      return;
    }
    cut.push({ text: block.text, reason });
    lastSource = source;
  });
  return cut;
}

function explain(block: TextBlock, articleFrame: Set<Element>, context: CutContext): { reason: string; source: Element } {
  const key = blockKey(block.text);
  // Readability moves the headline into `title`, sometimes shortened ("Headline | Site" → "Headline").
  const title = context.title ? blockKey(context.title) : null;
  if (title && (key === title || (block.heading && (key.includes(title) || title.includes(key))))) return { reason: 'title', source: block.element };
  if (context.byline && key === blockKey(context.byline)) return { reason: 'byline', source: block.element };
  for (let el: Element | null = block.element; el && !articleFrame.has(el); el = el.parentElement) {
    if (el.localName === 'body') break;
    const reason = ruleFor(el);
    if (reason) return { reason, source: el };
  }
  return { reason: 'not-in-article', source: block.element.parentElement ?? block.element };
}

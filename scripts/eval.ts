// `npm run eval`: runs compare() on every labelled story in
// tests/fixtures/stories and on the five seed articles (when they are on this
// machine) and prints precision / recall / F1 per measure, per story and
// micro-averaged overall. Always exits 0: it measures, it does not gate.
//
//   node dist/eval.js [--verbose] [--only <name>] [--json] [--dump]
//     --verbose  list every miss (alignment FP/FN, fact FP/FN, chrome kept...)
//     --only     run one story (directory name, or "seeds")
//     --json     print the scores as JSON instead of the table
//     --dump     print each version's gold lines and sentences (for labelling)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from '../shared/engine/compare';
import type { CompareResult, VersionInput } from '../shared/engine/types';
import { resolveGold } from './eval-gold';
import type { Gold, GoldFile } from './eval-gold';
import { prf, sumScores, scoreStory } from './eval-score';
import type { Counts, StoryScore } from './eval-score';

// scripts/eval.ts and dist/eval.js both sit one level below the repository root.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STORIES = join(ROOT, 'tests/fixtures/stories');
const SEED_GOLD = join(ROOT, 'tests/fixtures/seed-gold.json');

// Acceptance targets the engine is held to on the held-out set.
const TARGETS = { alignmentF1: 0.85, factsF1: 0.95, chromeRecall: 0.9, contentKept: 0.98 };

interface Story {
  name: string;
  gold: Gold;
}

interface Args {
  verbose: boolean;
  json: boolean;
  dump: boolean;
  only: string | null;
}

function parseArgs(argv: string[]): Args {
  const only = argv.indexOf('--only');
  return {
    verbose: argv.includes('--verbose'),
    json: argv.includes('--json'),
    dump: argv.includes('--dump'),
    only: only >= 0 ? (argv[only + 1] ?? null) : null,
  };
}

function loadGold(name: string, goldPath: string, dir: string): Gold {
  const file = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  return resolveGold(name, file, (version) => readFileSync(join(dir, version), 'utf8'));
}

/** The seed articles live outside the repository (they belong to their publishers). */
function seedDir(): string | null {
  if (process.env.PARALLAX_SEEDS) return resolve(process.env.PARALLAX_SEEDS);
  if (!existsSync(SEED_GOLD)) return null;
  const gold = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as GoldFile;
  return resolve(ROOT, gold.root ?? '../shared/seeds');
}

function loadStories(args: Args, log: (line: string) => void): Story[] {
  const stories: Story[] = [];
  const dirs = existsSync(STORIES) ? readdirSync(STORIES).filter((d) => existsSync(join(STORIES, d, 'gold.json'))).sort() : [];
  for (const name of dirs) {
    if (args.only && args.only !== name) continue;
    stories.push({ name, gold: loadGold(name, join(STORIES, name, 'gold.json'), join(STORIES, name)) });
  }
  if (!args.only || args.only === 'seeds') {
    const dir = seedDir();
    if (!existsSync(SEED_GOLD)) log('note: tests/fixtures/seed-gold.json missing; seeds skipped');
    else if (!dir || !existsSync(dir)) log(`note: seed articles not found at ${dir ?? '?'} (set PARALLAX_SEEDS); seeds skipped`);
    else stories.push({ name: 'seeds', gold: loadGold('seeds', SEED_GOLD, dir) });
  }
  return stories;
}

function inputs(story: Story): VersionInput[] {
  return story.gold.docs.map((doc) => ({ label: doc.file, source: doc.file, text: doc.text }));
}

function dump(story: Story, log: (line: string) => void): void {
  for (const doc of story.gold.docs) {
    log(`\n=== ${story.name} / ${doc.file}`);
    for (const line of doc.lines) {
      if (line.kind !== 'content') {
        log(`  [${line.kind}] L${line.line} ${doc.text.slice(line.start, line.end)}`);
        continue;
      }
      doc.sentences.forEach((s, i) => {
        if (s.start >= line.start && s.end <= line.end) log(`  #${i + 1} @${s.start} L${line.line} ${doc.text.slice(s.start, s.end)}`);
      });
    }
  }
}

const pct = (x: number): string => x.toFixed(3).padStart(6);
const prfCells = (c: Counts): string => {
  const p = prf(c);
  return `${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)}`;
};

function row(name: string, s: StoryScore, versions: number, ms: number | null): string {
  const chrome = prf(s.chrome);
  const conflicts = prf(s.conflicts);
  const kept = s.contentKept.total === 0 ? 1 : s.contentKept.hit / s.contentKept.total;
  return [
    name.padEnd(22),
    String(versions).padStart(2),
    prfCells(s.alignment),
    prfCells(s.facts),
    `${pct(conflicts.precision)} ${pct(conflicts.recall)}`,
    `${pct(chrome.recall)} ${pct(chrome.precision)}`,
    pct(kept),
    ms === null ? '' : `${Math.round(ms)}`.padStart(6),
  ].join(' | ');
}

function header(): string[] {
  const cols = [
    'story'.padEnd(22), ' v', ' align:  P      R      F1', ' facts:  P      R      F1',
    'confl:  P      R', 'chrome: R      P', '  kept', '    ms',
  ];
  const line = cols.join(' | ');
  return [line, '-'.repeat(line.length)];
}

function verdict(total: StoryScore): string[] {
  const kept = total.contentKept.total === 0 ? 1 : total.contentKept.hit / total.contentKept.total;
  const checks: [string, number, number][] = [
    ['alignment F1', prf(total.alignment).f1, TARGETS.alignmentF1],
    ['facts F1', prf(total.facts).f1, TARGETS.factsF1],
    ['chrome removed', prf(total.chrome).recall, TARGETS.chromeRecall],
    ['content kept', kept, TARGETS.contentKept],
  ];
  return checks.map(([name, value, target]) => `  ${name.padEnd(15)} ${pct(value)}  target ${target.toFixed(2)}  ${value >= target ? 'ok' : 'BELOW'}`);
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  // `node dist/eval.js | head` closes the pipe early; that is not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const notes: string[] = [];
  const stories = loadStories(args, (line) => notes.push(line));
  if (args.only && args.only !== 'seeds' && stories.length === 0) notes.push(`note: no story named ${args.only}`);
  if (args.dump) {
    for (const story of stories) dump(story, log);
    return;
  }

  const results: { story: Story; score: StoryScore; ms: number }[] = [];
  for (const story of stories) {
    const started = performance.now();
    let result: CompareResult;
    try {
      result = compare(inputs(story));
    } catch (error) {
      notes.push(`error: compare() failed on ${story.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      continue;
    }
    const ms = performance.now() - started;
    results.push({ story, score: scoreStory(result, story.gold), ms });
  }
  const total = sumScores(results.map((r) => r.score));

  if (args.json) {
    const out = Object.fromEntries(
      results.map(({ story, score, ms }) => [story.name, { ...score, ms: Math.round(ms), notes: args.verbose ? score.notes : undefined }]),
    );
    log(JSON.stringify({ stories: out, overall: total, notes }, null, 2));
    return;
  }

  log('Parallax eval: sentence alignment, number/date facts, boilerplate (P = precision, R = recall)');
  for (const line of notes) log(line);
  log('');
  if (results.length === 0) {
    log('nothing was scored');
    return;
  }
  for (const line of header()) log(line);
  for (const { story, score, ms } of results) log(row(story.name, score, story.gold.docs.length, ms));
  log('-'.repeat(header()[0]?.length ?? 0));
  log(row('overall (micro)', total, results.reduce((n, r) => n + r.story.gold.docs.length, 0), null));
  log('');
  log(`gold pairs ${results.reduce((n, r) => n + r.story.gold.pairs.size, 0)}, gold facts ${results.reduce((n, r) => n + r.story.gold.facts.length, 0)}, title and subhead pairs ignored ${total.ignoredPairs}`);
  log('against the acceptance targets:');
  for (const line of verdict(total)) log(line);
  if (args.verbose) {
    for (const { story, score } of results) {
      if (score.notes.length === 0) continue;
      log(`\n--- ${story.name}`);
      for (const note of score.notes) log(`  ${note}`);
    }
  } else {
    log('(--verbose lists every miss)');
  }
}

main();

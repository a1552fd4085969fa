// `npm run bench`: engine benchmarks. Each case runs in its own child process
// so its peak memory (max RSS) is its own; times are medians of several runs
// after a warm-up, because this machine is shared and noisy.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compare } from '../shared/engine/compare';
import type { VersionInput } from '../shared/engine/types';
import { render, seeded, TextGenerator } from './synth';

interface Case {
  name: string;
  /** Words per version. */
  words: number;
  versions: number;
  targetMs: number | null;
  runs: number;
  make: () => VersionInput[];
}

function related(versions: number, words: number, seed: number): VersionInput[] {
  const gen = new TextGenerator(seeded(seed));
  const base = gen.article(words);
  return Array.from({ length: versions }, (_, k) => ({
    label: `outlet-${k + 1}`,
    source: `synthetic-${k + 1}`,
    text: render(k === 0 ? base : gen.edit(base, 1)),
  }));
}

function unrelated(words: number): VersionInput[] {
  // Same vocabulary, independent streams: texts that share words but not sentences.
  return [11, 12].map((seed, k) => {
    const gen = new TextGenerator(seeded(seed));
    return { label: `unrelated-${k + 1}`, source: 'synthetic', text: render(gen.article(words)) };
  });
}

const CASES: Case[] = [
  { name: '5 versions × 500 words, N-way', words: 500, versions: 5, targetMs: 50, runs: 15, make: () => related(5, 500, 1) },
  { name: '20 versions × 2,000 words, N-way', words: 2000, versions: 20, targetMs: 1000, runs: 5, make: () => related(20, 2000, 2) },
  { name: '2 versions × 10,000 words', words: 10_000, versions: 2, targetMs: null, runs: 5, make: () => related(2, 10_000, 3) },
  { name: '2 versions × 50,000 words', words: 50_000, versions: 2, targetMs: 1000, runs: 5, make: () => related(2, 50_000, 4) },
  { name: '2 versions × 100,000 words', words: 100_000, versions: 2, targetMs: null, runs: 3, make: () => related(2, 100_000, 5) },
  { name: '2 versions × 200,000 words', words: 200_000, versions: 2, targetMs: 5000, runs: 3, make: () => related(2, 200_000, 6) },
  { name: '2 unrelated texts × 10,000 words', words: 10_000, versions: 2, targetMs: 500, runs: 5, make: () => unrelated(10_000) },
];

interface Measured {
  medianMs: number;
  maxRssMb: number;
  budgetExceeded: string[];
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function runCase(c: Case): Measured {
  const inputs = c.make();
  let exceeded: string[] = [];
  compare(inputs); // warm-up: JIT and caches, as in a running app
  const times: number[] = [];
  for (let k = 0; k < c.runs; k++) {
    const t0 = performance.now();
    exceeded = compare(inputs).engine.budgetExceeded;
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), maxRssMb: process.resourceUsage().maxRSS / 1024, budgetExceeded: exceeded };
}

function main(): void {
  const only = process.argv.indexOf('--case');
  if (only >= 0) {
    const c = CASES[Number(process.argv[only + 1])]!;
    process.stdout.write(JSON.stringify(runCase(c)));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const rows = ['| case | median ms | ms / 1,000 words | peak RSS MB | target | result |', '|---|---:|---:|---:|---:|---|'];
  let failed = 0;
  CASES.forEach((c, index) => {
    const out = execFileSync(process.execPath, [self, '--case', String(index)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const m = JSON.parse(out) as Measured;
    const perK = m.medianMs / ((c.words * c.versions) / 1000);
    const ok = c.targetMs === null || m.medianMs <= c.targetMs;
    if (!ok) failed++;
    const note = m.budgetExceeded.length ? ` (budget ran out: ${m.budgetExceeded.join(', ')})` : '';
    rows.push(
      `| ${c.name} | ${m.medianMs.toFixed(1)} | ${perK.toFixed(2)} | ${m.maxRssMb.toFixed(0)} | ${c.targetMs === null ? '—' : `≤ ${c.targetMs}`} | ${ok ? 'ok' : 'SLOW'}${note} |`,
    );
    process.stderr.write(`done: ${c.name}\n`);
  });
  process.stdout.write(`${rows.join('\n')}\n`);
  if (failed) process.stdout.write(`${failed} case(s) over target\n`);
}

main();

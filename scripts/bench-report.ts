// What the library benchmarks share: number formatting, the results table
// with its verdict line, and the entry point that reports a crash.

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

export interface Row {
  name: string;
  measured: string;
  target: string;
  /** null: no target for this case. */
  ok: boolean | null;
  /** Peak RSS of the case's process, in MB. */
  rss?: number;
}

/** The markdown table, then a line naming every case that missed its target. */
export function resultTable(rows: readonly Row[]): string[] {
  const verdict = (row: Row) => (row.ok === null ? '—' : row.ok ? 'ok' : '**MISS**');
  const misses = rows.filter((row) => row.ok === false);
  return [
    '| case | measured | target | result | peak RSS MB |',
    '|---|---|---|---|---:|',
    ...rows.map((row) => `| ${row.name} | ${row.measured} | ${row.target} | ${verdict(row)} | ${row.rss === undefined ? '' : fmt(row.rss, 0)} |`),
    '',
    misses.length
      ? `${misses.length} case(s) missed their target: ${misses.map((row) => row.name.split(' (')[0]).join('; ')}.`
      : 'All targets met.',
  ];
}

/** Runs an async entry point; a crash prints its stack and sets exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}

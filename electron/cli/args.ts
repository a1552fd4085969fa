// Command-line parsing for `parallax`. Hand-written rather than
// util.parseArgs so that every mistake gets one short, specific line.

export type Format = 'json' | 'md' | 'html';
export const FORMATS: readonly Format[] = ['json', 'md', 'html'];

export type Command =
  | { kind: 'help'; topic: 'compare' | 'batch' | null }
  | { kind: 'version' }
  | { kind: 'compare'; files: string[]; base: number | null; format: Format; out: string | null }
  | { kind: 'batch'; dir: string; base: number | null; out: string | null };

/** The user typed something we cannot run; exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage:
  parallax compare FILE FILE... [--base N] [--format json|md|html] [--out PATH]
  parallax batch DIR [--base N] [--out results.jsonl]
  parallax --help | --version

Compare several versions of one news story fact by fact.

compare   Compares two or more .txt/.md files (UTF-8, UTF-16 or Windows-1252).
          Each version's label is its file name without the extension.
batch     Compares every story in DIR: each subfolder is one story and its
          .txt/.md files, sorted by name, are the versions. Writes one JSON
          line per story, in folder-name order, using every CPU core.

Options:
  --base N       The version the others are compared against, counted from 1
                 in the order given (default 1, the first file).
  --format F     compare output: json (default), md (Markdown) or html.
  --out PATH     Write to PATH instead of standard output. The file appears
                 only once it is complete; nothing is written on failure.
  -h, --help     Show this help.
  -V, --version  Show the version of parallax and of its engine.

Exit status: 0 success, 1 bad input or failure (nothing written),
2 usage error, 3 batch finished but some stories failed (see their lines).
Files larger than 20 MB are refused.`;

type Flag = 'base' | 'format' | 'out';
const FLAGS_BY_COMMAND: Record<'compare' | 'batch', readonly Flag[]> = {
  compare: ['base', 'format', 'out'],
  batch: ['base', 'out'],
};

interface Scan {
  positionals: string[];
  flags: Partial<Record<Flag, string>>;
  help: boolean;
  version: boolean;
}

export function parseArgs(argv: readonly string[]): Command {
  const scan = scanArgs(argv);
  const [name, ...rest] = scan.positionals;
  if (scan.help) return { kind: 'help', topic: name === 'compare' || name === 'batch' ? name : null };
  if (scan.version) return { kind: 'version' };
  if (name === undefined) throw new UsageError('missing command (compare or batch)');
  if (name === 'help') return { kind: 'help', topic: null };
  if (name !== 'compare' && name !== 'batch') throw new UsageError(`unknown command '${name}'`);
  for (const flag of Object.keys(scan.flags) as Flag[]) {
    if (!FLAGS_BY_COMMAND[name].includes(flag)) throw new UsageError(`${name} does not take --${flag}`);
  }
  const base = scan.flags.base === undefined ? null : parseBase(scan.flags.base);
  const out = scan.flags.out ?? null;
  if (name === 'batch') return batchCommand(rest, base, out);
  return { kind: 'compare', files: compareFiles(rest), base, format: parseFormat(scan.flags.format ?? 'json'), out };
}

function scanArgs(argv: readonly string[]): Scan {
  const scan: Scan = { positionals: [], flags: {}, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      scan.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') scan.help = true;
    else if (arg === '-V' || arg === '--version') scan.version = true;
    else if (arg.startsWith('-') && arg !== '-') i = takeFlag(argv, i, scan);
    else scan.positionals.push(arg);
  }
  return scan;
}

/** Records `--flag VALUE` or `--flag=VALUE`; returns the index of the last arg used. */
function takeFlag(argv: readonly string[], i: number, scan: Scan): number {
  const arg = argv[i]!;
  const eq = arg.indexOf('=');
  const flagName = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
  if (!arg.startsWith('--') || !isFlag(flagName)) throw new UsageError(`unknown option '${eq === -1 ? arg : arg.slice(0, eq)}'`);
  if (scan.flags[flagName] !== undefined) throw new UsageError(`--${flagName} given more than once`);
  const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
  // "--out --base 2" is a forgotten value, not a file named "--base".
  if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${flagName} needs a value`);
  scan.flags[flagName] = value;
  return eq === -1 ? i + 1 : i;
}

function isFlag(name: string): name is Flag {
  return name === 'base' || name === 'format' || name === 'out';
}

function parseBase(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`--base must be a version number counted from 1, got '${value}'`);
  return Number(value);
}

function parseFormat(value: string): Format {
  const format = FORMATS.find((f) => f === value);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${value}'`);
  return format;
}

function compareFiles(files: string[]): string[] {
  if (files.length === 0) throw new UsageError('compare needs at least 2 files, got none');
  if (files.length === 1) throw new UsageError(`compare needs at least 2 files, got only ${files[0]}`);
  return files;
}

function batchCommand(rest: string[], base: number | null, out: string | null): Command {
  if (rest.length !== 1) throw new UsageError(`batch takes exactly one folder, got ${rest.length}`);
  return { kind: 'batch', dir: rest[0]!, base, out };
}

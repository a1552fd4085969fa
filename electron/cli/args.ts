// Command-line parsing for `parallax`. Hand-written rather than
// util.parseArgs so that every mistake gets one short, specific line.
export { USAGE } from './usage';

export type Format = 'json' | 'md' | 'html';
export const FORMATS: readonly Format[] = ['json', 'md', 'html'];

export const COMMANDS = ['compare', 'batch', 'import', 'list', 'search', 'backup', 'export-library', 'import-library'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** `--library PATH`, or null for the default library. */
type Lib = { library: string | null };

export type Command =
  | { kind: 'help'; topic: CommandName | null }
  | { kind: 'version' }
  | { kind: 'compare'; files: string[]; base: number | null; format: Format; out: string | null }
  | ({ kind: 'compare-story'; storyId: number; base: number | null; format: Format; out: string | null } & Lib)
  | { kind: 'batch'; dir: string; base: number | null; out: string | null }
  | ({ kind: 'import'; paths: string[]; story: number | string | null; json: boolean } & Lib)
  | ({ kind: 'list'; page: number; json: boolean } & Lib)
  | ({ kind: 'search'; query: string; outlet: string | null; tag: string | null; from: string | null; to: string | null; page: number; json: boolean } & Lib)
  | ({ kind: 'backup'; json: boolean } & Lib)
  | ({ kind: 'export-library'; out: string; storyIds: number[] | null; json: boolean } & Lib)
  | ({ kind: 'import-library'; file: string; json: boolean } & Lib);

/** The user typed something we cannot run; exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FLAGS = ['base', 'format', 'out', 'library', 'story', 'json', 'page', 'outlet', 'tag', 'from', 'to'] as const;
type Flag = (typeof FLAGS)[number];
/** Flags that take no value. */
const SWITCHES: readonly Flag[] = ['json'];

const FLAGS_BY_COMMAND: Record<CommandName, readonly Flag[]> = {
  compare: ['base', 'format', 'out', 'story', 'library'],
  batch: ['base', 'out'],
  import: ['story', 'library', 'json'],
  list: ['page', 'library', 'json'],
  search: ['outlet', 'tag', 'from', 'to', 'page', 'library', 'json'],
  backup: ['library', 'json'],
  'export-library': ['out', 'story', 'library', 'json'],
  'import-library': ['library', 'json'],
};
/** Flags a command accepts more than once. */
const REPEATABLE: Partial<Record<CommandName, readonly Flag[]>> = { 'export-library': ['story'] };

interface Scan {
  positionals: string[];
  flags: Partial<Record<Flag, string[]>>;
  help: boolean;
  version: boolean;
}

class Parsed {
  constructor(
    readonly name: CommandName,
    readonly rest: string[],
    private readonly flags: Partial<Record<Flag, string[]>>,
  ) {}

  value(flag: Flag): string | null {
    return this.flags[flag]?.[0] ?? null;
  }

  all(flag: Flag): string[] {
    return this.flags[flag] ?? [];
  }

  has(flag: Flag): boolean {
    return this.flags[flag] !== undefined;
  }

  get library(): string | null {
    return this.value('library');
  }
}

export function parseArgs(argv: readonly string[]): Command {
  const scan = scanArgs(argv);
  const [name, ...rest] = scan.positionals;
  if (scan.help) return { kind: 'help', topic: isCommand(name) ? name : null };
  if (scan.version) return { kind: 'version' };
  if (name === undefined) throw new UsageError(`missing command (${COMMANDS.join(', ')})`);
  if (name === 'help') return { kind: 'help', topic: isCommand(rest[0]) ? rest[0] : null };
  if (!isCommand(name)) throw new UsageError(`unknown command '${name}'`);
  for (const [flag, values] of Object.entries(scan.flags) as [Flag, string[]][]) {
    if (!FLAGS_BY_COMMAND[name].includes(flag)) throw new UsageError(`${name} does not take --${flag}`);
    if (values.length > 1 && !REPEATABLE[name]?.includes(flag)) throw new UsageError(`--${flag} given more than once`);
  }
  return build(new Parsed(name, rest, scan.flags));
}

function build(p: Parsed): Command {
  const json = p.has('json');
  switch (p.name) {
    case 'compare':
      return compareCommand(p);
    case 'batch':
      if (p.rest.length !== 1) throw new UsageError(`batch takes exactly one folder, got ${p.rest.length}`);
      return { kind: 'batch', dir: p.rest[0]!, base: optional(p.value('base'), parseBase), out: p.value('out') };
    case 'import':
      if (p.rest.length === 0) throw new UsageError('import needs at least one file or folder');
      return { kind: 'import', paths: p.rest, story: optional(p.value('story'), parseStoryRef), library: p.library, json };
    case 'list':
      noPositionals(p);
      return { kind: 'list', page: optional(p.value('page'), parsePage) ?? 1, library: p.library, json };
    case 'search':
      return searchCommand(p, json);
    case 'backup':
      noPositionals(p);
      return { kind: 'backup', library: p.library, json };
    case 'export-library': {
      noPositionals(p);
      const out = p.value('out');
      if (out === null) throw new UsageError('export-library needs --out FILE');
      const ids = p.all('story').map((v) => parseStoryId(v));
      return { kind: 'export-library', out, storyIds: ids.length > 0 ? ids : null, library: p.library, json };
    }
    case 'import-library':
      if (p.rest.length !== 1) throw new UsageError(`import-library takes exactly one file, got ${p.rest.length}`);
      return { kind: 'import-library', file: p.rest[0]!, library: p.library, json };
  }
}

function compareCommand(p: Parsed): Command {
  const base = optional(p.value('base'), parseBase);
  const format = parseFormat(p.value('format') ?? 'json');
  const out = p.value('out');
  const story = p.value('story');
  if (story !== null) {
    if (p.rest.length > 0) throw new UsageError('compare takes either files or --story, not both');
    return { kind: 'compare-story', storyId: parseStoryId(story), base, format, out, library: p.library };
  }
  if (p.has('library')) throw new UsageError('--library goes with compare --story; files are compared as they are');
  if (p.rest.length === 0) throw new UsageError('compare needs at least 2 files (or --story ID), got none');
  if (p.rest.length === 1) throw new UsageError(`compare needs at least 2 files, got only ${p.rest[0]}`);
  return { kind: 'compare', files: p.rest, base, format, out };
}

function searchCommand(p: Parsed, json: boolean): Command {
  const query = p.rest.join(' ').trim();
  if (query === '') throw new UsageError('search needs something to look for');
  return {
    kind: 'search',
    query,
    outlet: p.value('outlet'),
    tag: p.value('tag'),
    from: optional(p.value('from'), (v) => parseDate(v, 'from')),
    to: optional(p.value('to'), (v) => parseDate(v, 'to')),
    page: optional(p.value('page'), parsePage) ?? 1,
    library: p.library,
    json,
  };
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

/** Records `--flag VALUE`, `--flag=VALUE` or a bare switch; returns the index of the last arg used. */
function takeFlag(argv: readonly string[], i: number, scan: Scan): number {
  const arg = argv[i]!;
  const eq = arg.indexOf('=');
  const flagName = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
  if (!arg.startsWith('--') || !isFlag(flagName)) throw new UsageError(`unknown option '${eq === -1 ? arg : arg.slice(0, eq)}'`);
  const record = (value: string) => (scan.flags[flagName] ??= []).push(value);
  if (SWITCHES.includes(flagName)) {
    if (eq !== -1) throw new UsageError(`--${flagName} takes no value`);
    record('');
    return i;
  }
  const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
  // "--out --base 2" is a forgotten value, not a file named "--base".
  if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`--${flagName} needs a value`);
  record(value);
  return eq === -1 ? i + 1 : i;
}

function isFlag(name: string): name is Flag {
  return (FLAGS as readonly string[]).includes(name);
}

function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && (COMMANDS as readonly string[]).includes(name);
}

function optional<T>(value: string | null, parse: (value: string) => T): T | null {
  return value === null ? null : parse(value);
}

function noPositionals(p: Parsed): void {
  if (p.rest.length > 0) throw new UsageError(`${p.name} takes no arguments, got '${p.rest[0]}'`);
}

function parseBase(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new UsageError(`--base must be a version number counted from 1, got '${value}'`);
  return Number(value);
}

function parsePage(value: string): number {
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new UsageError(`--page must be a page number counted from 1, got '${value}'`);
  return Number(value);
}

function parseStoryId(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`--story must be a story id (a number from 'parallax list'), got '${value}'`);
  return Number(value);
}

/** A number is a story id; anything else is a story's name. */
function parseStoryRef(value: string): number | string {
  if (/^\d+$/.test(value)) return parseStoryId(value);
  if (value.trim() === '') throw new UsageError('--story needs a story id or name');
  return value;
}

// Only the shape, to catch "yesterday" with a usage hint; the library checks
// the calendar and the time exactly.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[\d:.+Z-]*$/;

function parseDate(value: string, flag: string): string {
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) {
    throw new UsageError(`--${flag} must be a date (2025-11-22) or an ISO date and time, got '${value}'`);
  }
  return value;
}

function parseFormat(value: string): Format {
  const format = FORMATS.find((f) => f === value);
  if (!format) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${value}'`);
  return format;
}

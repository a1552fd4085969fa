// `parallax search QUERY [--outlet NAME] [--tag NAME] [--from DATE] [--to DATE]
// [--page N] [--library PATH] [--json]`: ranked hits with a snippet each.
import { displayName } from '../import/decode';
import { libraryMethods } from '../library/library-methods';
import type { SearchHit, SearchQuery, SearchResult } from '../library/index';
import { withLibrary } from './library-open';
import { CliError } from './output';

export interface SearchArgs {
  query: string;
  outlet: string | null;
  tag: string | null;
  from: string | null;
  to: string | null;
  page: number;
  library: string | null;
  json: boolean;
}

export const SEARCH_PAGE_SIZE = 20;

export async function runSearch(args: SearchArgs): Promise<number> {
  return withLibrary(args.library, false, (library) => {
    const methods = libraryMethods(library);
    const query: SearchQuery = { text: args.query, limit: SEARCH_PAGE_SIZE, offset: (args.page - 1) * SEARCH_PAGE_SIZE };
    if (args.outlet !== null) {
      // Names, not ids, are what a user knows; matched as the library does (case-insensitive).
      const wanted = args.outlet.toLowerCase();
      const ids = methods.listOutlets().filter((o) => o.name.toLowerCase() === wanted).map((o) => o.id);
      if (ids.length === 0) throw new CliError(`no outlet is named '${displayName(args.outlet)}'`);
      query.outletIds = ids;
    }
    if (args.tag !== null) {
      const wanted = args.tag.toLowerCase();
      const tag = methods.listTags().find((t) => t.name.toLowerCase() === wanted);
      if (!tag) throw new CliError(`no tag is named '${displayName(args.tag)}'`);
      query.tagId = tag.id;
    }
    if (args.from !== null) query.publishedFrom = args.from;
    if (args.to !== null) query.publishedTo = args.to;
    const result = methods.search(query);
    if (args.json) process.stdout.write(`${JSON.stringify({ schema: 'parallax.search/1', library: library.file, query: args.query, page: args.page, ...result }, null, 2)}\n`);
    else process.stdout.write(renderSearch(args.query, result));
    return 0;
  });
}

function renderSearch(query: string, result: SearchResult): string {
  const total = result.totalIsExact ? String(result.total) : `more than ${result.total}`;
  const order = result.order === 'relevance' ? 'best first' : 'newest first';
  if (result.total === 0) return `Nothing matches ${displayName(query)}.\n`;
  let text = `${total} ${result.total === 1 && result.totalIsExact ? 'version matches' : 'versions match'} ${displayName(query)} (${order})\n`;
  if (result.hits.length === 0) text += `This page is past the last match.\n`;
  result.hits.forEach((hit, k) => {
    text += `\n${result.offset + k + 1}. ${hitLine(hit)}\n   ${snippet(hit)}\n`;
  });
  return text;
}

function hitLine(hit: SearchHit): string {
  const about = [hit.outlet, hit.publishedAt?.slice(0, 10), hit.sourceName].filter((part): part is string => Boolean(part)).map(displayName);
  return `version #${hit.versionId} of story #${hit.storyId} '${displayName(hit.storyTitle)}' — ${displayName(hit.title ?? '(untitled)')} (${about.join(', ')})`;
}

/** The passage on one line, matches in [brackets] so they show without colour. */
function snippet(hit: SearchHit): string {
  return displayName(hit.snippet.map((piece) => (piece.match ? `[${piece.text}]` : piece.text)).join('').replace(/\s+/g, ' ').trim());
}

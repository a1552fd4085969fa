// `parallax list [--page N] [--library PATH] [--json]`: stories, most recently
// changed first, a page at a time, each with its versions.
import { libraryMethods } from '../library/library-methods';
import type { StorySummary, VersionMeta } from '../library/index';
import { withLibrary } from './library-open';
import { formatTable } from './table';

export interface ListArgs {
  page: number;
  library: string | null;
  json: boolean;
}

export const PAGE_SIZE = 50;

interface ListedStory extends StorySummary {
  /** Distinct outlet names of its versions, in story order. */
  outlets: string[];
  versions: VersionMeta[];
}

export async function runList(args: ListArgs): Promise<number> {
  return withLibrary(args.library, false, (library) => {
    const methods = libraryMethods(library);
    const page = methods.listStories({ limit: PAGE_SIZE, offset: (args.page - 1) * PAGE_SIZE });
    const stories: ListedStory[] = page.items.map((story) => {
      const versions = methods.listVersions(story.id);
      const outlets = [...new Set(versions.flatMap((v) => (v.outlet ? [v.outlet.name] : [])))];
      return { ...story, outlets, versions };
    });
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    if (args.json) {
      const listing = { schema: 'parallax.list/1', library: library.file, page: args.page, pages, pageSize: PAGE_SIZE, total: page.total, stories };
      process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
    } else {
      process.stdout.write(renderList(stories, page.total, args.page, pages));
    }
    return 0;
  });
}

function renderList(stories: ListedStory[], total: number, page: number, pages: number): string {
  if (total === 0) return 'The library has no stories yet; add files with `parallax import`.\n';
  if (stories.length === 0) return `There is no page ${page}: ${total} ${total === 1 ? 'story fills' : 'stories fill'} ${pages} ${pages === 1 ? 'page' : 'pages'}.\n`;
  const rows: string[][] = [];
  for (const story of stories) {
    const count = `${story.versionCount} ${story.versionCount === 1 ? 'version' : 'versions'}`;
    rows.push([String(story.id), '', story.title, story.outlets.length > 0 ? `${count}: ${story.outlets.join(', ')}` : count, '']);
    for (const v of story.versions) rows.push([String(story.id), String(v.id), `· ${v.title ?? '(untitled)'}`, v.outlet?.name ?? '', v.sourceName]);
  }
  const first = (page - 1) * PAGE_SIZE + 1;
  const heading = `Stories ${first}–${first + stories.length - 1} of ${total}${pages > 1 ? ` (page ${page} of ${pages})` : ''}\n\n`;
  const columns = [
    { header: 'STORY', align: 'right' as const },
    { header: 'VERSION', align: 'right' as const },
    { header: 'TITLE', max: 60 },
    { header: 'OUTLET', max: 40 },
    { header: 'FILE', max: 50 },
  ];
  return heading + formatTable(columns, rows);
}

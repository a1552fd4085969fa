// `parallax compare --story ID [--base N] [--format json|md|html] [--out PATH]
// [--library PATH]`: a library story's versions, compared in story order.
// Results come from (and go into) the library's analysis cache; the user's
// boilerplate decisions are applied as overrides.
import type { CompareResult } from '../../shared/engine/types';
import { libraryMethods } from '../library/library-methods';
import type { Format } from './args';
import { render } from './compare-command';
import { withLibrary } from './library-open';
import { checkOutPath, emit } from './output';

export interface StoryCompareArgs {
  storyId: number;
  /** 1-based, as typed; null for the first version. */
  base: number | null;
  format: Format;
  out: string | null;
  library: string | null;
}

export async function runStoryCompare(args: StoryCompareArgs): Promise<number> {
  if (args.out !== null) checkOutPath(args.out);
  return withLibrary(args.library, false, (library) => {
    const comparison = libraryMethods(library).compareStory(args.storyId, { base: (args.base ?? 1) - 1 });
    // Re-rendered rather than printed as cached, so the JSON looks exactly like `compare FILE...`.
    emit(args.out, render(JSON.parse(comparison.resultJson) as CompareResult, args.format));
    return 0;
  });
}

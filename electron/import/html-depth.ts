// How deeply a page nests its elements, checked twice. Deep nesting is where
// the HTML libraries stop being linear: measured here, parse5 took 0.2 s for
// 1,000 nested <div>s, 1.6 s for 5,000 and about 25 s for 20,000; jsdom's
// cloneNode overflows the stack near 5,000; Readability took 1 s at 200
// levels, 4 s at 400 and 25 s at 1,000. Real article pages nest a few dozen
// levels. So a cheap scan of the source refuses absurd pages before parsing,
// and the parsed tree's true depth is checked before Readability runs.
//
// The scan follows the parser where it matters for depth: contents of
// script/style/textarea/title are skipped, void elements and elements whose
// end tag is optional (p, li, td, …) do not nest, and an end tag only closes
// when a matching element is open (stray "</x>" tags cannot hide depth).
// Because it under-counts (a nested table adds tbody, tr and td), its limit
// is looser than the tree's.

export const MAX_SOURCE_NESTING = 1000;
export const MAX_TREE_DEPTH = 200;

const VOID = new Set('area base br col embed hr img input link meta param source track wbr keygen'.split(' '));
const OPTIONAL_END = new Set('p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp rtc html head body'.split(' '));
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Deepest nesting of elements the scan sees, stopping early once `limit` is passed. */
export function nestingDepth(html: string, limit = MAX_SOURCE_NESTING): number {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
  const lower = html.toLowerCase();
  const open: string[] = [];
  let deepest = 0;
  let match: RegExpExecArray | null;
  while ((match = tag.exec(html)) !== null) {
    const name = match[2]?.toLowerCase();
    if (!name) continue;
    if (match[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || match[3] === '/') continue;
    open.push(name);
    if (open.length > deepest) deepest = open.length;
    if (deepest > limit) break;
  }
  return deepest;
}

/** Depth of the element tree under `root` (root is 1), stopping early once `limit` is passed; iterative, so any depth is safe. */
export function treeDepth(root: Element, limit = MAX_TREE_DEPTH): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) break;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

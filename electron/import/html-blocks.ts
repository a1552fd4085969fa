// Turns a DOM subtree into text blocks the way a reader sees them: each
// paragraph, heading, list item or cell is its own block, inline markup
// (links, emphasis) flows inside it, and <br> is a line break. Blocks are what
// keep paragraphs apart in the imported text; textContent alone would glue a
// whole article into one run-on line.
//
// The walk is iterative: a hostile page can nest elements a hundred thousand
// deep, which would overflow the stack of a recursive walk.

export interface TextBlock {
  text: string;
  /** The innermost block element the text sits in. */
  element: Element;
  heading: boolean;
}

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const HEADING = /^h[1-6]$/;
const CONTROL_TAGS = new Set(['button', 'input', 'select', 'textarea', 'label']);

/** Never text a reader sees, whatever page they are on. */
const INVISIBLE_TAGS = new Set('script style noscript template head title meta link svg math iframe object embed canvas audio video select option datalist'.split(' '));

export function isInvisible(element: Element): boolean {
  if (INVISIBLE_TAGS.has(element.localName)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

// HTML collapses ASCII whitespace only: a no-break space is kept, as it is
// in the rendered page.
const COLLAPSIBLE = /[ \t\n\r\f]+/g;

type Step = { node: Node; exit: false } | { node: Element; exit: true };

/** The blocks under `root` (root itself included), skipping elements `skip` rejects. */
export function collectBlocks(root: Element, skip: (element: Element) => boolean = isInvisible): TextBlock[] {
  const blocks: TextBlock[] = [];
  const containers: Element[] = [];
  let buffer = '';

  const flush = (): void => {
    const text = buffer.replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
    buffer = '';
    const element = containers[containers.length - 1] ?? root;
    if (text !== '') blocks.push({ text, element, heading: HEADING.test(element.localName) });
  };

  const stack: Step[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.exit) {
      flush();
      containers.pop();
      continue;
    }
    const node = step.node;
    if (node.nodeType === 3 || node.nodeType === 4) {
      buffer += (node.nodeValue ?? '').replace(COLLAPSIBLE, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element !== root && skip(element)) continue;
    const tag = element.localName;
    if (tag === 'br') {
      buffer += '\n';
      continue;
    }
    // Controls render as separate boxes: "<button>Share</button><a>Email</a>"
    // reads as two words, not "ShareEmail".
    if (CONTROL_TAGS.has(tag)) {
      buffer += ' ';
      stack.push({ node: element.ownerDocument.createTextNode(' '), exit: false });
    }
    if (tag === 'pre') {
      flush();
      const text = (element.textContent ?? '').replace(/^\n+|\s+$/g, '');
      if (text.trim() !== '') blocks.push({ text, element, heading: false });
      continue;
    }
    const block = BLOCK_TAGS.has(tag) || element === root;
    if (block) {
      flush();
      containers.push(element);
      stack.push({ node: element, exit: true });
    }
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  return blocks;
}

/** Article text: one block per paragraph, blocks separated by a blank line. */
export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.map((block) => block.text).join('\n\n');
}

/** Whitespace-insensitive key used to recognise the same block in two trees. */
export function blockKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

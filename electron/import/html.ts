// Saved web pages. The page is parsed by jsdom with scripts off and no
// subresources (jsdom's defaults, relied on deliberately: a saved page is
// untrusted input and must neither run nor phone home), Readability extracts
// the article from a clone, and the text is rebuilt block by block so its
// paragraphs survive. Everything Readability dropped is reported in `cut`.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { ImportError } from './decode';
import { blankDocument } from './document';
import type { ImportedDocument } from './document';
import { blocksToText, collectBlocks, isInvisible } from './html-blocks';
import { decodeHtml } from './html-charset';
import { MAX_SOURCE_NESTING, MAX_TREE_DEPTH, nestingDepth, treeDepth } from './html-depth';
import { findCut, stampOrigins } from './html-cut';
import { canonicalUrl, cleanField, metaAuthor, metaPublishedTime, metaSiteName, toIsoDate } from './html-meta';

// Readability keeps small pages whole, navigation included, so its result is
// trimmed too. An article's own <header> holds its headline and standfirst,
// so in Readability's result only headers without a heading (a site's logo
// bar) go; the page-level fallback drops every header.
const ARTICLE_CHROME = 'nav, aside, footer, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"]';
const PAGE_CHROME = `${ARTICLE_CHROME}, header`;
const isSiteHeader = (element: Element): boolean => element.localName === 'header' && element.querySelector('h1, h2, h3, h4, h5, h6') === null;

export async function parseHtml(bytes: Uint8Array, sourceName: string): Promise<ImportedDocument> {
  const decoded = decodeHtml(bytes, sourceName);
  if (nestingDepth(decoded.text) > MAX_SOURCE_NESTING) throw tooDeep(sourceName, MAX_SOURCE_NESTING);
  const dom = openDom(decoded.text);
  try {
    const { document } = dom.window;
    if (document.documentElement && treeDepth(document.documentElement) > MAX_TREE_DEPTH) throw tooDeep(sourceName, MAX_TREE_DEPTH);
    const body = document.body;
    if (!body) throw new ImportError('no-text', sourceName, 'web page has no body');

    stampOrigins(body);
    const article = readArticle(document);
    let root = article?.content ? withoutChrome(article.content, ARTICLE_CHROME) : null;
    let blocks = root ? collectBlocks(root) : [];
    if (blocks.length === 0) {
      root = withoutChrome(body, PAGE_CHROME);
      blocks = collectBlocks(root);
    }
    const text = blocksToText(blocks);
    if (text.trim() === '') throw new ImportError('no-text', sourceName, 'web page has no article text');

    const doc = blankDocument('html', sourceName, text);
    doc.encoding = decoded.encoding;
    doc.title = cleanField(article?.title) ?? cleanField(document.title);
    doc.byline = cleanField(article?.byline) ?? cleanField(metaAuthor(document));
    doc.siteName = cleanField(article?.siteName, 100) ?? cleanField(metaSiteName(document), 100);
    doc.publishedTime = toIsoDate(article?.publishedTime) ?? toIsoDate(metaPublishedTime(document));
    doc.url = canonicalUrl(document);
    doc.cut = findCut(body, blocks, { title: doc.title, byline: doc.byline });
    doc.sanitizedHtml = sanitize(dom.window as unknown as WindowLike, root!.innerHTML);
    return doc;
  } finally {
    dom.window.close();
  }
}

function tooDeep(sourceName: string, limit: number): ImportError {
  return new ImportError('corrupt', sourceName, `web page nests elements more than ${limit} deep, which no article page does`);
}

function openDom(html: string): JSDOM {
  // A VirtualConsole that forwards nowhere: jsdom otherwise prints the page's
  // CSS parse errors to our stdout. runScripts and resources are left unset,
  // which means "never run page scripts" and "never fetch anything".
  return new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
}

interface Article {
  content: Element | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

function readArticle(document: Document): Article | null {
  try {
    // Readability rewrites the DOM it is given, so it gets a clone and the
    // original stays intact for the cut list. The serializer hands back the
    // article element itself instead of an HTML string to re-parse.
    const clone = document.cloneNode(true) as Document;
    const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
    if (!parsed) return null;
    return {
      content: parsed.content ?? null,
      title: parsed.title ?? null,
      byline: parsed.byline ?? null,
      siteName: parsed.siteName ?? null,
      publishedTime: parsed.publishedTime ?? null,
    };
  } catch {
    // Readability gives up on some malformed pages; the fallback below still
    // extracts the visible body text.
    return null;
  }
}

/**
 * `root` without chrome elements and invisible ones, unless that would leave
 * no text: a page that is all <aside> is still better imported than refused.
 */
function withoutChrome(root: Element, chrome: string): Element {
  const copy = root.cloneNode(true) as Element;
  const doomed = Array.from(copy.querySelectorAll(chrome));
  for (const element of Array.from(copy.querySelectorAll('*'))) if (isInvisible(element) || isSiteHeader(element)) doomed.push(element);
  for (const element of doomed) element.remove();
  return collectBlocks(copy).length > 0 ? copy : root;
}

/** The article as HTML safe to show: no scripts, handlers, styles, forms, frames, data-* or image loads. */
export function sanitize(window: WindowLike, html: string): string {
  const purify = createDOMPurify(window);
  return purify.sanitize(html, {
    ALLOW_DATA_ATTR: false,
    FORBID_TAGS: [
      'script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'form', 'input', 'button', 'select', 'option', 'textarea',
      'iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture', 'canvas', 'svg', 'math', 'dialog',
    ],
    // Every image source is dropped, not only remote ones: a data: URI can be
    // megabytes, and the alt text still tells the reader what was there.
    FORBID_ATTR: ['style', 'src', 'srcset', 'sizes', 'poster', 'background', 'action', 'formaction', 'ping', 'srcdoc', 'id', 'class', 'loading'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}

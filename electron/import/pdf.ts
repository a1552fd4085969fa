// PDF text through pdf.js, in the serverless build that `unpdf` bundles (the
// pdfjs-dist package pulls optional native canvas binaries whose platform
// packages npm ci cannot always resolve; text extraction needs none of them). pdf.js is loaded only when a PDF is
// imported (it is large) and configured to stay inside the process: no font
// loading, no system fonts, no fetching of fonts, CMaps or wasm (it gets the
// bytes, never a URL), no XFA. Its "fake worker" runs in this thread.
// pdf.js 6 no longer has an `isEvalSupported` option because it no longer
// compiles fonts or functions with eval/new Function at all.
import { getResolvedPDFJS } from 'unpdf';
import { ImportError } from './decode';
import { blankDocument, firstLine } from './document';
import type { ImportedDocument } from './document';
import { layoutPdf } from './pdf-layout';
import type { PdfItem } from './pdf-layout';

// An article is a few pages; a cap bounds the work a huge PDF can demand.
export const MAX_PDF_PAGES = 500;

type PdfJs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= getResolvedPDFJS();
  return pdfjs;
}

export async function parsePdf(bytes: Uint8Array, sourceName: string): Promise<ImportedDocument> {
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js transfers (detaches) the buffer it is given and refuses Buffers,
    // so it gets a plain copy; the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openError(error, sourceName);
    });
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new ImportError('too-large', sourceName, `PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}`);
    }
    const pages: PdfItem[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((item) => ('str' in item ? [toItem(item)] : [])));
      page.cleanup();
    }
    const { text, cut } = layoutPdf(pages);
    if (text.trim() === '') {
      throw new ImportError('no-text', sourceName, 'PDF has no text layer (probably a scan); run text recognition (OCR) on it first');
    }
    const doc = blankDocument('pdf', sourceName, text);
    doc.cut = cut;
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    doc.title = infoString(info.Title);
    doc.byline = infoString(info.Author);
    return doc;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('corrupt', sourceName, `is a damaged PDF (${firstLine(error)})`);
  } finally {
    await task.destroy();
  }
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

function toItem(item: RawTextItem): PdfItem {
  const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform;
  // The font size is the length of the text matrix's vertical vector; it also
  // holds for rotated or skewed text, where `height` alone can be 0.
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  return { str: item.str, x, y, width: item.width, size, hasEOL: item.hasEOL };
}

function openError(error: unknown, sourceName: string): ImportError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return new ImportError('encrypted', sourceName, 'PDF is password-protected; save an unprotected copy');
  if (name === 'InvalidPDFException') return new ImportError('corrupt', sourceName, 'is not a readable PDF (invalid or damaged structure)');
  return new ImportError('corrupt', sourceName, `is a damaged PDF (${firstLine(error)})`);
}

// Titles like "Microsoft Word - draft3.docx" or "untitled.pdf" are the
// producing program's file name, not the article's title.
function infoString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 300) return null;
  if (/\.(?:docx?|pdf|odt|rtf|txt|html?|indd|pages)$/i.test(text)) return null;
  return text;
}

// Builders for the binary fixtures of the import tests, so every .docx, zip
// bomb and PDF is generated from readable source instead of committed blobs.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Store instead of deflate. */
  store?: boolean;
  /** Overrides the uncompressed size written to the headers (to forge lying archives). */
  declaredSize?: number;
  /** Ready-made raw deflate data for `data` (which then only supplies the CRC). */
  compressed?: Uint8Array;
}

const bytesOf = (data: Uint8Array | string): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

/** A minimal, valid zip archive (no ZIP64, no data descriptors). */
export function makeZip(inputs: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const raw = bytesOf(input.data);
    const data = input.compressed ? Buffer.from(input.compressed) : input.store ? Buffer.from(raw) : deflateRawSync(raw);
    const name = Buffer.from(input.name, 'utf8');
    const size = input.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const method = input.store ? 0 : 8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxOptions {
  title?: string;
  creator?: string;
}

/** A tiny Word document: one <w:p> per paragraph, with optional core properties. */
export function makeDocx(paragraphs: string[], options: DocxOptions = {}): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  const inputs: ZipInput[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ];
  if (options.title !== undefined || options.creator !== undefined) {
    inputs.push({
      name: 'docProps/core.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        (options.title !== undefined ? `<dc:title>${xmlEscape(options.title)}</dc:title>` : '') +
        (options.creator !== undefined ? `<dc:creator>${xmlEscape(options.creator)}</dc:creator>` : '') +
        '</cp:coreProperties>',
    });
  }
  return makeZip(inputs);
}

/** One line of PDF text: drawn at (x, y) in points, Helvetica at `size`. */
export interface PdfLineSpec {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

export interface PdfOptions {
  title?: string;
  author?: string;
  /** Adds a Standard security handler whose user password is not empty. */
  encrypted?: boolean;
}

const pdfString = (text: string): string => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * A valid PDF 1.4 with a text layer: Helvetica (a standard font, so no font
 * file is embedded) in WinAnsiEncoding, so text must be Latin-1. An empty
 * page list entry makes a page with no text, like a scan.
 */
export function makePdf(pages: PdfLineSpec[][], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines.map((line) => `BT /F1 ${line.size ?? 11} Tf 1 0 0 1 ${line.x ?? 72} ${line.y} Tm ${pdfString(line.text)} Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = options.title !== undefined || options.author !== undefined
    ? add(`<< ${options.title !== undefined ? `/Title ${pdfString(options.title)}` : ''} ${options.author !== undefined ? `/Author ${pdfString(options.author)}` : ''} >>`)
    : null;

  const encrypt = options.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`) : null;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lays paragraphs out as 11 pt lines 14 pt apart, a blank line between paragraphs, from y = top downwards. */
export function pdfParagraphs(paragraphs: string[][], top = 720): PdfLineSpec[] {
  const lines: PdfLineSpec[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const text of paragraph) {
      lines.push({ text, y });
      y -= 14;
    }
    y -= 14;
  }
  return lines;
}

/**
 * A raw deflate stream that inflates to `copies` × `chunk` zero bytes while
 * compressing only `chunk` once: full-flush segments end on a byte boundary
 * with a fresh dictionary, so they can simply be repeated. A 1.6 MB .docx
 * built this way declares 1.6 GB, the shape of a real zip bomb.
 */
export function repeatedDeflate(chunk: number, copies: number): Uint8Array {
  const segment = deflateRawSync(Buffer.alloc(chunk), { finishFlush: constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return new Uint8Array(Buffer.concat([...Array.from({ length: copies }, () => segment), finalEmptyBlock]));
}

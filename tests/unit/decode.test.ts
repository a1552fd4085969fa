import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeBytes, ImportError } from '../../electron/import/decode';
import type { ImportErrorCode } from '../../electron/import/decode';

const SAMPLE = 'Officials said “over 270 devices” were hit — a €2.5 million repair, café closed.\n';
const ASCII = 'Officials said over 270 devices were hit on Tuesday.\n';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}
const withPrefix = (prefix: number[], bytes: Uint8Array): Uint8Array => new Uint8Array([...prefix, ...bytes]);

function errorCode(bytes: Uint8Array): ImportErrorCode | null {
  try {
    decodeBytes(bytes, 'article.txt');
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).code;
  }
}

describe('decodeBytes: supported encodings', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeBytes(utf8(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('strips the UTF-8 BOM so offsets index the text', () => {
    expect(decodeBytes(withPrefix([0xef, 0xbb, 0xbf], utf8(SAMPLE)), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with a BOM, BOM removed', () => {
    expect(decodeBytes(withPrefix([0xff, 0xfe], utf16le(SAMPLE)), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeBytes(withPrefix([0xfe, 0xff], utf16be(SAMPLE)), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('sniffs UTF-16 LE and BE without a BOM from the NUL-byte positions', () => {
    expect(decodeBytes(utf16le(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeBytes(utf16be(SAMPLE), 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('sniffs BOM-less UTF-16 of non-Latin text from the NULs of its spaces', () => {
    const greek = 'Ο πρωθυπουργός δήλωσε σήμερα ότι η κυβέρνηση θα λάβει μέτρα.\n';
    expect(decodeBytes(utf16le(greek), 'a.txt')).toEqual({ text: greek, encoding: 'utf-16le' });
    expect(decodeBytes(utf16be(greek), 'a.txt')).toEqual({ text: greek, encoding: 'utf-16be' });
  });

  it('keeps astral characters (surrogate pairs) in UTF-16', () => {
    const text = `${ASCII}Reaction: 😀 from readers.\n`;
    expect(decodeBytes(utf16le(text), 'a.txt').text).toBe(text);
  });

  it('decodes Windows-1252 curly quotes, dashes and the euro sign', () => {
    const bytes = new Uint8Array(iconv.encode(SAMPLE, 'windows-1252'));
    expect(bytes.includes(0x80)).toBe(true); // € is a C1-range byte in Windows-1252
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'windows-1252' });
  });

  it('decodes ISO-8859-1 accented text as Windows-1252', () => {
    const text = 'Café in Zürich: naïve résumé, Straße und Größe für alle.\n';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'latin1')), 'a.txt')).toEqual({ text, encoding: 'windows-1252' });
  });

  it('decodes a very short Windows-1252 text that chardet cannot place', () => {
    expect(decodeBytes(new Uint8Array([0x93, 0x48, 0x69, 0x94]), 'a.txt').text).toBe('“Hi”');
  });

  it('tolerates a stray form feed in long text', () => {
    const text = `${ASCII.repeat(5)}\f${ASCII}`;
    expect(decodeBytes(utf8(text), 'a.txt').text).toBe(text);
  });
});

describe('decodeBytes: refusals', () => {
  it('rejects an empty file and a whitespace-only file', () => {
    expect(errorCode(new Uint8Array())).toBe('empty');
    expect(errorCode(utf8(' \n\t\r\n'))).toBe('empty');
    expect(errorCode(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('empty');
  });

  it('rejects binary data: NULs that are not UTF-16', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(errorCode(png)).toBe('binary');
    expect(errorCode(withPrefix([0, 0, 0, 0], utf8(ASCII)))).toBe('binary');
  });

  it('rejects binary data without NULs: many control characters', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26)));
    expect(errorCode(bytes)).toBe('binary');
  });

  it('rejects high-byte noise that Windows-1252 would happily decode', () => {
    const bytes = new Uint8Array(256).map((_, i) => 0x80 + ((i * 37) % 32));
    expect(['binary', 'unsupported-encoding']).toContain(errorCode(bytes));
  });

  it('rejects bytes unassigned in Windows-1252', () => {
    const text = 'Officials said “over 270 devices” were hit — a €2.5 million repair.\n';
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    bytes[10] = 0x8d;
    expect(errorCode(bytes)).toBe('unsupported-encoding');
  });

  it('rejects text in an unsupported encoding (Cyrillic Windows-1251, Shift_JIS)', () => {
    const russian = 'Президент заявил сегодня, что правительство примет меры по восстановлению порта.\n';
    expect(errorCode(new Uint8Array(iconv.encode(russian, 'windows-1251')))).toBe('unsupported-encoding');
    const japanese = '日本の首相は本日、政府が港の復旧に向けた対策を講じると述べた。\n';
    expect(errorCode(new Uint8Array(iconv.encode(japanese, 'shift_jis')))).toBe('unsupported-encoding');
  });

  it('rejects UTF-16 with an odd byte count or a broken surrogate', () => {
    expect(errorCode(withPrefix([0xff, 0xfe], utf16le(ASCII)).subarray(0, 2 + utf16le(ASCII).length - 1))).toBe('undecodable');
    const lone = withPrefix([0xff, 0xfe], new Uint8Array([...utf16le('Hello '), 0x00, 0xd8, ...utf16le(' world')]));
    expect(errorCode(lone)).toBe('undecodable');
  });

  it('rejects UTF-8 damaged by a stray byte instead of garbling it as Windows-1252', () => {
    const bytes = new Uint8Array([...utf8('Café résumé and naïve text, long enough to judge. '), 0x92, ...utf8('t stop')]);
    expect(errorCode(bytes)).toBe('undecodable');
  });

  it('rejects a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(errorCode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28, 0x42]))).toBe('undecodable');
  });

  it('names the file in a one-line message, escaping control characters in the name', () => {
    try {
      decodeBytes(new Uint8Array(), 'evil\nname.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toBe('evil\\u000aname.txt: file is empty');
      expect((error as ImportError).file).toBe('evil\nname.txt');
    }
  });
});

describe('decodeBytes: properties', () => {
  it('never throws anything but ImportError, and returns text without NULs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          const { text, encoding } = decodeBytes(bytes, 'random.bin');
          expect(text.includes('\u0000')).toBe(false);
          expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).toContain(encoding);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any UTF-8 and UTF-16 text that looks like text', () => {
    const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(s));
    fc.assert(
      fc.property(printable, (text) => {
        expect(decodeBytes(utf8(text), 'a.txt').text).toBe(text);
        expect(decodeBytes(withPrefix([0xff, 0xfe], utf16le(text)), 'a.txt').text).toBe(text);
        expect(decodeBytes(withPrefix([0xfe, 0xff], utf16be(text)), 'a.txt').text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

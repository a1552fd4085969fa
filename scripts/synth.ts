// Deterministic synthetic news-like text for benchmarks: Zipf-distributed
// invented vocabulary, real function words, numbers with nouns, dates and
// names, and versions derived from a base by realistic edits (drop, add,
// reword, change a number, move a paragraph).

export type Random = () => number;

/** mulberry32: small, fast, seedable; identical streams on every platform. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'dun', 'pel', 'sar', 'ti', 'gor', 'ne', 'bra', 'lis', 'ham', 'qu', 'zen', 'ox', 'fir', 'ul'];
const GLUE = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'on', 'with', 'was', 'said', 'by', 'as', 'from', 'has', 'its'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function makeVocabulary(size: number, rand: Random): string[] {
  const vocab = new Set<string>();
  while (vocab.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    vocab.add(w);
  }
  return [...vocab];
}

export class TextGenerator {
  private readonly vocab: string[];
  constructor(private readonly rand: Random, vocabularySize = 6000) {
    this.vocab = makeVocabulary(vocabularySize, rand);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  /** Zipf-ish: low ranks far more likely, so common words recur like real prose. */
  private word(): string {
    const rank = Math.floor(Math.pow(this.rand(), 2.2) * this.vocab.length);
    return this.vocab[rank]!;
  }

  sentence(): string {
    const length = 8 + Math.floor(this.rand() * 18);
    const parts: string[] = [];
    for (let k = 0; k < length; k++) {
      const r = this.rand();
      if (r < 0.4) parts.push(this.pick(GLUE));
      else if (r < 0.43) parts.push(`${Math.floor(this.rand() * 900) + 2} ${this.word()}s`);
      else if (r < 0.45) parts.push(`in ${this.pick(MONTHS)} ${2000 + Math.floor(this.rand() * 25)}`);
      else if (r < 0.49) parts.push(this.word().replace(/^./, (c) => c.toUpperCase()));
      else parts.push(this.word());
    }
    const text = parts.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }

  /** Paragraphs of 2–5 sentences until `words` words. */
  article(words: number): string[][] {
    const paragraphs: string[][] = [];
    let count = 0;
    while (count < words) {
      const p: string[] = [];
      const n = 2 + Math.floor(this.rand() * 4);
      for (let k = 0; k < n && count < words; k++) {
        const s = this.sentence();
        count += s.split(' ').length;
        p.push(s);
      }
      paragraphs.push(p);
    }
    return paragraphs;
  }

  /** Replace about `share` of a sentence's words, and sometimes its number. */
  reword(sentence: string, share: number): string {
    const words = sentence.slice(0, -1).split(' ');
    const out = words.map((w) => (this.rand() < share && !/\d/.test(w) ? this.word() : w));
    if (this.rand() < 0.2) {
      const k = out.findIndex((w) => /^\d+$/.test(w));
      if (k >= 0) out[k] = String(Number(out[k]) + 1 + Math.floor(this.rand() * 50));
    }
    return `${out.join(' ')}.`;
  }

  /** A new version of `base` with a realistic mix of edits. */
  edit(base: readonly string[][], intensity: number): string[][] {
    const out: string[][] = [];
    for (const paragraph of base) {
      const p: string[] = [];
      for (const s of paragraph) {
        const r = this.rand();
        if (r < 0.05 * intensity) continue; // dropped
        if (r < 0.25 * intensity) p.push(this.reword(s, 0.3));
        else p.push(s);
        if (this.rand() < 0.04 * intensity) p.push(this.sentence()); // added
      }
      if (p.length) out.push(p);
    }
    // Move one paragraph in ten to another place.
    for (let k = 0; k < out.length / 10; k++) {
      const from = Math.floor(this.rand() * out.length);
      const [moved] = out.splice(from, 1);
      out.splice(Math.floor(this.rand() * out.length), 0, moved!);
    }
    return out;
  }
}

export function render(paragraphs: readonly (readonly string[])[]): string {
  return paragraphs.map((p) => p.join(' ')).join('\n\n');
}

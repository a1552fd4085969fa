// One version, from decoded text to sentences with facts: clean the page
// chrome, segment what is left, extract facts per sentence. The text itself is
// never altered; everything downstream refers to it by offsets.
import { cleanText } from './clean';
import { extractFacts } from './facts/index';
import { stemsOfWords, words } from './normalise';
import { segmentSentences } from './segment';
import type { Sentence, Version, VersionInput } from './types';

export interface AnalysedVersion {
  version: Version;
  /** Content-word stems per sentence, parallel to version.sentences. */
  stems: string[][];
  /** Folded words of all sentences in reading order (for provenance). */
  words: string[];
  /** Identity key (folded wording) per sentence. */
  keys: string[];
}

export function analyseVersion(input: VersionInput, id: string): AnalysedVersion {
  const { text } = input;
  const cleaned = cleanText(text, input.overrides);
  const spans = segmentSentences(text, cleaned.blocks);
  const sentences: Sentence[] = spans.map((span, k) => {
    const sentenceText = text.slice(span.start, span.end);
    return { id: `${id}.s${k + 1}`, text: sentenceText, start: span.start, end: span.end, facts: extractFacts(sentenceText, span.start) };
  });
  const folded = sentences.map((s) => words(s.text));
  return {
    version: { id, label: input.label, source: input.source, title: cleaned.title, sentences, removed: cleaned.removed },
    stems: folded.map(stemsOfWords),
    words: folded.flat(),
    keys: folded.map((w) => w.join(' ')),
  };
}

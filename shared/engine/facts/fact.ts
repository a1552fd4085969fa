// Building facts with sentence-relative offsets; index.ts shifts them to
// document offsets once, so the extractors never see the document offset.
import type { Fact, Span } from '../types';
import type { Context } from './tokens';

export type LocalFact = Fact;

type ValueOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>['value'];

/** A fact over `span` of the sentence; its text is the sentence's own slice. */
export function localFact<K extends Fact['kind']>(ctx: Context, kind: K, span: Span, value: ValueOf<K>): Fact {
  return { kind, start: span.start, end: span.end, text: ctx.text.slice(span.start, span.end), value } as Fact;
}

// Text helpers shared by the extractors: sentence spans, passages short enough to quote, and
// the checks that tell an article from a menu page or a text in another language.

/** A span of the article text, as character offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Longest passage kept for an item: a claim may quote at most 60 words (sources/schema.ts). */
export const PASSAGE_WORDS = 55;

/**
 * Sentence spans. A sentence ends at . ! ? (with any closing quote) followed by space and a
 * capital or an opening quote, or at a line break; abbreviations that end in a full stop in
 * police copy (PC., Sgt., Insp., Mr.) do not end a sentence.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const boundary = /([.!?]["”’)]*)(\s+)(?=["“‘(]?[A-Z0-9])|\n+/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const endOfSentence = m.index + (m[1]?.length ?? 0);
    const before = text.slice(Math.max(start, m.index - 6), m.index + 1);
    if (m[1] && /\b(?:Mr|Mrs|Ms|Dr|Sgt|Insp|Supt|Det|Ch|St|No|Cdr|PC|DC|DS)\.$/.test(before)) continue;
    push(out, text, start, m[0].startsWith('\n') ? m.index : endOfSentence);
    start = m.index + m[0].length;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: Span[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** The sentence containing an offset (or the nearest one before it). */
export function sentenceAt(spans: Span[], offset: number): Span {
  let found = spans[0] ?? { start: 0, end: 0 };
  for (const s of spans) {
    if (s.start > offset) break;
    found = s;
  }
  return found;
}

/**
 * A verbatim passage around a span: its sentence, or when that is longer than PASSAGE_WORDS a
 * window of whole words around the span, so it can be quoted in a claim unchanged.
 */
export function passageFor(text: string, spans: Span[], span: Span): Span {
  const s = sentenceAt(spans, span.start);
  const sentence = { start: Math.min(s.start, span.start), end: Math.max(s.end, span.end) };
  const words = [...text.slice(sentence.start, sentence.end).matchAll(/\S+/g)].map((m) => ({
    start: sentence.start + m.index,
    end: sentence.start + m.index + m[0].length,
  }));
  if (words.length <= PASSAGE_WORDS) return sentence;
  const first = Math.max(
    0,
    words.findIndex((w) => w.end > span.start),
  );
  const from = Math.max(0, Math.min(first - 15, words.length - PASSAGE_WORDS));
  const slice = words.slice(from, from + PASSAGE_WORDS);
  return { start: slice[0]!.start, end: Math.max(slice[slice.length - 1]!.end, span.end) };
}

/** Words of a text (letters, digits, apostrophes). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9'’]+/g) ?? [];
}

// The most frequent English function words: in English prose they are a third or more of all
// words; in French, German, Welsh or Polish prose a few per cent at most.
const ENGLISH = new Set(
  'the of and to a in is was that for on with as at by it he she his her they their be were been has have had said from an which who not or but this are will after would its police officer officers'.split(
    ' ',
  ),
);

/** The share of words that are common English function words (0 to 1). */
export function englishShare(text: string): number {
  const all = words(text);
  if (all.length === 0) return 0;
  return all.filter((w) => ENGLISH.has(w)).length / all.length;
}

/** Sentences of at least eight words: what an article has and a menu or a login page has not. */
export function proseSentences(text: string): number {
  return sentences(text).filter((s) => words(text.slice(s.start, s.end)).length >= 8).length;
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower case, straight quotes, single spaces: for comparing names and quotes (the claim check's normaliser). */
export { normaliseForMatch as fold } from '../sources/service.ts';

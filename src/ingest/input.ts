// What an article must be before a bundle is proposed from it: not empty, not huge, prose rather
// than a menu or a login page, and English (the extractors read English). Each refusal says why.
import { z } from 'zod';
import { AppError } from '../errors/catalogue.ts';
import { httpUrl, isoDate, line } from '../schema/common.ts';
import { sourceKind } from '../sources/schema.ts';
import { englishShare, proseSentences, words } from './text.ts';

/** Longest article text read: a long-read is 10–60 thousand characters. */
export const MAX_ARTICLE_CHARS = 200_000;
/** Largest file accepted (a PDF report is the largest kind). */
export const MAX_ARTICLE_FILE_BYTES = 25 * 1024 * 1024;
const MIN_WORDS = 40;
const MIN_SENTENCES = 3;
const MIN_ENGLISH = 0.15;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** What the editor says about the article (the source it is recorded as). */
export const articleMeta = z
  .object({
    url: z.preprocess(blank, httpUrl.optional()),
    title: z.preprocess(blank, line(500).optional()),
    publisher: z.preprocess(blank, line(200).optional()),
    publishedOn: z.preprocess(blank, isoDate.optional()),
    kind: z.preprocess(blank, sourceKind.default('news')),
  })
  .strict();
export type ArticleMeta = z.input<typeof articleMeta>;

/** Refuses text no bundle should be proposed from, with a message that says what to do. */
export function checkArticle(text: string): void {
  if (text.trim() === '')
    throw new AppError(
      'CUS_VALIDATION',
      'The article is empty: paste its text, give its address or choose a file.',
      [{ field: 'text', message: 'is empty' }],
    );
  if (text.length > MAX_ARTICLE_CHARS)
    throw new AppError(
      'CUS_PAYLOAD_TOO_LARGE',
      `The article is ${text.length.toLocaleString('en-GB')} characters long; ingestion reads at most ${MAX_ARTICLE_CHARS.toLocaleString('en-GB')}. Split it, or paste the part that matters.`,
    );
  const n = words(text).length;
  if (n < MIN_WORDS || proseSentences(text) < MIN_SENTENCES)
    throw new AppError(
      'CUS_VALIDATION',
      `This does not look like an article: ${n} words and ${proseSentences(text)} full sentences were found (a menu, a login page or a list of links has few). Give the article's own page or paste its text.`,
      [{ field: 'text', message: 'is not an article' }],
    );
  const share = englishShare(text);
  if (share < MIN_ENGLISH)
    throw new AppError(
      'CUS_VALIDATION',
      `This text does not look like English (${Math.round(share * 100)}% common English words, an English article has over 30%). Ingestion reads English only; add a translation by hand.`,
      [{ field: 'text', message: 'is not in English' }],
    );
}

/** A source title from the text when the editor gave none: its first line, shortened. */
export function titleFrom(text: string, given?: string | null): string {
  const first = (given ?? '').trim() || text.trim().split(/\n/)[0]!.trim();
  return first.length > 200 ? `${first.slice(0, 199)}…` : first || 'Untitled article';
}

import { z } from 'zod';
import { code, isoDate, line, slug } from '../schema/common.ts';

/** The kinds of record the public search returns, in the order facets are shown. */
export const SEARCH_TYPES = ['incident', 'allegation', 'officer', 'unit', 'statement'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Results per page; the page number is capped so a URL cannot ask for an absurd offset. */
export const PAGE_SIZE = 20;
/**
 * Counting stops here: "more than 1,000" is as useful to a reader as an exact figure and costs a
 * bounded amount of work, and only the first 1,000 results are paged through (refine to see more).
 */
export const COUNT_CAP = 1000;
/**
 * When words match more records of one kind than this, relevance is ranked among this many of the
 * most recent matches (an index gives them newest first) instead of ranking every match: a broad
 * search costs a bounded amount, and older records are reached by adding words or a date range.
 */
export const RANK_WINDOW = 1000;
export const MAX_PAGE = 1000;

// An HTML form without JavaScript submits every field, so an empty value means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const page = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number')
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, `must be between 1 and ${MAX_PAGE}`)
      .max(MAX_PAGE, `must be between 1 and ${MAX_PAGE}`),
  );

/**
 * The query string of GET /search. Every parameter is optional: no words and no filters lists
 * everything published. The URL alone determines the results, so a search can be shared.
 */
export const searchQuery = z
  .object({
    q: optional(line(200)),
    type: optional(z.enum(SEARCH_TYPES, { error: `must be one of ${SEARCH_TYPES.join(', ')}` })),
    force: optional(slug),
    unit: optional(slug),
    standard: optional(code),
    iopc: optional(code),
    status: optional(code),
    from: optional(isoDate),
    to: optional(isoDate),
    page: optional(page),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: 'must not be before the from date',
    path: ['to'],
  });
export type SearchParams = z.output<typeof searchQuery>;

/** Filters after their slugs and codes have been checked against the database. */
export interface ResolvedFilters {
  types: readonly SearchType[];
  forceId?: string;
  /** The unit asked for and every unit under it (a station within a command unit). */
  unitIds?: string[];
  standard?: string;
  iopc?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** Filters that concern allegations; records that carry no allegations cannot match them. */
export function hasAllegationFilter(f: ResolvedFilters): boolean {
  return Boolean(f.standard || f.iopc || f.status);
}

const FILTER_KEYS = ['q', 'type', 'force', 'unit', 'standard', 'iopc', 'status', 'from', 'to'] as const;

/** No words and no filters: the search page shows only the form (listing everything helps no one). */
export function isBlankSearch(p: SearchParams): boolean {
  return FILTER_KEYS.every((k) => !p[k]);
}

/** The parameters in a fixed order, without empty ones: the canonical, shareable form of a search. */
export function searchUrl(p: SearchParams, overrides: Partial<SearchParams> = {}): string {
  const merged: SearchParams = { ...p, ...overrides };
  const qs = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const v = merged[key];
    if (v) qs.set(key, v);
  }
  if (merged.page && merged.page > 1) qs.set('page', String(merged.page));
  const s = qs.toString();
  return s ? `/search?${s}` : '/search';
}

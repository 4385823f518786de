import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';

/**
 * SQL fragments that match user text against the indexed columns. Every fragment compares
 * against exactly the expression an index was built on (see migration 20261124120000 and the
 * name trigram indexes), so PostgreSQL can use the GIN indexes instead of scanning tables.
 */

type Fragment = RawBuilder<unknown>;

/** All the conditions joined by AND (true when there are none). */
export const allOf = (parts: Fragment[]): Fragment =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` AND `);

/** Private-use characters that mark a highlighted word; they never occur in stored text. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

/** Substring and similarity matching need at least one trigram's worth of characters. */
const MIN_FRAGMENT = 3;

/**
 * The text-search query. Prose is indexed with English stemming and names without it, so the
 * words are parsed both ways and either may match. websearch_to_tsquery accepts any input
 * (quotes, "or", "-word") and never raises a syntax error.
 */
export function tsQuery(q: string): Fragment {
  return sql`(websearch_to_tsquery('english', f_unaccent(${q})) || websearch_to_tsquery('simple', f_unaccent(${q})))`;
}

/** A LIKE pattern finding q anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Whether q is long enough for substring and similarity matching of names and numbers. */
export function fragmentSearchable(q: string): boolean {
  return q.length >= MIN_FRAGMENT;
}

/** The folded form a name trigram index holds: f_unaccent(lower(column)). */
function folded(column: Fragment): Fragment {
  return sql`f_unaccent(lower(${column}))`;
}

/**
 * A name matching q as a fragment ("McIlv" in "McIlvenny") or as a close word ("Martin" for
 * "Martyn"), accent- and case-insensitively. Uses the trigram index on the folded column.
 */
export function nameMatches(column: Fragment, q: string): Fragment {
  return sql`(${folded(column)} LIKE f_unaccent(lower(${containsPattern(q)})) OR f_unaccent(lower(${q})) <% ${folded(column)})`;
}

/** How closely a name matches q, between 0 and 1. */
export function nameScore(column: Fragment, q: string): Fragment {
  return sql`word_similarity(f_unaccent(lower(${q})), ${folded(column)})`;
}

/**
 * Identifier types the public may search by. Warrant and payroll numbers are personal to the
 * officer and external ids are internal keys, so they are never matched or shown.
 */
export const PUBLIC_IDENTIFIER_TYPES = ['shoulder_number', 'cipher', 'badge_number'] as const;

/**
 * Public identifiers `oi` (shoulder numbers, ciphers) containing q, through the trigram index
 * on upper(identifier). A number alone never identifies anyone (rule R11): callers show the
 * force and validity dates with it.
 */
export function identifierMatches(q: string): Fragment {
  return sql`oi.identifier_type IN (${sql.join([...PUBLIC_IDENTIFIER_TYPES])}) AND upper(oi.identifier) LIKE upper(${containsPattern(q)})`;
}

/** 1 for an exact identifier `oi`, otherwise its trigram similarity to q. */
export function identifierScore(q: string): Fragment {
  return sql`CASE WHEN upper(oi.identifier) = upper(${q}) THEN 1 ELSE similarity(upper(oi.identifier), upper(${q})) END`;
}

/**
 * A text column with the words highlighted, or the plain text when there are no words. The
 * query is parsed from the words as typed as well as folded, so accented text typed with its
 * accents is highlighted too. ts_headline does not escape the document: the markers it adds are
 * private-use characters (any already in the text are removed first); the page escapes the text
 * and turns the markers into <mark> elements. HighlightAll keeps the text exactly as stored (in
 * fragment mode ts_headline silently drops anything that looks like an HTML tag); the page cuts
 * the excerpt around the first match.
 */
export function highlighted(column: Fragment, q: string | undefined): Fragment {
  const text = sql`translate(${column}, ${MARK_START + MARK_STOP}, '')`;
  if (!q) return text;
  const hq = sql`(websearch_to_tsquery('english', f_unaccent(${q})) || websearch_to_tsquery('english', ${q}))`;
  return sql`ts_headline('english', ${text}, ${hq}, ${`StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`})`;
}

import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import { allOf } from './match.ts';
import { COUNT_CAP, RANK_WINDOW, type SearchType } from './schema.ts';

type Fragment = RawBuilder<unknown>;

/**
 * Newest first: `key DESC NULLS LAST, tiebreak` is the order of an index on the table `alias`
 * names, whose columns are all that the match, score and sort need.
 */
export interface Recent {
  alias: Fragment;
  key: Fragment;
  tiebreak: Fragment;
}

/** What the window needs of a kind of record's part of the search (see repository.ts). */
export interface Windowed {
  type: SearchType;
  from: Fragment;
  where: Fragment[];
  /** What the words match (absent without words), apart from the other conditions. */
  match?: Fragment;
  /** Newest first, in an index's order: where a broad search's ranking starts. */
  recent?: Recent;
}

const newestFirst = (key: Fragment, tiebreak: Fragment) => sql`ORDER BY ${key} DESC NULLS LAST, ${tiebreak}`;

/**
 * How many of the most recent records a broad search reads through the recency index before it
 * falls back to the word index. Reading them costs a few microseconds each, so this bounds the
 * walk to tens of milliseconds; a word in at least one record in twenty of the recent ones fills
 * the window within it.
 */
export const WALK_ROWS = 20 * RANK_WINDOW;
/**
 * The probe that decides: matches among this many of the most recent records. At least PROBE_MIN
 * of them (one in twenty, WALK_ROWS' density, with a margin) means the words are common enough
 * for the walk; fewer, and the word index is cheaper.
 */
const PROBE_ROWS = RANK_WINDOW;
const PROBE_MIN = Math.ceil((1.2 * PROBE_ROWS * (RANK_WINDOW + 1)) / WALK_ROWS);

/** The conditions a record of this kind must meet: the filters and, with words, the match. */
export function conditions(b: Windowed): Fragment {
  return allOf(b.match ? [...b.where, b.match] : b.where);
}

/** Whether a kind is ranked within a window of its most recent matches (it has words and an index). */
export function windowed(b: Windowed): b is Windowed & Required<Pick<Windowed, 'match' | 'recent'>> {
  return b.match !== undefined && b.recent !== undefined;
}

const cte = (b: Windowed, what: string) => sql.raw(`${what}_${b.type}`);
/** The name of a kind's capped count (a common table expression with one column, n). */
export const countCte = (b: Windowed) => cte(b, 'count');

/**
 * The `limit` most recent records that pass the filters, read in the recency index's order, and
 * those of them that match the words, newest first and numbered (recent_n). The key is carried out
 * of the inner query as a column so that the planner sees the rows already in order and stops
 * reading once the outer query has what it needs.
 */
function newestMatches(b: Windowed, select: Fragment, limit: number): Fragment {
  if (!windowed(b)) throw new Error(`${b.type} has no recency window`);
  const { alias, key, tiebreak } = b.recent;
  return sql`SELECT ${select}, row_number() OVER (${newestFirst(sql`${alias}.recent_key`, tiebreak)}) AS recent_n
    FROM (SELECT ${alias}.*, ${key} AS recent_key FROM ${b.from} WHERE ${allOf(b.where)}
      ${newestFirst(key, tiebreak)} LIMIT ${limit}) ${alias}
    WHERE ${b.match}`;
}

/**
 * Whether the walk holds the whole window: the probe found the words common and the walk found
 * more than RANK_WINDOW matches. Worked out once (a common table expression) for the count and
 * both ways of finding the window.
 */
const denseOf = (b: Windowed) =>
  sql`${cte(b, 'dense')} AS (SELECT (SELECT n FROM ${cte(b, 'probe')}) >= ${PROBE_MIN} AND (SELECT count(*) FROM ${cte(b, 'walk')}) > ${RANK_WINDOW} AS yes)`;
const dense = (b: Windowed) => sql`(SELECT yes FROM ${cte(b, 'dense')})`;

/**
 * A kind's common table expressions: its capped count and, for a windowed kind, the probe and the
 * walk (the first RANK_WINDOW + 1 matches among the WALK_ROWS most recent records; it is read only
 * when the probe finds the words common). A full walk also answers the count ("more than
 * COUNT_CAP"), so a common word is never counted through the word index.
 */
export function ctesOf(b: Windowed, select: Fragment): Fragment[] {
  const counted = sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${b.from} WHERE ${conditions(b)} LIMIT ${COUNT_CAP + 1}) c)`;
  if (!windowed(b)) return [sql`${countCte(b)} AS (SELECT ${counted} AS n)`];
  return [
    sql`${cte(b, 'probe')} AS (SELECT count(*)::int AS n FROM (${newestMatches(b, sql`1`, PROBE_ROWS)}) p)`,
    sql`${cte(b, 'walk')} AS (${newestMatches(b, select, WALK_ROWS)} LIMIT ${RANK_WINDOW + 1})`,
    denseOf(b),
    sql`${countCte(b)} AS (SELECT CASE WHEN ${dense(b)} THEN ${COUNT_CAP + 1} ELSE ${counted} END AS n)`,
  ];
}

/**
 * A windowed kind's candidates: its RANK_WINDOW most recent matches (all of them when there are
 * fewer), to be ranked. The same rows come two ways and the database runs only one: when the
 * recent records hold a full window, the walk's (bounded work however many records match);
 * otherwise every match, read through the word index, sorted by date and the newest RANK_WINDOW
 * kept. The second way is fenced off (OFFSET 0) so that the match is planned on its own, without
 * the order: asked for the newest matches in order, the planner may walk the recency index hoping
 * to meet them early, and a word that recent records lack reads every record. A surname no
 * allegation mentions took 350 ms that way at a million allegations, against 0.03 ms for the
 * count; a word in 30,000 allegations, all of them old, took 650 ms, against 30 ms through the word
 * index. The fence also keeps the choice above the scan. `columns` are the names of the kind's
 * output columns.
 */
export function windowRows(b: Windowed, select: Fragment, columns: Fragment): Fragment {
  if (!windowed(b)) throw new Error(`${b.type} has no recency window`);
  const { key, tiebreak } = b.recent;
  const matches = sql`SELECT ${select}, ${key} AS recent_key, ${tiebreak} AS recent_tiebreak
    FROM ${b.from} WHERE ${conditions(b)}`;
  return sql`(SELECT ${columns} FROM ${cte(b, 'walk')} WHERE ${dense(b)} AND recent_n <= ${RANK_WINDOW}
    UNION ALL
    (SELECT ${columns} FROM (${matches} OFFSET 0) every_match WHERE NOT ${dense(b)}
      ${newestFirst(sql`recent_key`, sql`recent_tiebreak`)} LIMIT ${RANK_WINDOW}))`;
}

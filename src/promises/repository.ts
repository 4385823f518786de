// Reads behind the promise tracker: published promises (statements flagged as promises), the
// counts of incidents, allegations, outcomes and dismissals in the months before and after each,
// and the incidents that came after it. Counts come from the materialised per-force, per-day
// table (src/patterns/refresh.ts); lists read the records and pass the render guard.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { refusedNow } from '../patterns/held.ts';

/** Months compared before and after a promise. */
export const WINDOW_MONTHS = 12;
/** Most later incidents listed under one promise. */
export const LATER_LIMIT = 8;

/** A leader's name as a URL slug ("Sir Mark Rowley" → "sir-mark-rowley"). */
export function leaderSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Counts in one window. */
export interface WindowCounts {
  incidents: number;
  allegations: number;
  outcomes: number;
  dismissals: number;
}

/** One promise on a timeline. */
export interface PromiseEntry {
  id: string;
  slug: string;
  speaker: string;
  speakerRole: string;
  saidOn: string;
  type: string;
  summary: string;
  quote: string | null;
  sourceUrl: string | null;
  sourceTitle: string;
  force: { slug: string; name: string } | null;
  before: WindowCounts | null;
  after: WindowCounts | null;
  later: { slug: string; title: string; date: string | null }[];
}

/** Which promises: every one, one leader's, or one force's. */
export type PromiseScope = { all: true } | { leader: string } | { forceId: string };

async function promiseRows(db: Db, scope: PromiseScope) {
  const rows = await sql<{
    id: string;
    slug: string;
    speaker_name: string;
    speaker_role: string;
    said_on: string;
    promise_type: string;
    summary: string;
    quote: string | null;
    url: string | null;
    title: string;
    force_id: string | null;
    force_slug: string | null;
    force_name: string | null;
  }>`SELECT s.id, s.slug, s.speaker_name, s.speaker_role, s.said_on, s.promise_type, s.summary, s.quote,
      src.url, src.title, s.force_id, f.slug AS force_slug, f.name AS force_name
    FROM statements s JOIN sources src ON src.id = s.source_id LEFT JOIN forces f ON f.id = s.force_id
    WHERE s.is_promise AND s.publication_state = 'published'
      ${'forceId' in scope ? sql`AND s.force_id = ${scope.forceId}` : sql``}
    ORDER BY s.said_on, s.slug`.execute(db);
  const wanted =
    'leader' in scope ? rows.rows.filter((r) => leaderSlug(r.speaker_name) === scope.leader) : rows.rows;
  // A statement page the legal checks now refuse is left off the tracker too.
  const refused = await refusedNow(
    db,
    'statements',
    wanted.map((r) => r.id),
  );
  return wanted.filter((r) => !refused.has(r.id));
}

async function windowCounts(db: Db, forceId: string, from: string, to: string): Promise<WindowCounts> {
  const { rows } = await sql<WindowCounts>`
    SELECT coalesce(sum(incidents), 0)::int AS incidents, coalesce(sum(allegations), 0)::int AS allegations,
      coalesce(sum(outcomes), 0)::int AS outcomes, coalesce(sum(dismissals), 0)::int AS dismissals
    FROM pattern_force_day WHERE force_id = ${forceId} AND day >= ${from}::date AND day < ${to}::date`.execute(
    db,
  );
  return rows[0]!;
}

/** Published, unheld incidents of a force on or after a day, earliest first. */
export async function incidentsAfter(db: Db, forceId: string, from: string, to: string, limit: number) {
  const { rows } = await sql<{ id: string; slug: string; title: string; date: string | null }>`
    SELECT i.id, i.slug, i.title, coalesce(i.occurred_until, i.occurred_on) AS date FROM incidents i
    WHERE i.force_id = ${forceId} AND i.publication_state = 'published' AND NOT i.proceedings_active
      AND coalesce(i.occurred_until, i.occurred_on) >= ${from}::date AND coalesce(i.occurred_until, i.occurred_on) < ${to}::date
    ORDER BY coalesce(i.occurred_until, i.occurred_on), i.slug LIMIT ${limit * 3}`.execute(db);
  const refused = await refusedNow(
    db,
    'incidents',
    rows.map((r) => r.id),
  );
  return rows
    .filter((r) => !refused.has(r.id))
    .slice(0, limit)
    .map((r) => ({ slug: r.slug, title: r.title, date: r.date }));
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The promises in scope with their before/after counts and later incidents. */
export async function loadPromises(db: Db, scope: PromiseScope): Promise<PromiseEntry[]> {
  const rows = await promiseRows(db, scope);
  return Promise.all(
    rows.map(async (r): Promise<PromiseEntry> => {
      const f = r.force_id;
      const end = addMonths(r.said_on, WINDOW_MONTHS);
      return {
        id: r.id,
        slug: r.slug,
        speaker: r.speaker_name,
        speakerRole: r.speaker_role,
        saidOn: r.said_on,
        type: r.promise_type,
        summary: r.summary,
        quote: r.quote,
        sourceUrl: r.url,
        sourceTitle: r.title,
        force: r.force_slug && r.force_name ? { slug: r.force_slug, name: r.force_name } : null,
        before: f ? await windowCounts(db, f, addMonths(r.said_on, -WINDOW_MONTHS), r.said_on) : null,
        after: f ? await windowCounts(db, f, r.said_on, end) : null,
        // Everything after the promise, not only the window: what came next is the point.
        later: f ? await incidentsAfter(db, f, r.said_on, '9999-12-31', LATER_LIMIT) : [],
      };
    }),
  );
}

/** Leaders with at least one published promise, by name. */
export async function leaders(db: Db) {
  const { rows } = await sql<{ name: string; role: string; promises: number; first: string; last: string }>`
    SELECT speaker_name AS name, max(speaker_role) AS role, count(*)::int AS promises, min(said_on) AS first, max(said_on) AS last
    FROM statements WHERE is_promise AND publication_state = 'published' GROUP BY speaker_name ORDER BY speaker_name`.execute(
    db,
  );
  return rows.map((r) => ({ ...r, slug: leaderSlug(r.name) }));
}

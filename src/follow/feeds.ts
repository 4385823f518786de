// What a feed lists: the newest published records in one scope (an officer, a unit, a force or a
// saved search), as the public pages show them. An officer is named only when their own page is
// public (published, named, not held by the render guard); a record on a held page is left out.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { unitAndDescendants } from '../forces/public.ts';
import { UNNAMED_OFFICER } from '../allegations/repository.ts';
import { nameable } from '../patterns/components.tsx';
import { refusedNow } from '../patterns/held.ts';

/** Entries per feed. */
export const FEED_SIZE = 50;

/** One feed entry. */
export interface FeedEntry {
  kind: 'incident' | 'allegation' | 'statement';
  id: string;
  title: string;
  path: string;
  summary: string;
  published: Date;
  updated: Date;
  /** The status label (allegations), shown with every named officer (R1). */
  category: string | null;
}

/** Whose records a feed follows. */
export type FeedScope =
  | { officerId: string }
  | { unitId: string }
  | { forceId: string }
  | { search: { type: 'incident' | 'allegation' | 'statement'; id: string }[] };

type Row = {
  kind: FeedEntry['kind'];
  id: string;
  incident_id: string | null;
  officer_id: string | null;
  officer_name: string | null;
  title: string;
  slug: string;
  summary: string;
  published_at: Date;
  updated_at: Date;
  label: string | null;
  unidentified: string | null;
};

const ALLEGATION = sql`SELECT 'allegation' AS kind, a.id, a.incident_id, o.id AS officer_id,
    CASE WHEN o.publication_state = 'published' THEN o.published_name END AS officer_name,
    i.title, i.slug, a.summary, a.published_at, a.updated_at, t.label, a.unidentified_officer AS unidentified
  FROM allegations a JOIN incidents i ON i.id = a.incident_id
  JOIN taxonomy_terms t ON t.taxonomy_id = a.status_taxonomy AND t.code = a.status_code
  LEFT JOIN officers o ON o.id = a.officer_id`;
const INCIDENT = sql`SELECT 'incident' AS kind, i.id, i.id AS incident_id, NULL::uuid AS officer_id, NULL AS officer_name,
    i.title, i.slug, i.summary, i.published_at, i.updated_at, NULL AS label, NULL AS unidentified FROM incidents i`;
const STATEMENT = sql`SELECT 'statement' AS kind, s.id, NULL::uuid AS incident_id, NULL::uuid AS officer_id, NULL AS officer_name,
    s.speaker_name || ', ' || s.speaker_role AS title, s.slug, s.summary, s.published_at, s.updated_at, NULL AS label,
    NULL AS unidentified FROM statements s`;
const PUBLIC_INCIDENT = sql`i.publication_state = 'published' AND NOT i.proceedings_active`;

function queries(scope: FeedScope, unitIds: string[]) {
  if ('officerId' in scope)
    return [
      sql`${ALLEGATION} WHERE a.visible AND a.officer_id = ${scope.officerId} ORDER BY a.published_at DESC, a.id LIMIT ${FEED_SIZE}`,
    ];
  if ('unitId' in scope) {
    const inUnit = sql`EXISTS (SELECT 1 FROM incident_units iu WHERE iu.incident_id = i.id AND iu.unit_id = ANY(${unitIds}::uuid[]))`;
    return [
      sql`${INCIDENT} WHERE ${PUBLIC_INCIDENT} AND ${inUnit} ORDER BY i.published_at DESC, i.id LIMIT ${FEED_SIZE}`,
      sql`${ALLEGATION} WHERE a.visible AND ${inUnit} ORDER BY a.published_at DESC, a.id LIMIT ${FEED_SIZE}`,
    ];
  }
  if ('forceId' in scope)
    return [
      sql`${INCIDENT} WHERE ${PUBLIC_INCIDENT} AND i.force_id = ${scope.forceId} ORDER BY i.published_at DESC, i.id LIMIT ${FEED_SIZE}`,
      sql`${ALLEGATION} WHERE a.visible AND i.force_id = ${scope.forceId} ORDER BY a.published_at DESC, a.id LIMIT ${FEED_SIZE}`,
      sql`${STATEMENT} WHERE s.publication_state = 'published' AND s.force_id = ${scope.forceId} ORDER BY s.published_at DESC, s.id LIMIT ${FEED_SIZE}`,
    ];
  const ids = (k: string) => scope.search.filter((h) => h.type === k).map((h) => h.id);
  return [
    sql`${INCIDENT} WHERE ${PUBLIC_INCIDENT} AND i.id = ANY(${ids('incident')}::uuid[])`,
    sql`${ALLEGATION} WHERE a.visible AND a.id = ANY(${ids('allegation')}::uuid[])`,
    sql`${STATEMENT} WHERE s.publication_state = 'published' AND s.id = ANY(${ids('statement')}::uuid[])`,
  ];
}

/** The newest entries of a scope, newest first, each passing the render guard now. */
export async function feedEntries(db: Db, scope: FeedScope): Promise<FeedEntry[]> {
  const unitIds = 'unitId' in scope ? await unitAndDescendants(db, scope.unitId) : [];
  const rows: Row[] = [];
  for (const q of queries(scope, unitIds)) rows.push(...((await q.execute(db)).rows as Row[]));
  rows.sort((a, b) => b.published_at.getTime() - a.published_at.getTime() || a.id.localeCompare(b.id));
  const ids = (pick: (r: Row) => string | null) => [
    ...new Set(rows.map(pick).filter((x): x is string => x !== null)),
  ];
  const [incidents, statements, officers] = await Promise.all([
    refusedNow(
      db,
      'incidents',
      ids((r) => (r.kind === 'statement' ? null : r.incident_id)),
    ),
    refusedNow(
      db,
      'statements',
      ids((r) => (r.kind === 'statement' ? r.id : null)),
    ),
    refusedNow(
      db,
      'officers',
      ids((r) => r.officer_id),
    ),
  ]);
  return rows
    .filter((r) => !(r.kind === 'statement' ? statements.has(r.id) : incidents.has(r.incident_id!)))
    .slice(0, FEED_SIZE)
    .map((r) => toEntry(r, r.officer_name !== null && !officers.has(r.officer_id!)));
}

function toEntry(r: Row, named: boolean): FeedEntry {
  const base = { id: r.id, summary: r.summary, published: r.published_at, updated: r.updated_at };
  if (r.kind === 'incident')
    return { ...base, kind: 'incident', title: r.title, path: `/incidents/${r.slug}`, category: null };
  if (r.kind === 'statement')
    return { ...base, kind: 'statement', title: r.title, path: `/statements/${r.slug}`, category: null };
  const who = named ? r.officer_name! : (r.unidentified ?? UNNAMED_OFFICER);
  return {
    ...base,
    kind: 'allegation',
    title: `${who} (${r.label}): ${r.title}`,
    path: `/incidents/${r.slug}#allegation-${r.id}`,
    category: r.label,
  };
}

/** When the newest record of a set of entries changed (the feed's <updated>). */
export function feedUpdated(entries: FeedEntry[]): Date {
  return entries.reduce((d, e) => (e.updated > d ? e.updated : d), new Date(0));
}

/** Officer feeds: only officers whose page is public (published, named, not held). */
export async function publicOfficer(db: Db, slug: string) {
  const row = await db.selectFrom('officers').select('id').where('slug', '=', slug).executeTakeFirst();
  return row ? (await nameable(db, [row.id])).get(row.id) : undefined;
}

import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';

/** A published incident as listed on the home page. */
export interface IncidentListItem {
  id: string;
  slug: string;
  title: string;
  summary: string;
  occurred_on: string | null;
  occurred_precision: string;
  occurred_until: string | null;
  place: string | null;
  force_name: string;
  updated_at: Date;
  people: PersonWithLabel[];
}

/** Someone shown with an allegation: always with that allegation's status label (rule R1). */
export interface PersonWithLabel {
  officerSlug: string | null;
  /** The published name, or the description of an unidentified officer. */
  display: string;
  named: boolean;
  statusCode: string;
  statusLabel: string;
}

/** Published incidents, most recent first, each with the officers alleged against and their labels. */
export async function listPublishedIncidents(db: Db, limit = 50): Promise<IncidentListItem[]> {
  const incidents = await db
    .selectFrom('incidents as i')
    .innerJoin('forces as f', 'f.id', 'i.force_id')
    .select([
      'i.id',
      'i.slug',
      'i.title',
      'i.summary',
      'i.occurred_on',
      'i.occurred_precision',
      'i.occurred_until',
      'i.place',
      'f.name as force_name',
      'i.updated_at',
    ])
    .where('i.publication_state', '=', 'published')
    // R5: while proceedings are active only the court report is public, not the listing.
    .where('i.proceedings_active', '=', false)
    .orderBy(sql`coalesce(i.occurred_until, i.occurred_on)`, (ob) => ob.desc().nullsLast())
    .orderBy('i.slug')
    .limit(limit)
    .execute();
  if (incidents.length === 0) return [];
  const rows = await db
    .selectFrom('allegations as a')
    .innerJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'a.status_taxonomy').onRef('t.code', '=', 'a.status_code'),
    )
    .leftJoin('officers as o', (j) =>
      j.onRef('o.id', '=', 'a.officer_id').on('o.publication_state', '=', 'published'),
    )
    .select([
      'a.incident_id',
      'a.unidentified_officer',
      'a.status_code',
      't.label',
      'o.slug',
      'o.published_name',
    ])
    .where('a.publication_state', '=', 'published')
    .where(
      'a.incident_id',
      'in',
      incidents.map((i) => i.id),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const byIncident = new Map<string, PersonWithLabel[]>();
  for (const r of rows) {
    const named = r.published_name !== null;
    const person: PersonWithLabel = {
      officerSlug: named ? r.slug : null,
      // An officer who is not (yet) published is never named, even if the row holds a name.
      display: named ? r.published_name! : (r.unidentified_officer ?? 'An officer not named in this record'),
      named,
      statusCode: r.status_code,
      statusLabel: r.label,
    };
    const list = byIncident.get(r.incident_id) ?? [];
    if (!list.some((p) => p.display === person.display && p.statusCode === person.statusCode))
      list.push(person);
    byIncident.set(r.incident_id, list);
  }
  return incidents.map((i) => ({ ...i, people: byIncident.get(i.id) ?? [] }));
}

/**
 * Headline figures for the home page: published records only, allegations only of published
 * incidents (as the force and unit pages count them, so the home total is their sum).
 */
export async function countPublished(
  db: Db,
): Promise<{ incidents: number; allegations: number; officers: number; statements: number }> {
  // Kept by triggers as records are written (src/migrations/20261201060000_scope_tallies.sql and
  // 20261202000000_home_allegation_count.sql): a few rows, where counting read every published row.
  // Allegations are the forces' own yearly counters summed: every published incident counts once,
  // under its force.
  const { rows } = await sql<{ kind: string; n: string | number }>`
    SELECT kind, n FROM public_counts
    UNION ALL
    SELECT 'allegations', coalesce(sum(t.allegations), 0)
    FROM scope_year_tallies t WHERE t.scope_id IN (SELECT id FROM forces)`.execute(db);
  const n = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return {
    incidents: n('incidents'),
    allegations: n('allegations'),
    officers: n('officers'),
    statements: n('statements'),
  };
}

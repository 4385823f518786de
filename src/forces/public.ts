// Reads behind the public force and unit pages. A scope is a whole force, or a unit together
// with the units under it (a command unit's page covers its stations). Only published records
// are listed or counted, so every figure can be checked against the records themselves.
import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { latest } from '../http/cache.ts';

export type Scope = { forceId: string } | { unitIds: string[] };

/** Most incidents and officers a force or unit page lists (the rest are reachable by search). */
export const LIST_LIMIT = 200;

function incidentsIn(scope: Scope): RawBuilder<boolean> {
  return 'forceId' in scope
    ? sql<boolean>`i.force_id = ${scope.forceId}`
    : sql<boolean>`i.id IN (SELECT incident_id FROM incident_units WHERE unit_id IN (${sql.join(scope.unitIds)}))`;
}

function officersIn(scope: Scope): RawBuilder<boolean> {
  return 'forceId' in scope
    ? sql<boolean>`o.force_id = ${scope.forceId}`
    : sql<boolean>`o.id IN (SELECT officer_id FROM officer_postings WHERE unit_id IN (${sql.join(scope.unitIds)}))`;
}

/** A unit and every unit below it, for a unit page's scope. */
export async function unitAndDescendants(db: Db, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE down AS (
      SELECT id, 1 AS depth FROM units WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_unit_id = down.id WHERE down.depth < 50
    ) SELECT id FROM down`.execute(db);
  return rows.map((r) => r.id);
}

/** Published incidents in scope, most recent first. */
export function scopeIncidents(db: Db, scope: Scope) {
  return (
    db
      .selectFrom('incidents as i')
      .select([
        'i.slug',
        'i.title',
        'i.occurred_on',
        'i.occurred_precision',
        'i.occurred_until',
        'i.place',
        'i.updated_at',
      ])
      .where('i.publication_state', '=', 'published')
      // R5: while proceedings are active only the court report is public, not the listing.
      .where('i.proceedings_active', '=', false)
      .where(incidentsIn(scope))
      .orderBy(sql`coalesce(i.occurred_until, i.occurred_on)`, (ob) => ob.desc().nullsLast())
      .orderBy('i.slug')
      .limit(LIST_LIMIT + 1)
      .execute()
  );
}

/** An officer listed on a force or unit page, with the status label of each published allegation (R1). */
export interface ScopeOfficer {
  slug: string;
  name: string;
  labels: { code: string; label: string }[];
  updatedAt: Date;
}

/** Published, named officers in scope, by name, each with their allegations' labels. */
export async function scopeOfficers(db: Db, scope: Scope): Promise<ScopeOfficer[]> {
  const { rows } = await sql<{ id: string; slug: string; name: string; updated_at: Date }>`
    SELECT o.id, o.slug, o.published_name AS name, o.updated_at FROM officers o
    WHERE o.publication_state = 'published' AND o.published_name IS NOT NULL AND ${officersIn(scope)}
    ORDER BY o.published_name, o.slug LIMIT ${LIST_LIMIT + 1}`.execute(db);
  if (rows.length === 0) return [];
  const labels = await db
    .selectFrom('allegations as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .innerJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'a.status_taxonomy').onRef('t.code', '=', 'a.status_code'),
    )
    .select(['a.officer_id', 'a.status_code', 't.label', 'a.updated_at'])
    .where('a.publication_state', '=', 'published')
    .where('i.publication_state', '=', 'published')
    .where(
      'a.officer_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('t.sort_order')
    .execute();
  return rows.map((r) => {
    const own = labels.filter((l) => l.officer_id === r.id);
    const distinct = [
      ...new Map(own.map((l) => [l.status_code, { code: l.status_code, label: l.label }])).values(),
    ];
    const times = [r.updated_at, ...own.map((l) => l.updated_at)];
    return {
      slug: r.slug,
      name: r.name,
      labels: distinct,
      updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
    };
  });
}

/** The force or unit whose figures a scope shows (a unit's cover the units under it). */
export type TallyScope = { forceId: string } | { unitId: string };

const tallyId = (scope: TallyScope) => ('forceId' in scope ? scope.forceId : scope.unitId);

/**
 * Published allegations in scope per Standard of Professional Behaviour, and how many proven:
 * read from the counters the triggers keep (src/migrations/20261201060000_scope_tallies.sql).
 */
export async function countsByStandard(db: Db, scope: TallyScope) {
  const { rows } = await sql<{ code: string; label: string; allegations: number; proven: number }>`
    SELECT t.code, t.label, sum(c.allegations)::int AS allegations, sum(c.proven)::int AS proven
    FROM scope_standard_tallies c
    JOIN taxonomy_terms t ON t.taxonomy_id = c.standard_taxonomy AND t.code = c.standard_code
    WHERE c.scope_id = ${tallyId(scope)} AND c.allegations > 0
    GROUP BY t.code, t.label, t.sort_order
    ORDER BY t.sort_order, t.label`.execute(db);
  return rows;
}

/** Published incidents and their published allegations in scope, by the year the incident began. */
export async function countsByYear(db: Db, scope: TallyScope) {
  const { rows } = await sql<{ year: number | null; incidents: number; allegations: number }>`
    SELECT year, incidents, allegations FROM scope_year_tallies
    WHERE scope_id = ${tallyId(scope)} AND incidents > 0
    ORDER BY year DESC NULLS LAST`.execute(db);
  return rows;
}

/**
 * When a scope's figures last changed, withdrawals included (a withdrawn incident leaves its
 * counters behind, lowered, with the time they changed).
 */
export async function countsChangedAt(db: Db, scope: TallyScope): Promise<Date | null> {
  const { rows } = await sql<{ changed: Date | null }>`
    SELECT greatest(
      (SELECT max(changed_at) FROM scope_year_tallies WHERE scope_id = ${tallyId(scope)}),
      (SELECT max(changed_at) FROM scope_standard_tallies WHERE scope_id = ${tallyId(scope)})) AS changed`.execute(
    db,
  );
  return rows[0]?.changed ?? null;
}

/** Every force's published incidents and allegations, and when any force's figures last changed. */
export async function forceTotals(db: Db) {
  // The same counters as a force page's figures by year, summed over the years.
  const { rows } = await sql<{ scope_id: string; incidents: number; allegations: number; changed: Date }>`
    SELECT t.scope_id, sum(t.incidents)::int AS incidents, sum(t.allegations)::int AS allegations,
      max(t.changed_at) AS changed
    FROM scope_year_tallies t JOIN forces f ON f.id = t.scope_id
    GROUP BY t.scope_id`.execute(db);
  const byForce = new Map(rows.map((r) => [r.scope_id, r]));
  const changedAt = latest(...rows.map((r) => r.changed));
  return { byForce, changedAt };
}

/** A station's public front-counter address, if one is recorded. */
export function stationAddress(db: Db, unitId: string) {
  return db
    .selectFrom('station_addresses')
    .select(['address_line', 'locality', 'postcode', 'source_note'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

// Reads behind the public force and unit pages. A scope is a whole force, or a unit together
// with the units under it (a command unit's page covers its stations). Only published records
// are listed or counted, so every figure can be checked against the records themselves.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/client.ts';

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

/**
 * Runs a scope's counts with index lookups only: from the scope's incidents through the
 * allegation and standard indexes. Left to choose, the planner hashes every allegation of the
 * database (and on PGlite, with little sort memory, spills it to disk): seconds, against
 * milliseconds per thousand incidents this way.
 */
function byIndex<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_hashjoin = off`.execute(trx);
    await sql`SET LOCAL enable_mergejoin = off`.execute(trx);
    return fn(trx);
  });
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

// The published incidents in scope, read first and kept (MATERIALIZED): left to itself the planner
// may start from all allegation standards of the database and look each incident up, which at a
// million allegations costs seconds where this order costs milliseconds per thousand incidents.
function scopedIncidents(scope: Scope): RawBuilder<unknown> {
  return sql`scoped AS MATERIALIZED (
    SELECT i.id, i.occurred_on, i.updated_at FROM incidents i WHERE i.publication_state = 'published' AND ${incidentsIn(scope)})`;
}

/**
 * Published allegations in scope per Standard of Professional Behaviour. Counted per code first
 * and named afterwards: joined early, the taxonomy makes the planner underestimate the rows
 * a hundredfold and walk every allegation of the database.
 */
export async function countsByStandard(db: Db, scope: Scope) {
  const { rows } = await byIndex(db, (trx) =>
    sql<{ code: string; label: string; allegations: number; proven: number }>`
    WITH ${scopedIncidents(scope)},
    counted AS (
      SELECT s.standard_taxonomy, s.standard_code, count(*) AS allegations,
        count(*) FILTER (WHERE a.status_code IN ('misconduct_proven', 'gross_misconduct_proven')) AS proven
      FROM scoped
      JOIN allegations a ON a.incident_id = scoped.id AND a.publication_state = 'published'
      JOIN allegation_standards s ON s.allegation_id = a.id
      GROUP BY 1, 2)
    SELECT t.code, t.label, sum(c.allegations)::int AS allegations, sum(c.proven)::int AS proven
    FROM counted c JOIN taxonomy_terms t ON t.taxonomy_id = c.standard_taxonomy AND t.code = c.standard_code
    GROUP BY t.code, t.label, t.sort_order
    ORDER BY t.sort_order, t.label`.execute(trx),
  );
  return rows;
}

/** Published incidents and their published allegations in scope, by the year the incident began. */
export async function countsByYear(db: Db, scope: Scope) {
  const { rows } = await byIndex(db, (trx) =>
    sql<{
      year: number | null;
      incidents: number;
      allegations: number;
      changed: Date | null;
    }>`
    WITH ${scopedIncidents(scope)}
    SELECT extract(year FROM i.occurred_on)::int AS year, count(DISTINCT i.id)::int AS incidents,
      count(DISTINCT a.id)::int AS allegations, greatest(max(i.updated_at), max(a.updated_at)) AS changed
    FROM scoped i
    LEFT JOIN allegations a ON a.incident_id = i.id AND a.publication_state = 'published'
    GROUP BY 1
    ORDER BY 1 DESC NULLS LAST`.execute(trx),
  );
  return rows;
}

/** A station's public front-counter address, if one is recorded. */
export function stationAddress(db: Db, unitId: string) {
  return db
    .selectFrom('station_addresses')
    .select(['address_line', 'locality', 'postcode', 'source_note'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

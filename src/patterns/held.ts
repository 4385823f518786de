// Which published pages the render guard now refuses, for the refresh job: a record whose page
// the legal checks refuse (src/publication/render-guard.ts) must not show up in a pattern either.
// Asking the guard about every page costs several queries each, too slow at a million
// allegations, so the guard is asked only about the pages that could possibly fail it:
//  - R10 (personal details): every pattern the scanner knows needs a digit or an '@';
//  - R8 (children): pages about an incident involving a minor or a person of unknown age;
//  - R6 (orders): pages about an incident or person an order in force covers, or whose text
//    contains one of its terms.
// A page outside all three cannot fail, so the answer is the guard's own, page by page.
import type { RawBuilder } from 'kysely';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { guardRender, renderProblemsAmong } from '../publication/render-guard.ts';

/** Published pages the guard refuses, by table. */
export interface HeldPages {
  incidents: Set<string>;
  officers: Set<string>;
  statements: Set<string>;
}

const RISKY = '[0-9@]';

// Texts shown on a page (its own, its claims', and for incidents and officers the visible
// allegations' and theirs) that contain a digit, an '@' or an order's term.
function textMatches(table: Table, terms: string[]): RawBuilder<boolean> {
  const risky = (col: RawBuilder<unknown>) =>
    sql`(${col} ~ ${RISKY} OR lower(${col}) LIKE ANY (${terms.map((t) => `%${likeEscape(t.toLowerCase())}%`)}::text[]))`;
  const claims = (column: string, id: RawBuilder<unknown>) =>
    sql`EXISTS (SELECT 1 FROM claims c WHERE c.${sql.ref(column)} = ${id}
      AND ${risky(sql`coalesce(c.quoted_passage, '') || ' ' || coalesce(c.passage_note, '')`)})`;
  const allegations = (column: string) =>
    sql`EXISTS (SELECT 1 FROM allegations a WHERE a.${sql.ref(column)} = t.id AND a.visible
      AND (${risky(sql`a.summary`)} OR ${claims('allegation_id', sql`a.id`)}))`;
  if (table === 'incidents')
    return sql`(${risky(sql`t.title || ' ' || t.summary || ' ' || coalesce(t.place, '')`)}
      OR ${claims('incident_id', sql`t.id`)} OR ${allegations('incident_id')})`;
  if (table === 'officers')
    return sql`(${risky(sql`coalesce(t.published_name, '')`)} OR ${claims('officer_id', sql`t.id`)}
      OR ${allegations('officer_id')})`;
  return sql`(${risky(sql`t.summary || ' ' || coalesce(t.quote, '') || ' ' || t.speaker_role`)}
    OR ${claims('statement_id', sql`t.id`)})`;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Incidents a page is about (as src/publication/involvement.ts reads it), as a condition on `t`.
function aboutIncidents(table: Table, ids: RawBuilder<unknown>) {
  if (table === 'incidents') return sql`t.id IN (${ids})`;
  if (table === 'statements') return sql`t.incident_id IN (${ids})`;
  return sql`(EXISTS (SELECT 1 FROM incident_officers io WHERE io.officer_id = t.id AND io.incident_id IN (${ids}))
    OR EXISTS (SELECT 1 FROM allegations a WHERE a.officer_id = t.id AND a.incident_id IN (${ids})))`;
}

type Table = 'incidents' | 'officers' | 'statements';

/**
 * Published pages of one table (all, or those among `ids`) that could fail the render guard: a
 * superset of those that do, found in one query.
 */
export async function guardCandidates(
  db: Db,
  table: Table,
  today = new Date().toISOString().slice(0, 10),
  ids?: string[],
): Promise<string[]> {
  if (ids?.length === 0) return [];
  const orders = await sql<{ scope_terms: string | null }>`
    SELECT scope_terms FROM reporting_restrictions
    WHERE starts_on <= ${today}::date AND (expires_on IS NULL OR expires_on >= ${today}::date)`.execute(db);
  const terms = orders.rows.flatMap((o) =>
    (o.scope_terms ?? '')
      .split('\n')
      .map((t) => t.trim())
      .filter(Boolean),
  );
  const childIncidents = sql`SELECT ip.incident_id FROM incident_people ip JOIN people p ON p.id = ip.person_id
    WHERE p.age_status IN ('minor', 'unknown')`;
  const orderIncidents = sql`SELECT r.scope_incident_id FROM reporting_restrictions r
      WHERE r.scope_incident_id IS NOT NULL AND r.starts_on <= ${today}::date
        AND (r.expires_on IS NULL OR r.expires_on >= ${today}::date)
    UNION SELECT ip.incident_id FROM incident_people ip JOIN reporting_restrictions r ON r.scope_person_id = ip.person_id
      WHERE r.starts_on <= ${today}::date AND (r.expires_on IS NULL OR r.expires_on >= ${today}::date)`;
  const { rows } = await sql<{ id: string }>`
    SELECT t.id FROM ${sql.table(table)} t
    WHERE t.publication_state = 'published' ${ids ? sql`AND t.id = ANY(${ids}::uuid[])` : sql``}
      AND (${textMatches(table, terms)} OR ${aboutIncidents(table, childIncidents)}
        OR ${aboutIncidents(table, orderIncidents)})`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Of the published pages `ids` of one table (every page when omitted), those the render guard
 * refuses now: the guard's own verdict, asked only about the pages that could fail it.
 */
export async function refusedNow(db: Db, table: Table, ids?: string[]): Promise<Set<string>> {
  const verdicts = await renderProblemsAmong(db, table, await guardCandidates(db, table, undefined, ids));
  return new Set([...verdicts].filter(([, problems]) => problems.length > 0).map(([id]) => id));
}

/** Refuses a page the guard refuses (451), as guardRender does, at the cost of one query for most pages. */
export async function guardPage(db: Db, table: Table, id: string): Promise<void> {
  if ((await guardCandidates(db, table, undefined, [id])).length > 0) await guardRender(db, table, id);
}

/** Asks the render guard about every candidate page; returns those it refuses. */
export async function heldPages(db: Db): Promise<HeldPages> {
  return {
    incidents: await refusedNow(db, 'incidents'),
    officers: await refusedNow(db, 'officers'),
    statements: await refusedNow(db, 'statements'),
  };
}

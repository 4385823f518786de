import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import type { PublishableTable } from './service.ts';

/** Pseudonyms of children or people of unknown age involved in these incidents (rule R8). */
export async function childrenInvolved(db: Db, incidentIds: string[]): Promise<string[]> {
  if (incidentIds.length === 0) return [];
  const rows = await db
    .selectFrom('incident_people as ip')
    .innerJoin('people as p', 'p.id', 'ip.person_id')
    .select('p.pseudonym')
    .distinct()
    .where('ip.incident_id', 'in', incidentIds)
    .where('p.age_status', 'in', ['minor', 'unknown'])
    .orderBy('p.pseudonym')
    .execute();
  return rows.map((r) => r.pseudonym);
}

/** The incidents a record is about: itself, its incident, or those an officer is involved in. */
export async function incidentsOf(db: Db, table: PublishableTable, id: string): Promise<string[]> {
  return (await incidentsOfMany(db, table, [id])).get(id) ?? [];
}

/** incidentsOf for several records of one table, in one query whatever their number. */
export async function incidentsOfMany(
  db: Db,
  table: PublishableTable,
  ids: string[],
): Promise<Map<string, string[]>> {
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  if (table === 'incidents') {
    for (const id of ids) out.get(id)!.push(id);
    return out;
  }
  if (ids.length === 0) return out;
  const { rows } =
    table === 'officers'
      ? await sql<{ id: string; incident_id: string }>`
          SELECT officer_id AS id, incident_id FROM incident_officers WHERE officer_id = ANY(${ids}::uuid[])
          UNION SELECT officer_id, incident_id FROM allegations WHERE officer_id = ANY(${ids}::uuid[])`.execute(
          db,
        )
      : await sql<{ id: string; incident_id: string | null }>`
          SELECT id, incident_id FROM ${sql.table(table)} WHERE id = ANY(${ids}::uuid[])`.execute(db);
  for (const r of rows) if (r.incident_id) out.get(r.id)?.push(r.incident_id);
  return out;
}

/**
 * childrenInvolved for several records at once, given each record's incidents: pseudonyms per
 * record, sorted as the database sorts them, in one query.
 */
export async function childrenOfMany(
  db: Db,
  incidents: Map<string, string[]>,
): Promise<Map<string, string[]>> {
  const out = new Map([...incidents.keys()].map((id) => [id, [] as string[]]));
  const pairs = [...incidents].flatMap(([id, xs]) => xs.map((x) => [id, x] as const));
  if (pairs.length === 0) return out;
  const { rows } = await sql<{ id: string; pseudonym: string }>`
    SELECT DISTINCT k.id, p.pseudonym
    FROM unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]) AS k(id, incident_id)
    JOIN incident_people ip ON ip.incident_id = k.incident_id
    JOIN people p ON p.id = ip.person_id AND p.age_status IN ('minor', 'unknown')
    ORDER BY k.id, p.pseudonym`.execute(db);
  for (const r of rows) out.get(r.id)!.push(r.pseudonym);
  return out;
}

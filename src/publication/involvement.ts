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
  if (table === 'incidents') return [id];
  if (table === 'officers') {
    const { rows } = await sql<{ incident_id: string }>`
      SELECT incident_id FROM incident_officers WHERE officer_id = ${id}
      UNION SELECT incident_id FROM allegations WHERE officer_id = ${id}`.execute(db);
    return rows.map((r) => r.incident_id);
  }
  const row = await db.selectFrom(table).select('incident_id').where('id', '=', id).executeTakeFirst();
  return row?.incident_id ? [row.incident_id] : [];
}

import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { linkRecords, upsertRecords, type RecordScope } from './records.ts';

/**
 * Writes around imported incidents that several formats share: placeholders for incidents another
 * file of the dataset describes, the officers and agencies or units linked to an incident, and
 * dates that arrive with a later file.
 */

/** An incident made before the file that describes it: a draft that file fills in. */
export interface PlaceholderIncident {
  externalId: string;
  id: string;
  slug: string;
  title: string;
  summary: string;
  force_id: string;
  tags: string[];
}

/**
 * Makes the incidents that are missing (an existing one is never touched, whoever made it) and
 * returns the dataset attributes of those already imported, by the dataset's id.
 */
export async function placeholderIncidents(
  trx: Db,
  scope: RecordScope,
  incidents: PlaceholderIncident[],
): Promise<Map<string, Record<string, string | null>>> {
  if (incidents.length === 0) return new Map();
  await upsertRecords(
    trx,
    scope,
    { table: 'incidents', kind: 'incident', update: [], guard: 'never' },
    incidents.map(({ externalId: _, ...values }) => values),
  );
  await linkRecords(
    trx,
    scope,
    'incident',
    incidents.map((i) => ({ externalId: i.externalId, entityId: i.id })),
    false,
  );
  const facts = await trx
    .selectFrom('dataset_records')
    .select(['external_id', 'attributes'])
    .where('source_id', '=', scope.sourceId)
    .where('record_kind', '=', 'incident')
    .where(
      'external_id',
      'in',
      incidents.map((i) => i.externalId),
    )
    .execute();
  return new Map(facts.map((f) => [f.external_id, f.attributes as Record<string, string | null>]));
}

/** Links each named officer to the incident as its subject (once; nothing for unnamed officers). */
export async function linkOfficersToIncidents(trx: Db, pairs: [string, string | null][]): Promise<void> {
  const values = [
    ...new Map(
      pairs
        .filter(([, o]) => o)
        .map(([i, o]) => [`${i}/${o}`, { incident_id: i, officer_id: o!, role: 'subject' }]),
    ).values(),
  ];
  if (values.length === 0) return;
  await trx
    .insertInto('incident_officers')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Sets the other agencies (`incident_forces`) or the units (`incident_units`) of these incidents to
 * exactly the pairs given, so a newer file that drops one drops it here too. Incidents an editor
 * has moved on are left as they are.
 */
export async function replaceIncidentLinks(
  trx: Db,
  table: 'incident_forces' | 'incident_units',
  incidentIds: string[],
  pairs: { incident_id: string; target: string }[],
): Promise<void> {
  if (incidentIds.length === 0) return;
  const drafts = await trx
    .selectFrom('incidents')
    .select('id')
    .where('id', 'in', [...new Set(incidentIds)])
    .where('publication_state', '=', 'draft')
    .execute();
  const ids = new Set(drafts.map((d) => d.id));
  if (ids.size === 0) return;
  await trx
    .deleteFrom(table)
    .where('incident_id', 'in', [...ids])
    .execute();
  const kept = [
    ...new Map(
      pairs.filter((p) => ids.has(p.incident_id)).map((p) => [`${p.incident_id}/${p.target}`, p]),
    ).values(),
  ];
  if (kept.length === 0) return;
  if (table === 'incident_forces')
    await trx
      .insertInto(table)
      .values(kept.map((p) => ({ incident_id: p.incident_id, force_id: p.target })))
      .execute();
  else
    await trx
      .insertInto(table)
      .values(kept.map((p) => ({ incident_id: p.incident_id, unit_id: p.target })))
      .execute();
}

/**
 * Allegations imported before their complaint lack the date it was received: once the
 * complaints file is in, take it from the incident's dataset attribute `attribute`.
 */
export async function fillReportedOn(trx: Db, scope: RecordScope, attribute: string): Promise<void> {
  await sql`
    UPDATE allegations a SET reported_on = (d.attributes->>${attribute})::date
    FROM dataset_records d
    WHERE a.publication_state = 'draft' AND a.reported_on IS NULL
      AND d.source_id = ${scope.sourceId} AND d.record_kind = 'incident' AND d.entity_id = a.incident_id
      AND d.last_file_id = ${scope.fileId} AND d.attributes->>${attribute} IS NOT NULL`.execute(trx);
}

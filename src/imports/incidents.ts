import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import {
  draftIds,
  linkRecords,
  removeRecords,
  upsertRecords,
  type RecordScope,
  type UpsertSpec,
} from './records.ts';
import type { DB } from '../db/schema.generated.ts';
import type { Insertable } from 'kysely';

/**
 * The incident side of imported records, shared by the formats: incidents (and placeholders for
 * those another file of the dataset describes), allegations, findings and sanctions with their
 * editorial guards, the officers, people and agencies or units linked to an incident, and dates
 * that arrive with a later file. Nothing here changes a record an editor has moved on from draft,
 * or adds anything under one.
 */

/** An imported incident: its id derived from the dataset's, always a draft. */
export type ImportedIncident = Insertable<DB['incidents']> & { id: string };

/** What a newer file of the dataset may change on a draft incident it describes. */
export type IncidentColumn =
  'title' | 'summary' | 'occurred_on' | 'occurred_precision' | 'place' | 'force_id';
const INCIDENT_COLUMNS: readonly IncidentColumn[] = [
  'title',
  'summary',
  'occurred_on',
  'occurred_precision',
  'place',
];

/**
 * Writes incidents from a file that describes them: new ones made, drafts brought up to date
 * (what happened, when and where; with `force`, the agency too), the others left alone. A
 * format that describes less (a mapping without dates) lists what it does describe in `update`,
 * so what it does not give is never blanked.
 */
export function upsertIncidents(
  trx: Db,
  scope: RecordScope,
  rows: ImportedIncident[],
  opts: { force?: boolean; update?: readonly IncidentColumn[] } = {},
): Promise<void> {
  const update = [...(opts.update ?? INCIDENT_COLUMNS), ...(opts.force ? (['force_id'] as const) : [])];
  return upsertRecords(trx, scope, { table: 'incidents', kind: 'incident', update, guard: 'draft' }, rows);
}

/** What an allegation says of an officer the dataset has no record of. */
export const UNIDENTIFIED_OFFICER = 'An officer the dataset does not identify';

/** An imported allegation: one named officer or a description of an unidentified one. */
export type ImportedAllegation = Insertable<DB['allegations']> & { id: string };

/** What a newer file may change on a draft allegation (a format may list fewer, or conduct dates). */
export type AllegationColumn = keyof ImportedAllegation & string;
const ALLEGATION_COLUMNS: AllegationColumn[] = [
  'summary',
  'status_code',
  'iopc_taxonomy',
  'iopc_code',
  'reported_on',
  'officer_id',
  'unidentified_officer',
];

/** Writes allegations; a newer file updates a draft's wording, status, dates and officer. */
export function upsertAllegations(
  trx: Db,
  scope: RecordScope,
  rows: ImportedAllegation[],
  update: AllegationColumn[] = ALLEGATION_COLUMNS,
): Promise<void> {
  return upsertRecords(
    trx,
    scope,
    { table: 'allegations', kind: 'allegation', update, guard: 'draft' },
    rows,
  );
}

/** An imported finding (the deciding body's own wording in its summary). */
export type ImportedFinding = Insertable<DB['findings']> & { id: string; allegation_id: string };
/** An imported sanction (the dataset's own wording in its detail). */
export type ImportedSanction = Insertable<DB['sanctions']> & { id: string; finding_id: string };

// A finding is written while its allegation is a draft; a sanction while its finding's is.
const FINDINGS: UpsertSpec<ImportedFinding> = {
  table: 'findings',
  kind: 'finding',
  update: ['outcome_code', 'summary', 'decided_on', 'deciding_body'],
  guard: { parent: 'allegations', via: 'allegation_id' },
};
const SANCTIONS: UpsertSpec<ImportedSanction> = {
  table: 'sanctions',
  kind: 'sanction',
  update: ['sanction_code', 'detail'],
  guard: 'finding',
};

/**
 * Writes findings; a newer file updates a draft allegation's finding (the columns in `update`,
 * by default its outcome, wording, date and deciding body).
 */
export function upsertFindings(
  trx: Db,
  scope: RecordScope,
  rows: ImportedFinding[],
  update: (keyof ImportedFinding & string)[] = FINDINGS.update,
): Promise<void> {
  return upsertRecords(trx, scope, { ...FINDINGS, update }, rows);
}

/**
 * Writes sanctions; a newer file updates those of a draft allegation (by default the penalty and
 * its wording; a format whose penalty can move to a later finding, or gain a date, says so).
 */
export function upsertSanctions(
  trx: Db,
  scope: RecordScope,
  rows: ImportedSanction[],
  update: (keyof ImportedSanction & string)[] = SANCTIONS.update,
): Promise<void> {
  return upsertRecords(trx, scope, { ...SANCTIONS, update }, rows);
}

/** Removes findings and sanctions a newer file no longer has (a draft allegation's only). */
export async function removeOutcomes(
  trx: Db,
  ids: { findings: string[]; sanctions: string[] },
): Promise<void> {
  await removeRecords(trx, { table: 'sanctions', guard: SANCTIONS.guard }, ids.sanctions);
  await removeRecords(trx, { table: 'findings', guard: FINDINGS.guard }, ids.findings);
}

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

/**
 * Links each named officer to the incident as its subject (once; nothing for unnamed officers),
 * while the incident is a draft: a published incident's officers change only by an editor.
 */
export async function linkOfficersToIncidents(trx: Db, pairs: [string, string | null][]): Promise<void> {
  const drafts = await draftIds(
    trx,
    'incidents',
    pairs.filter(([, o]) => o).map(([i]) => i),
  );
  const values = [
    ...new Map(
      pairs
        .filter(([i, o]) => o && drafts.has(i))
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

/** A person who is not an officer (always pseudonymous: an import never names anyone). */
export type ImportedPerson = Insertable<DB['people']> & { id: string };

/** A person and their part in an incident (complainant, victim, …), as a dataset gives it. */
export interface IncidentPerson {
  person: ImportedPerson;
  incidentId: string;
  role: string;
}

/**
 * Writes people with their part in an incident, while the incident is a draft: a published
 * incident's people change only by an editor, so nobody is added to it (or made for it). A
 * newer file updates the `update` columns of a person only while nobody has named them and all
 * their incidents are drafts (guard 'person'); a role it now gives differently replaces the old.
 * Returns the ids of the people written (for their dataset links).
 */
export async function upsertIncidentPeople(
  trx: Db,
  scope: RecordScope,
  people: IncidentPerson[],
  update: (keyof ImportedPerson & string)[],
): Promise<Set<string>> {
  const drafts = await draftIds(
    trx,
    'incidents',
    people.map((p) => p.incidentId),
  );
  const open = people.filter((p) => drafts.has(p.incidentId));
  if (open.length === 0) return new Set();
  await upsertRecords(
    trx,
    scope,
    { table: 'people', kind: 'person', update, guard: 'person' },
    open.map((p) => p.person),
  );
  const links = [
    ...new Map(
      open.map((p) => {
        const l = { incident_id: p.incidentId, person_id: p.person.id, role: p.role };
        return [`${l.incident_id}/${l.person_id}/${l.role}`, l];
      }),
    ).values(),
  ];
  await sql`DELETE FROM incident_people ip
    USING jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS v(incident_id uuid, person_id uuid, role text)
    WHERE ip.incident_id = v.incident_id AND ip.person_id = v.person_id AND ip.role <> v.role`.execute(trx);
  await trx
    .insertInto('incident_people')
    .values(links)
    .onConflict((oc) => oc.doNothing())
    .execute();
  return new Set(open.map((p) => p.person.id));
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
  const ids = await draftIds(trx, 'incidents', incidentIds);
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

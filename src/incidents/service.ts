import type { Actor } from '../audit/history.ts';
import { linkRecord, saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../schema/common.ts';
import {
  incidentInput,
  incidentOfficerRole,
  incidentPersonRole,
  timelineEventInput,
  type IncidentInput,
  type TimelineEventInput,
} from './schema.ts';

/** Creates or updates an incident (always as a draft unless the publication service moves it on). */
export async function saveIncident(trx: Db, actor: Actor, input: IncidentInput, id?: string) {
  const i = parseInput(incidentInput, input);
  return saveRecord(trx, actor, 'incidents', id, {
    slug: i.slug,
    title: i.title,
    summary: i.summary,
    occurred_on: i.occurred.on,
    occurred_precision: i.occurred.precision,
    occurred_until: i.occurred.until ?? null,
    place: i.place ?? null,
    force_id: i.forceId,
    tags: i.tags,
  });
}

/** Adds a dated step to an incident's timeline. */
export async function saveTimelineEvent(trx: Db, actor: Actor, input: TimelineEventInput, id?: string) {
  const e = parseInput(timelineEventInput, input);
  return saveRecord(trx, actor, 'timeline_events', id, {
    incident_id: e.incidentId,
    occurred_on: e.occurred.on!,
    occurred_precision: e.occurred.precision,
    occurred_until: e.occurred.until ?? null,
    title: e.title,
    description: e.description ?? null,
    process_taxonomy: e.processState ? e.processTaxonomy : null,
    process_state: e.processState ?? null,
  });
}

/** Links a unit to an incident. */
export function addIncidentUnit(trx: Db, actor: Actor, incidentId: string, unitId: string) {
  return linkRecord(trx, actor, 'incident_units', { incident_id: incidentId, unit_id: unitId });
}

/** Links an officer to an incident in a role (subject, witness, supervisor). */
export function addIncidentOfficer(
  trx: Db,
  actor: Actor,
  incidentId: string,
  officerId: string,
  role: string,
) {
  return linkRecord(trx, actor, 'incident_officers', {
    incident_id: incidentId,
    officer_id: officerId,
    role: parseInput(incidentOfficerRole, role),
  });
}

/** Links a (pseudonymised) person to an incident in a role. */
export function addIncidentPerson(trx: Db, actor: Actor, incidentId: string, personId: string, role: string) {
  return linkRecord(trx, actor, 'incident_people', {
    incident_id: incidentId,
    person_id: personId,
    role: parseInput(incidentPersonRole, role),
  });
}

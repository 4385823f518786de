// Reads behind the public incident page (and its editor preview): the incident, where and who,
// its timeline and the statements about it. Allegations come from src/allegations/repository.ts.
import type { Db } from '../db/client.ts';
import { claimsFor, type ClaimView } from '../sources/claims.ts';

/** Find an incident by its public slug or (for the editor) its id. */
export type IncidentKey = { slug: string } | { id: string };

/** The incident row as the page shows it. */
export async function findIncident(db: Db, key: IncidentKey, states: string[]) {
  let q = db
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
      'i.tags',
      'i.publication_state',
      'i.published_at',
      'i.updated_at',
      'i.proceedings_active',
      'f.name as force_name',
      'f.slug as force_slug',
    ])
    .where('i.publication_state', 'in', states);
  q = 'slug' in key ? q.where('i.slug', '=', key.slug) : q.where('i.id', '=', key.id);
  return q.executeTakeFirst();
}

/** Units linked to an incident, with their force's slug for the unit page address. */
export function incidentUnits(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_units as iu')
    .innerJoin('units as u', 'u.id', 'iu.unit_id')
    .innerJoin('forces as f', 'f.id', 'u.force_id')
    .select(['u.id', 'u.name', 'u.slug', 'u.kind', 'u.updated_at', 'f.slug as force_slug'])
    .where('iu.incident_id', '=', incidentId)
    .orderBy('u.name')
    .execute();
}

/** Officers linked to an incident and their role in it (naming is decided by the caller). */
export function incidentOfficers(db: Db, incidentId: string) {
  return db
    .selectFrom('incident_officers as io')
    .innerJoin('officers as o', 'o.id', 'io.officer_id')
    .select(['o.id', 'o.slug', 'o.published_name', 'o.publication_state', 'o.updated_at', 'io.role'])
    .where('io.incident_id', '=', incidentId)
    .orderBy('o.published_name')
    .orderBy('io.role')
    .execute();
}

/** A complainant, victim, witness or relative as the public may see them: never linked. */
export interface PersonShown {
  display: string;
  role: string;
  updatedAt: Date;
}

/**
 * People involved, each shown by pseudonym unless a public name may be used: an adult whose
 * protection was lifted on a recorded basis, and never a living sexual-offence complainant without
 * a waiver. The database refuses such names already (R7–R9); this check keeps the page safe even
 * if a constraint were ever loosened. Real identities are never read here.
 */
export async function incidentPeople(db: Db, incidentId: string): Promise<PersonShown[]> {
  const rows = await db
    .selectFrom('incident_people as ip')
    .innerJoin('people as p', 'p.id', 'ip.person_id')
    .select([
      'p.pseudonym',
      'p.public_name',
      'p.age_status',
      'p.protected_identity',
      'p.sexual_offence_complainant',
      'p.sexual_offence_waiver',
      'p.deceased',
      'p.updated_at',
      'ip.role',
    ])
    .where('ip.incident_id', '=', incidentId)
    .orderBy('ip.role')
    .orderBy('p.pseudonym')
    .execute();
  return rows.map((p) => {
    const nameable =
      p.public_name !== null &&
      p.age_status === 'adult' &&
      !p.protected_identity &&
      (!p.sexual_offence_complainant || p.deceased || p.sexual_offence_waiver);
    return { display: nameable ? p.public_name! : p.pseudonym, role: p.role, updatedAt: p.updated_at };
  });
}

/** A dated step of the case, with its sources. */
export interface TimelineEntry {
  id: string;
  on: string;
  precision: string;
  until: string | null;
  title: string;
  description: string | null;
  stage: string | null;
  claims: ClaimView[];
}

/** The incident's timeline in date order, each step with its sources. */
export async function incidentTimeline(db: Db, incidentId: string): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('timeline_events as e')
    .leftJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'e.process_taxonomy').onRef('t.code', '=', 'e.process_state'),
    )
    .select([
      'e.id',
      'e.occurred_on',
      'e.occurred_precision',
      'e.occurred_until',
      'e.title',
      'e.description',
      't.label as stage',
    ])
    .where('e.incident_id', '=', incidentId)
    .orderBy('e.occurred_on')
    .orderBy('e.title')
    .execute();
  const claims = await claimsFor(
    db,
    'timeline_event_id',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    on: r.occurred_on,
    precision: r.occurred_precision,
    until: r.occurred_until,
    title: r.title,
    description: r.description,
    stage: r.stage,
    claims: claims.get(r.id) ?? [],
  }));
}

/** Published official statements about an incident, oldest first. */
export function incidentStatements(db: Db, incidentId: string) {
  return db
    .selectFrom('statements')
    .select(['slug', 'speaker_name', 'speaker_role', 'said_on', 'summary', 'updated_at'])
    .where('incident_id', '=', incidentId)
    .where('publication_state', '=', 'published')
    .orderBy('said_on')
    .orderBy('slug')
    .execute();
}

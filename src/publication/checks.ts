import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import type { PublishableTable } from './service.ts';

/** One reason a record cannot publish (blocking) or needs care (warning), with its rule id. */
export interface CheckProblem {
  rule: string;
  message: string;
}

/** What the pre-publication checks found. Publishing is refused while `blocking` is not empty. */
export interface CheckReport {
  blocking: CheckProblem[];
  warnings: CheckProblem[];
}

type ClaimColumn = 'incident_id' | 'allegation_id' | 'officer_id' | 'statement_id';

async function claimCounts(db: Db, column: ClaimColumn, id: string, field?: string) {
  let q = db
    .selectFrom('claims')
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      (eb) => eb.fn.count<number>('quoted_passage').as('quoted'),
    ])
    .where(column, '=', id);
  if (field) q = q.where('field', '=', field);
  const row = await q.executeTakeFirstOrThrow();
  return { all: Number(row.all), quoted: Number(row.quoted) };
}

/** Pseudonyms of children or people of unknown age involved in these incidents (rule R8). */
async function childrenInvolved(db: Db, incidentIds: string[]): Promise<string[]> {
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
async function incidentsOf(db: Db, table: PublishableTable, id: string): Promise<string[]> {
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

async function allegationChecks(db: Db, id: string, report: CheckReport): Promise<void> {
  const a = await db
    .selectFrom('allegations as a')
    .leftJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'a.status_taxonomy').onRef('t.code', '=', 'a.status_code'),
    )
    .select(['a.officer_id', 'a.status_code', 't.label'])
    .where('a.id', '=', id)
    .executeTakeFirstOrThrow();
  const claims = await claimCounts(db, 'allegation_id', id);
  if (a.officer_id !== null) {
    if (!a.label)
      report.blocking.push({ rule: 'R1', message: 'An allegation naming an officer needs a status label.' });
    if (claims.quoted === 0)
      report.blocking.push({
        rule: 'R4',
        message:
          'An allegation naming an officer needs at least one claim on it with a quoted passage from a source.',
      });
  } else if (claims.all === 0) {
    report.blocking.push({
      rule: 'R4',
      message: 'An allegation needs at least one claim linking it to a source.',
    });
  }
  if (a.status_code === 'active_proceedings')
    report.warnings.push({
      rule: 'R5',
      message:
        'Active criminal proceedings: publish only fair, accurate, contemporaneous court reports (Contempt of Court Act 1981).',
    });
}

async function officerChecks(db: Db, id: string, report: CheckReport): Promise<void> {
  const o = await db
    .selectFrom('officers')
    .select('published_name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (o.published_name === null) return;
  const claims = await claimCounts(db, 'officer_id', id, 'published_name');
  if (claims.quoted === 0)
    report.blocking.push({
      rule: 'R4',
      message:
        "Publishing an officer's name needs a claim on the field 'published_name' with a quoted passage from an official source.",
    });
}

/** Runs every pre-publication check for one record. */
export async function publicationChecks(db: Db, table: PublishableTable, id: string): Promise<CheckReport> {
  const report: CheckReport = { blocking: [], warnings: [] };
  if (table === 'incidents' && (await claimCounts(db, 'incident_id', id)).all === 0)
    report.blocking.push({
      rule: 'R4',
      message: 'An incident needs at least one claim linking it to a source.',
    });
  if (table === 'allegations') await allegationChecks(db, id, report);
  if (table === 'officers') await officerChecks(db, id, report);
  const children = await childrenInvolved(db, await incidentsOf(db, table, id));
  if (children.length > 0)
    report.warnings.push({
      rule: 'R8',
      message:
        `This involves a child or a person of unknown age (${children.join(', ')}). Rule R8 requires two-person ` +
        'approval (an editor plus legal or safeguarding) before publication. That approval step comes with the ' +
        'security work and is NOT enforced yet: get and record the second approval before you publish.',
    });
  return report;
}

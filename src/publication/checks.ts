import type { Db } from '../db/client.ts';
import { allowedTexts, publicTexts } from '../legal/pii-repository.ts';
import { describeFinding, scanPii } from '../legal/pii.ts';
import { ORDER_TYPES, restrictionsOn } from '../legal/restrictions.ts';
import { replyProblem } from '../legal/replies.ts';
import { minorProblems } from '../legal/minors.ts';
import { approvalReasons, validApprovals } from './approvals.ts';
import { CLAIM_COLUMN_OF, type PublishableTable } from './service.ts';

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

type ClaimColumn = (typeof CLAIM_COLUMN_OF)[PublishableTable];

async function claimCounts(db: Db, column: ClaimColumn, id: string, field?: string) {
  let q = db
    .selectFrom('claims')
    .select([
      (eb) => eb.fn.countAll<number>().as('all'),
      (eb) => eb.fn.count<number>('quoted_passage').as('quoted'),
    ])
    .where(column, '=', id)
    // A source that contradicts the fact is not support for it.
    .where('stance', '=', 'supports');
  if (field) q = q.where('field', '=', field);
  const row = await q.executeTakeFirstOrThrow();
  return { all: Number(row.all), quoted: Number(row.quoted) };
}

async function allegationChecks(db: Db, id: string, report: CheckReport): Promise<void> {
  const a = await db
    .selectFrom('allegations as a')
    .leftJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'a.status_taxonomy').onRef('t.code', '=', 'a.status_code'),
    )
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .select(['a.officer_id', 'a.status_code', 't.label', 'i.proceedings_active as held'])
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
  const reply = await replyProblem(db, id, new Date().toISOString().slice(0, 10));
  if (reply) report.blocking.push({ rule: 'R12', message: reply });
  if (a.held)
    report.blocking.push({
      rule: 'R5',
      message:
        'Criminal proceedings on this incident are active: until they end, only the court report (charge, court, dates, plea, outcome) is public, so no allegation may be published (Contempt of Court Act 1981).',
    });
  else if (a.status_code === 'active_proceedings')
    report.blocking.push({
      rule: 'R5',
      message:
        'The status label says proceedings are active, but none are recorded on the incident: record them (court, charge, dates) so the hold applies, or correct the label.',
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

/** Cited sources with no captured or uploaded copy. */
async function unarchivedSources(db: Db, table: PublishableTable, id: string): Promise<number> {
  const row = await db
    .selectFrom('claims as c')
    .select((eb) => eb.fn.count<number>('c.source_id').distinct().as('n'))
    .where(CLAIM_COLUMN_OF[table], '=', id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('source_snapshots as s')
            .select('s.id')
            .whereRef('s.source_id', '=', 'c.source_id')
            .where('s.capture_status', '=', 'captured'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many claims on the record contradict what the others support. */
async function disputedClaims(db: Db, table: PublishableTable, id: string): Promise<number> {
  const row = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(CLAIM_COLUMN_OF[table], '=', id)
    .where('stance', '=', 'contradicts')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function proceedingsActive(db: Db, incidentId: string): Promise<boolean> {
  const i = await db
    .selectFrom('incidents')
    .select('proceedings_active')
    .where('id', '=', incidentId)
    .executeTakeFirst();
  return i?.proceedings_active ?? false;
}

async function mergedInto(db: Db, table: 'officers' | 'incidents', id: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('merged_into').where('id', '=', id).executeTakeFirst();
  return (row?.merged_into ?? null) !== null;
}

/** Runs every pre-publication check for one record. */
export async function publicationChecks(db: Db, table: PublishableTable, id: string): Promise<CheckReport> {
  const report: CheckReport = { blocking: [], warnings: [] };
  if ((table === 'officers' || table === 'incidents') && (await mergedInto(db, table, id)))
    report.blocking.push({
      rule: 'R11',
      message:
        'This record was merged into another (matching across sources): the record kept is the one to publish. Undo the merge first if it was wrong.',
    });
  if (table === 'incidents' && (await claimCounts(db, 'incident_id', id)).all === 0)
    report.blocking.push({
      rule: 'R4',
      message: 'An incident needs at least one claim linking it to a source.',
    });
  if (table === 'allegations') await allegationChecks(db, id, report);
  if (table === 'incidents' && (await proceedingsActive(db, id)))
    report.warnings.push({
      rule: 'R5',
      message:
        'Criminal proceedings on this incident are active: its public page shows only the court report (charge, court, dates, plea, outcome) and its allegations are hidden until an editor records the end.',
    });
  if (table === 'officers') await officerChecks(db, id, report);
  const texts = await publicTexts(db, table, id);
  for (const r of await restrictionsOn(db, table, id, texts))
    report.blocking.push({
      rule: 'R6',
      message: `A reporting restriction is in force (${ORDER_TYPES[r.orderType]}, ${r.caseReference}) and ${r.because}.`,
    });
  for (const message of await minorProblems(db, table, id, texts))
    report.blocking.push({ rule: 'R8', message });
  const pii = scanPii(texts.join('\n'), await allowedTexts(db));
  for (const f of pii.slice(0, 5))
    report.blocking.push({
      rule: 'R10',
      message: `The public text contains ${describeFinding(f)}. Remove it, or if it is not a personal detail (a station's or press office's public address or number) add the exact text to the reviewed allowlist.`,
    });
  const unarchived = await unarchivedSources(db, table, id);
  if (unarchived > 0)
    report.warnings.push({
      rule: 'R4',
      message: `${unarchived} cited source(s) have no archived copy yet (capture waiting or failed). Capture again, or upload a copy (PDF or image) to the source, so the record does not depend on a page that can vanish.`,
    });
  const disputes = await disputedClaims(db, table, id);
  if (disputes > 0)
    report.warnings.push({
      rule: 'DISPUTED',
      message:
        'Sources disagree on this record: both are shown to readers with a flag. Check the wording does not ' +
        'present the disputed fact as settled.',
    });
  const reasons = await approvalReasons(db, table, id);
  if (reasons.length > 0 && (await validApprovals(db, table, id)).length === 0)
    report.blocking.push({
      rule: 'TWO-PERSON',
      message:
        `This needs approval by a second editor or moderator who did not write it, because ${reasons.join(' and ')}. ` +
        'Any change after an approval needs a new one.',
    });
  return report;
}

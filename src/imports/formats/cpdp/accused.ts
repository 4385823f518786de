import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { slugify } from '../../../schema/common.ts';
import { day, externalId, text, wholeNumber } from '../../fields.ts';
import type { ImportContext, ImportFormat } from '../../framework.ts';
import { ImportFileError } from '../../read.ts';
import {
  linkOfficersToIncidents,
  placeholderIncidents,
  UNIDENTIFIED_OFFICER,
  upsertAllegations,
  upsertFindings,
  upsertSanctions,
} from '../../incidents.ts';
import { followMerges, idFor, linkDerived } from '../../records.ts';
import {
  IOPC_CATEGORIES,
  iopcFor,
  penaltyDays,
  STATUS_FOR_FINDING,
  US_FINDINGS,
  US_SANCTIONS,
  usFinding,
  usSanction,
} from '../../us-vocabulary.ts';
import { PENDING_BODY } from './complaints.ts';
import {
  CPDP_DATASET,
  isUnknownOfficer,
  officerIdColumn,
  prepareChicago,
  uidOf,
  writeOfficers,
  type CpdpOfficer,
} from './shared.ts';

/**
 * `complaints-accused.csv`: one row per accused officer per complaint, with the allegation's
 * category, the final finding and penalty. Each row becomes an allegation (with a finding and a
 * penalty where the file gives them) on the complaint's incident, naming the officer by the
 * file's officer id — or, for CPDP's catch-all "UNKNOWN" record, describing an unidentified one.
 */
const accusedRow = z
  .looseObject({
    row_id: externalId(),
    cr_id: externalId(),
    star: wholeNumber(),
    appointed_date: day(),
    current_unit: wholeNumber(),
    rank: text(100),
    complaint_code: text(20),
    complaint_status: text(60),
    allegation_category: text(200),
    recommended_finding: text(60),
    final_finding: text(60),
    recommended_penalty: text(100),
    final_penalty: text(100),
    first_name: text(80),
    middle_initial: text(10),
    last_name: text(80),
    suffix_name: text(10),
  })
  .transform((r, ctx) => ({ ...r, uid: uidOf(r, ctx) }));
type AccusedRow = z.output<typeof accusedRow>;
type Ctx = ImportContext<{ forceId: string }>;

function officerOf(r: AccusedRow): CpdpOfficer {
  return {
    uid: r.uid,
    first: r.first_name,
    middle: r.middle_initial,
    last: r.last_name,
    suffix: r.suffix_name,
    rank: r.rank,
    unit: r.current_unit,
    star: r.star,
    appointed: r.appointed_date,
  };
}

function statusOf(r: AccusedRow): string {
  const f = usFinding(r.final_finding);
  if (f) return STATUS_FOR_FINDING[f];
  return /INVESTIGATION|PENDING|OPEN/i.test(r.complaint_status ?? '') ? 'under_investigation' : 'reported';
}

function summaryOf(r: AccusedRow): string {
  const what = r.allegation_category ?? 'Allegation (category not published)';
  return `${what}${r.complaint_code ? ` (complaint code ${r.complaint_code})` : ''}`;
}

/** Incidents named by the batch, made as placeholders when the complaints file has not come yet. */
function complaintsOf(trx: Db, ctx: Ctx, crIds: string[]) {
  return placeholderIncidents(
    trx,
    ctx,
    crIds.map((cr) => ({
      externalId: cr,
      id: idFor(ctx, 'incident', cr),
      slug: `cpdp-cr-${slugify(cr)}`,
      title: `Chicago complaint CR ${cr}`,
      summary: `Complaint register CR ${cr} about Chicago Police Department staff. Its dates and place come from the CPDP complaints file, which has not been imported yet.`,
      force_id: ctx.state.forceId,
      tags: ['cpdp'],
    })),
  );
}

async function write(trx: Db, batch: { row: number; value: AccusedRow }[], ctx: Ctx) {
  const rows = batch.map((b) => b.value);
  await writeOfficers(trx, ctx, ctx.state.forceId, rows.map(officerOf), false);
  const complaints = await complaintsOf(trx, ctx, [...new Set(rows.map((r) => r.cr_id))]);
  const officerId = (r: AccusedRow) => (isUnknownOfficer(officerOf(r)) ? null : idFor(ctx, 'officer', r.uid));
  const current = await followMerges(trx, 'officers', rows.map(officerId));
  await upsertAllegations(
    trx,
    ctx,
    rows.map((r) => {
      const iopc = iopcFor(r.allegation_category);
      const officer = current(officerId(r));
      return {
        id: idFor(ctx, 'allegation', r.row_id),
        incident_id: idFor(ctx, 'incident', r.cr_id),
        officer_id: officer,
        unidentified_officer: officer ? null : UNIDENTIFIED_OFFICER,
        summary: summaryOf(r),
        iopc_taxonomy: iopc ? IOPC_CATEGORIES : null,
        iopc_code: iopc,
        status_code: statusOf(r),
        reported_on: complaints.get(r.cr_id)?.complaint_date ?? null,
      };
    }),
  );
  await writeOutcomes(trx, ctx, rows, complaints);
  await linkOfficersToIncidents(
    trx,
    rows.map((r) => [idFor(ctx, 'incident', r.cr_id), current(officerId(r))]),
  );
  await linkDerived(
    trx,
    ctx,
    'allegation',
    rows.map((r) => ({ externalId: r.row_id, attributes: attributesOf(r) })),
  );
}

function attributesOf(r: AccusedRow) {
  return {
    complaint_code: r.complaint_code,
    complaint_status: r.complaint_status,
    final_finding: r.final_finding,
    recommended_finding: r.recommended_finding,
    final_penalty: r.final_penalty,
    recommended_penalty: r.recommended_penalty,
  };
}

async function writeOutcomes(
  trx: Db,
  ctx: Ctx,
  rows: AccusedRow[],
  complaints: Map<string, Record<string, string | null>>,
) {
  const decided = rows.filter((r) => usFinding(r.final_finding));
  await upsertFindings(
    trx,
    ctx,
    decided.map((r) => {
      const c = complaints.get(r.cr_id);
      return {
        id: idFor(ctx, 'finding', r.row_id),
        allegation_id: idFor(ctx, 'allegation', r.row_id),
        track: 'conduct',
        forum: 'other',
        deciding_body: c?.investigating_agency ?? PENDING_BODY,
        outcome_taxonomy: US_FINDINGS,
        outcome_code: usFinding(r.final_finding)!,
        decided_on: c?.closed_date ?? null,
        summary: `Final finding as published: ${r.final_finding}${r.recommended_finding ? `; recommended: ${r.recommended_finding}` : ''}.`,
      };
    }),
  );
  const penalised = decided.filter((r) => usSanction(r.final_penalty));
  await upsertSanctions(
    trx,
    ctx,
    penalised.map((r) => ({
      id: idFor(ctx, 'sanction', r.row_id),
      finding_id: idFor(ctx, 'finding', r.row_id),
      sanction_taxonomy: US_SANCTIONS,
      sanction_code: usSanction(r.final_penalty)!,
      detail: `Final penalty as published: ${r.final_penalty}${penaltyDays(r.final_penalty!) ? ` (${penaltyDays(r.final_penalty!)} days)` : ''}.`,
    })),
  );
}

export const cpdpAccused: ImportFormat<AccusedRow, { forceId: string }> = {
  id: 'cpdp-accused',
  title: 'Chicago CPDP accused officers',
  columns: [
    'row_id',
    'cr_id',
    'allegation_category',
    'final_finding',
    'final_penalty',
    'first_name',
    'last_name',
  ],
  dataset: () => CPDP_DATASET,
  prepare: prepareChicago,
  row: accusedRow,
  write,
  checkHeader(columns) {
    if (!officerIdColumn(Object.fromEntries(columns.map((c) => [c, '']))))
      throw new ImportFileError(
        'The header has no officer id column (its name ends in "_ID"): is this a CPDP accused file?',
      );
  },
};

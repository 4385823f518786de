import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { formatPartialDate } from '../../http/format.ts';
import { prepareAgency } from '../agencies.ts';
import { bool, day, requiredText, text } from '../fields.ts';
import type { DatasetInfo, ImportContext, ImportFormat } from '../framework.ts';
import {
  linkOfficersToIncidents,
  placeholderIncidents,
  removeOutcomes,
  upsertAllegations,
  upsertFindings,
  upsertSanctions,
} from '../incidents.ts';
import { writeOfficers, type DatasetOfficer } from '../officers.ts';
import { followMerges, idFor, linkDerived, type RecordScope } from '../records.ts';
import {
  penaltyDays,
  STATUS_FOR_FINDING,
  US_FINDINGS,
  US_SANCTIONS,
  usFinding,
  usSanction,
  type UsFinding,
} from '../us-vocabulary.ts';

/**
 * NYC Civilian Complaint Review Board, "Penalties" (NYC Open Data): one row per officer with a
 * substantiated allegation in a complaint — the CCRB's disposition, the Board's recommendation,
 * the Administrative Prosecution Unit's trial or plea (charges cases) and the penalty the NYPD
 * Police Commissioner imposed. Officers are known only by their Tax ID, an NYPD employee number:
 * it is stored as a payroll number (personal: never shown or exported) and never appears in a
 * public address. Column mappings and decisions: docs/imports.md.
 */
export const CCRB_DATASET: DatasetInfo = {
  publisher: 'NYC Civilian Complaint Review Board (NYC Open Data)',
  title: 'Civilian Complaint Review Board: Penalties',
  licence:
    'Free to reuse (NYC Open Data). Attribution: "Source: NYC Civilian Complaint Review Board, NYC Open Data".',
  url: 'https://opendata.cityofnewyork.us/',
};

/** The NYPD as the Washington Post's agencies file names it, so both datasets share one force. */
export const NYPD = { name: 'New York Police Department', state: 'NY', type: 'local_police' };
const CCRB = 'NYC Civilian Complaint Review Board';
const COMMISSIONER = 'NYPD Police Commissioner (trial by the Deputy Commissioner of Trials; APU prosecution)';

const taxId = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (!/^\d{5,7}$/.test(t))
    ctx.addIssue({ code: 'custom', message: "must be the officer's Tax ID (digits)" });
  return t;
});

// Complaint ids are numbers (`202000764`); they become public addresses.
const complaintId = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (!/^\d{1,12}$/.test(t))
    ctx.addIssue({ code: 'custom', message: 'must be the CCRB complaint number (digits)' });
  return t;
});

const disposition = requiredText(100).superRefine((s, ctx) => {
  if (s && !usFinding(s))
    ctx.addIssue({ code: 'custom', message: 'not a CCRB disposition (e.g. "Substantiated (Charges)")' });
});

const CCRB_COLUMNS = [
  'Complaint Id',
  'Tax ID',
  'CCRB Substantiated Officer Disposition',
  'Board Discipline Recommendation',
  'Non-APU NYPD Penalty Report Date',
  'Officer is_APU',
  'APU CCRB Trial Recommended Penalty',
  'APU Trial Commissioner Recommended Penalty',
  'APU Plea Agreed Penalty',
  'APU Case Status',
  'APU Closing Date',
  'NYPD Officer Penalty',
] as const;

const us = { us: true } as const;
const penaltyRow = z
  .looseObject({
    'Complaint Id': complaintId,
    'Tax ID': taxId,
    'CCRB Substantiated Officer Disposition': disposition,
    'Board Discipline Recommendation': text(100),
    'Non-APU NYPD Penalty Report Date': day(us),
    'Officer is_APU': bool(),
    'APU CCRB Trial Recommended Penalty': text(200),
    'APU Trial Commissioner Recommended Penalty': text(200),
    'APU Plea Agreed Penalty': text(200),
    'APU Case Status': text(200),
    'APU Closing Date': day(us),
    'NYPD Officer Penalty': text(300),
  })
  .transform((r) => ({
    complaint: r['Complaint Id'],
    taxId: r['Tax ID'],
    disposition: r['CCRB Substantiated Officer Disposition'],
    recommendation: r['Board Discipline Recommendation'],
    reportedOn: r['Non-APU NYPD Penalty Report Date'],
    apu: r['Officer is_APU'],
    apuTrialRecommended: r['APU CCRB Trial Recommended Penalty'],
    apuCommissionerRecommended: r['APU Trial Commissioner Recommended Penalty'],
    apuPlea: r['APU Plea Agreed Penalty'],
    apuStatus: r['APU Case Status'],
    apuClosedOn: r['APU Closing Date'],
    penalty: r['NYPD Officer Penalty'],
  }));
type PenaltyRow = z.output<typeof penaltyRow>;
type Ctx = ImportContext<{ forceId: string }>;

/** The APU's trial verdict, when the case went to trial ("Closed: Guilty after trial-PC Approved"). */
function trialVerdict(r: PenaltyRow): UsFinding | null {
  if (/\bNot guilty after trial\b/i.test(r.apuStatus ?? '')) return 'not_sustained';
  if (/\bGuilty after trial\b/i.test(r.apuStatus ?? '')) return 'sustained';
  return null;
}

const pairOf = (r: PenaltyRow) => `${r.complaint}/${r.taxId}`;
const date = (d: string | null) => (d ? formatPartialDate(d, 'day') : null);

/** The APU's trial and plea facts, verbatim, as one sentence (or null for non-charges cases). */
function apuDetail(r: PenaltyRow): string | null {
  const parts = [
    r.apuStatus && `APU case status: ${r.apuStatus}`,
    r.apuClosedOn && `closed ${date(r.apuClosedOn)}`,
    r.apuTrialRecommended && `penalty the CCRB recommended at trial: ${r.apuTrialRecommended}`,
    r.apuCommissionerRecommended &&
      `penalty the trial commissioner recommended: ${r.apuCommissionerRecommended}`,
    r.apuPlea && `plea agreed: ${r.apuPlea}`,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

function ccrbSummary(r: PenaltyRow): string {
  const rec = r.recommendation ? ` Board discipline recommendation: ${r.recommendation}.` : '';
  const apu = !r.penalty && apuDetail(r) ? ` ${apuDetail(r)}` : '';
  return `CCRB disposition as published: ${r.disposition}.${rec}${apu}`;
}

function sanctionDetail(r: PenaltyRow): string {
  const days = penaltyDays(r.penalty!);
  const reported = r.reportedOn ? ` Reported by the NYPD on ${date(r.reportedOn)}.` : '';
  const apu = apuDetail(r) ? ` ${apuDetail(r)}` : '';
  return `Penalty imposed by the NYPD Police Commissioner, as published: ${r.penalty}${days !== null ? ` (${days} days)` : ''}.${reported}${apu}`;
}

function officerOf(scope: RecordScope, r: PenaltyRow): DatasetOfficer {
  // The public address comes from the record id, never from the Tax ID.
  const hex = idFor(scope, 'officer', r.taxId).replace(/-/g, '').slice(0, 16);
  return {
    externalId: r.taxId,
    slug: `nyc-ccrb-officer-${hex}`,
    name: null,
    roleType: 'police_officer',
    identifiers: [{ key: 'tax-id', type: 'payroll_number', value: r.taxId }],
    ranks: [],
    postings: [],
  };
}

async function write(trx: Db, batch: { row: number; value: PenaltyRow }[], ctx: Ctx) {
  // A (complaint, Tax ID) pair the file repeats is one allegation: the later row wins.
  const rows = [...new Map(batch.map((b) => [pairOf(b.value), b.value])).values()];
  await writeOfficers(
    trx,
    ctx,
    ctx.state.forceId,
    rows.map((r) => officerOf(ctx, r)),
    { update: false },
  );
  await placeholderIncidents(
    trx,
    ctx,
    [...new Set(rows.map((r) => r.complaint))].map((c) => ({
      externalId: c,
      id: idFor(ctx, 'incident', c),
      slug: `nyc-ccrb-complaint-${c}`,
      title: `CCRB complaint ${c}`,
      summary: `Complaint ${c} to the NYC Civilian Complaint Review Board about NYPD officers. The penalties dataset publishes no date, place or account of the complaint; its substantiated allegations, the CCRB's findings and the penalties imposed are listed separately.`,
      force_id: ctx.state.forceId,
      tags: ['ccrb'],
    })),
  );
  const current = await followMerges(
    trx,
    'officers',
    rows.map((r) => idFor(ctx, 'officer', r.taxId)),
  );
  const officer = (r: PenaltyRow) => current(idFor(ctx, 'officer', r.taxId))!;
  const latest = (r: PenaltyRow) => trialVerdict(r) ?? usFinding(r.disposition)!;
  // The file says nothing else of the allegation: what an editor adds to a draft stays.
  await upsertAllegations(
    trx,
    ctx,
    rows.map((r) => ({
      id: idFor(ctx, 'allegation', pairOf(r)),
      incident_id: idFor(ctx, 'incident', r.complaint),
      officer_id: officer(r),
      summary: `Allegation against an NYPD officer in CCRB complaint ${r.complaint}, substantiated by the Civilian Complaint Review Board. The penalties dataset does not say what the allegation was.`,
      status_code: STATUS_FOR_FINDING[latest(r)],
    })),
    ['summary', 'status_code', 'officer_id'],
  );
  await writeOutcomes(trx, ctx, rows);
  await linkOfficersToIncidents(
    trx,
    rows.map((r) => [idFor(ctx, 'incident', r.complaint), officer(r)]),
  );
  await linkDerived(
    trx,
    ctx,
    'allegation',
    rows.map((r) => ({ externalId: pairOf(r), attributes: attributesOf(r) })),
  );
}

/** Source fields without a column of their own (the Tax ID is in the officer's record only). */
function attributesOf(r: PenaltyRow) {
  return {
    disposition: r.disposition,
    board_recommendation: r.recommendation,
    non_apu_penalty_report_date: r.reportedOn,
    is_apu: r.apu,
    apu_ccrb_trial_recommended_penalty: r.apuTrialRecommended,
    apu_trial_commissioner_recommended_penalty: r.apuCommissionerRecommended,
    apu_plea_agreed_penalty: r.apuPlea,
    apu_case_status: r.apuStatus,
    apu_closing_date: r.apuClosedOn,
    nypd_officer_penalty: r.penalty,
  };
}

/** The CCRB's finding, the APU trial's verdict where there was one, and the NYPD's penalty. */
async function writeOutcomes(trx: Db, ctx: Ctx, rows: PenaltyRow[]) {
  const findingId = (r: PenaltyRow) => idFor(ctx, 'finding', pairOf(r));
  const trialId = (r: PenaltyRow) => idFor(ctx, 'finding', `${pairOf(r)}#apu-trial`);
  const base = (r: PenaltyRow) => ({
    allegation_id: idFor(ctx, 'allegation', pairOf(r)),
    track: 'conduct',
    forum: 'other',
    outcome_taxonomy: US_FINDINGS,
    // The file gives no date of either decision (the APU closing date is when the case closed).
    decided_on: null,
  });
  const tried = rows.filter(trialVerdict);
  await upsertFindings(trx, ctx, [
    ...rows.map((r) => ({
      ...base(r),
      id: findingId(r),
      deciding_body: CCRB,
      outcome_code: usFinding(r.disposition)!,
      supersedes_finding_id: null as string | null,
      summary: ccrbSummary(r),
    })),
    ...tried.map((r) => ({
      ...base(r),
      id: trialId(r),
      deciding_body: COMMISSIONER,
      outcome_code: trialVerdict(r)!,
      supersedes_finding_id: findingId(r),
      summary: `Verdict of the NYPD trial prosecuted by the CCRB's Administrative Prosecution Unit, as published: ${r.apuStatus}${r.apuClosedOn ? `; case closed ${date(r.apuClosedOn)}` : ''}.`,
    })),
  ]);
  const penalised = rows.filter((r) => usSanction(r.penalty));
  // A penalty moves to the trial's finding once there is one, and gains the closing date.
  await upsertSanctions(
    trx,
    ctx,
    penalised.map((r) => ({
      id: idFor(ctx, 'sanction', pairOf(r)),
      finding_id: trialVerdict(r) ? trialId(r) : findingId(r),
      sanction_taxonomy: US_SANCTIONS,
      sanction_code: usSanction(r.penalty)!,
      // A closed APU case closes with its penalty; a non-charges penalty has only a report date.
      imposed_on: /^Closed\b/i.test(r.apuStatus ?? '') ? r.apuClosedOn : null,
      detail: sanctionDetail(r),
    })),
    ['sanction_code', 'detail', 'imposed_on', 'finding_id'],
  );
  // The last row of a pair wins: what it no longer gives goes (draft records only).
  await removeOutcomes(trx, {
    sanctions: rows.filter((r) => !usSanction(r.penalty)).map((r) => idFor(ctx, 'sanction', pairOf(r))),
    findings: rows.filter((r) => !trialVerdict(r)).map(trialId),
  });
}

export const nycCcrbPenalties: ImportFormat<PenaltyRow, { forceId: string }> = {
  id: 'nyc-ccrb-penalties',
  title: 'NYC CCRB penalties',
  // The layout is fixed: every column is required, so a shifted or renamed one fails loudly.
  columns: CCRB_COLUMNS,
  dataset: () => CCRB_DATASET,
  prepare: prepareAgency(NYPD),
  row: penaltyRow,
  write,
};

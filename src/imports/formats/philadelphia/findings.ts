import type { Db } from '../../../db/client.ts';
import type { ImportContext, ImportFormat } from '../../framework.ts';
import {
  linkOfficersToIncidents,
  placeholderIncidents,
  removeOutcomes,
  UNIDENTIFIED_OFFICER,
  upsertAllegations,
  upsertFindings,
  upsertSanctions,
} from '../../incidents.ts';
import { writeOfficers } from '../../officers.ts';
import { followMerges, idFor, linkDerived } from '../../records.ts';
import { ensureUnits, unitId } from '../../units.ts';
import { IOPC_CATEGORIES, iopcFor, US_FINDINGS, US_SANCTIONS } from '../../us-vocabulary.ts';
import {
  classify,
  decision,
  findingRow,
  findingSummary,
  penalty,
  sanctionDetail,
  spreadsheetError,
  statusOf,
  summaryOf,
  type Distinct,
  type Entry,
  type FindingRow,
} from './rows.ts';
import { PHILADELPHIA_DATASET, placeholderComplaint, ppdUnit, preparePhiladelphia } from './shared.ts';

const DECIDED_BY = 'Philadelphia Police Department Internal Affairs Bureau';
type State = Distinct & { forceId: string };
type Ctx = ImportContext<State>;

/** Officers known only by the city's id: no name, no badge; their unit at the time as a posting. */
async function writePpdOfficers(trx: Db, ctx: Ctx, rows: FindingRow[]) {
  const named = rows.filter((r) => r.officer_id !== null);
  const units = named.map((r) =>
    r.po_assigned_unit?.code ? ppdUnit(r.po_assigned_unit.code, r.po_assigned_unit.name) : null,
  );
  await ensureUnits(
    trx,
    ctx,
    ctx.state.forceId,
    units.filter((u) => u !== null),
  );
  await writeOfficers(
    trx,
    ctx,
    ctx.state.forceId,
    named.map((r, i) => ({
      externalId: r.officer_id!,
      slug: `ppd-officer-${r.officer_id}`,
      name: null,
      roleType: 'police_officer',
      identifiers: [],
      ranks: [],
      postings: units[i] ? [{ key: `unit#${units[i].code}`, unitId: unitId(ctx, units[i].code) }] : [],
    })),
    { update: false },
  );
}

async function writeAllegations(trx: Db, ctx: Ctx, fresh: Entry[]) {
  const cids = [...new Set(fresh.map((e) => e.row.complaint_id))];
  const complaints = await placeholderIncidents(
    trx,
    ctx,
    cids.map((c) => placeholderComplaint(ctx, ctx.state.forceId, c)),
  );
  const current = await followMerges(
    trx,
    'officers',
    fresh.map((e) => (e.row.officer_id ? idFor(ctx, 'officer', e.row.officer_id) : null)),
  );
  const officerOf = (r: FindingRow) => current(r.officer_id ? idFor(ctx, 'officer', r.officer_id) : null);
  await upsertAllegations(
    trx,
    ctx,
    fresh.map(({ key, row: r }) => {
      const iopc = spreadsheetError(r) ? null : iopcFor(r.allegations_investigated);
      return {
        id: idFor(ctx, 'allegation', key),
        incident_id: idFor(ctx, 'incident', r.complaint_id),
        officer_id: officerOf(r),
        unidentified_officer: officerOf(r) ? null : UNIDENTIFIED_OFFICER,
        summary: summaryOf(r),
        iopc_taxonomy: iopc ? IOPC_CATEGORIES : null,
        iopc_code: iopc,
        status_code: statusOf(r),
        reported_on: complaints.get(r.complaint_id)?.date_received ?? null,
      };
    }),
  );
  await linkOfficersToIncidents(
    trx,
    fresh.map((e) => [idFor(ctx, 'incident', e.row.complaint_id), officerOf(e.row)]),
  );
}

/** Findings (no date published) and, where discipline was decided, a sanction. */
async function writeOutcomes(trx: Db, ctx: Ctx, fresh: Entry[]) {
  const id = (kind: 'finding' | 'sanction', e: Entry) => idFor(ctx, kind, e.key);
  const decided = fresh.filter((e) => decision(e.row));
  await upsertFindings(
    trx,
    ctx,
    decided.map((e) => ({
      id: id('finding', e),
      allegation_id: idFor(ctx, 'allegation', e.key),
      track: 'conduct',
      forum: 'other',
      deciding_body: DECIDED_BY,
      outcome_taxonomy: US_FINDINGS,
      outcome_code: decision(e.row)!,
      decided_on: null,
      summary: findingSummary(e.row),
    })),
  );
  const penalised = decided.filter((e) => penalty(e.row));
  await upsertSanctions(
    trx,
    ctx,
    penalised.map((e) => ({
      id: id('sanction', e),
      finding_id: id('finding', e),
      sanction_taxonomy: US_SANCTIONS,
      sanction_code: penalty(e.row)!,
      imposed_on: null,
      detail: sanctionDetail(e.row),
    })),
  );
  // A newer file may no longer have a decision or a penalty that an earlier one had.
  const without = (kind: 'finding' | 'sanction', keep: Entry[]) => {
    const kept = new Set(keep);
    return fresh.filter((e) => !kept.has(e)).map((e) => id(kind, e));
  };
  await removeOutcomes(trx, {
    sanctions: without('sanction', penalised),
    findings: without('finding', decided),
  });
}

async function write(trx: Db, batch: { row: number; value: FindingRow }[], ctx: Ctx) {
  const { fresh, touched } = classify(
    batch.map((b) => b.value),
    ctx.state,
  );
  await writePpdOfficers(
    trx,
    ctx,
    fresh.map((e) => e.row),
  );
  await writeAllegations(trx, ctx, fresh);
  await writeOutcomes(trx, ctx, fresh);
  await linkDerived(
    trx,
    ctx,
    'allegation',
    [...touched].map(({ key, count, row: r }) => ({
      externalId: key,
      attributes: {
        allegations_investigated: r.allegations_investigated,
        investigative_findings: r.investigative_findings,
        disciplinary_findings: r.disciplinary_findings,
        po_assigned_unit: r.po_assigned_unit?.raw ?? null,
        rows_in_file: count,
      },
    })),
  );
}

export const philadelphiaFindings: ImportFormat<FindingRow, State> = {
  id: 'philadelphia-findings',
  title: 'Philadelphia police complaint findings (CAP findings)',
  columns: [
    'complaint_id',
    'officer_id',
    'po_assigned_unit',
    'allegations_investigated',
    'investigative_findings',
    'disciplinary_findings',
  ],
  dataset: () => PHILADELPHIA_DATASET,
  prepare: async (trx) => ({ ...(await preparePhiladelphia(trx)), seen: new Map(), triples: new Map() }),
  row: findingRow,
  write,
};

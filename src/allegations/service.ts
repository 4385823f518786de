import type { Actor } from '../audit/history.ts';
import { linkRecord, saveRecord, unlinkRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import {
  allegationInput,
  findingInput,
  sanctionInput,
  type AllegationInput,
  type FindingInput,
  type SanctionInput,
} from './schema.ts';

/** Creates or updates an allegation and makes its Standards exactly the given list. */
export async function saveAllegation(trx: Db, actor: Actor, input: AllegationInput, id?: string) {
  const a = parseInput(allegationInput, input);
  const row = await saveRecord(trx, actor, 'allegations', id, {
    incident_id: a.incidentId,
    officer_id: a.officerId ?? null,
    unidentified_officer: a.unidentifiedOfficer ?? null,
    summary: a.summary,
    iopc_taxonomy: a.iopcCategory ? a.iopcTaxonomy : null,
    iopc_code: a.iopcCategory ?? null,
    status_taxonomy: a.statusTaxonomy,
    status_code: a.status,
    conduct_from: a.conductFrom ?? null,
    conduct_to: a.conductTo ?? null,
    reported_on: a.reportedOn ?? null,
  });
  await syncStandards(trx, actor, row.id, a.standardsTaxonomy, a.standards);
  return row;
}

async function syncStandards(
  trx: Db,
  actor: Actor,
  allegationId: string,
  taxonomy: string,
  wanted: string[],
) {
  const current = await trx
    .selectFrom('allegation_standards')
    .select(['standard_taxonomy', 'standard_code'])
    .where('allegation_id', '=', allegationId)
    .execute();
  for (const c of current) {
    if (c.standard_taxonomy !== taxonomy || !wanted.includes(c.standard_code)) {
      await unlinkRecord(trx, actor, 'allegation_standards', {
        allegation_id: allegationId,
        standard_taxonomy: c.standard_taxonomy,
        standard_code: c.standard_code,
      });
    }
  }
  for (const code of new Set(wanted)) {
    await linkRecord(trx, actor, 'allegation_standards', {
      allegation_id: allegationId,
      standard_taxonomy: taxonomy,
      standard_code: code,
    });
  }
}

/** Records a finding on an allegation. An appeal outcome supersedes an earlier finding on the same allegation. */
export async function saveFinding(trx: Db, actor: Actor, input: FindingInput, id?: string) {
  const f = parseInput(findingInput, input);
  if (f.supersedesFindingId) {
    const earlier = await trx
      .selectFrom('findings')
      .select('allegation_id')
      .where('id', '=', f.supersedesFindingId)
      .executeTakeFirst();
    if (!earlier || earlier.allegation_id !== f.allegationId) {
      throw new AppError(
        'CUS_VALIDATION',
        'A finding can only supersede an earlier finding on the same allegation',
        [{ field: 'supersedesFindingId', message: 'must be a finding on the same allegation' }],
      );
    }
  }
  return saveRecord(trx, actor, 'findings', id, {
    allegation_id: f.allegationId,
    track: f.track,
    forum: f.forum,
    deciding_body: f.decidingBody,
    outcome_taxonomy: f.outcomeTaxonomy,
    outcome_code: f.outcome,
    decided_on: f.decidedOn,
    chair_type: f.chairType ?? null,
    legal_test_version: f.legalTestVersion ?? null,
    supersedes_finding_id: f.supersedesFindingId ?? null,
    summary: f.summary ?? null,
  });
}

/** Records a sanction or sentence that followed a finding. */
export async function saveSanction(trx: Db, actor: Actor, input: SanctionInput, id?: string) {
  const s = parseInput(sanctionInput, input);
  return saveRecord(trx, actor, 'sanctions', id, {
    finding_id: s.findingId,
    sanction_taxonomy: s.sanctionTaxonomy,
    sanction_code: s.sanction,
    imposed_on: s.imposedOn,
    detail: s.detail ?? null,
    custodial_term_days: s.custodialTermDays ?? null,
    minimum_term_days: s.minimumTermDays ?? null,
  });
}

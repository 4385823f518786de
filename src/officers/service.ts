import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../schema/common.ts';
import type { Officer, OfficerIdentifier } from './repository.ts';
import {
  officerIdentifierInput,
  officerInput,
  officerPostingInput,
  officerRankInput,
  type OfficerIdentifierInput,
  type OfficerInput,
  type OfficerPostingInput,
  type OfficerRankInput,
} from './schema.ts';

/** Creates or updates an officer's professional identity. */
export async function saveOfficer(trx: Db, actor: Actor, input: OfficerInput, id?: string): Promise<Officer> {
  const o = parseInput(officerInput, input);
  return saveRecord(trx, actor, 'officers', id, {
    force_id: o.forceId,
    slug: o.slug,
    published_name: o.publishedName ?? null,
    role_type: o.roleType,
    service_status: o.serviceStatus,
  });
}

/** Records a rank held (with dates where known). */
export async function saveOfficerRank(trx: Db, actor: Actor, input: OfficerRankInput, id?: string) {
  const r = parseInput(officerRankInput, input);
  return saveRecord(trx, actor, 'officer_ranks', id, {
    officer_id: r.officerId,
    rank_taxonomy: r.rankTaxonomy,
    rank_code: r.rankCode,
    detective: r.detective,
    valid_from: r.validFrom ?? null,
    valid_to: r.validTo ?? null,
  });
}

/** Records a posting to a unit. */
export async function saveOfficerPosting(trx: Db, actor: Actor, input: OfficerPostingInput, id?: string) {
  const p = parseInput(officerPostingInput, input);
  return saveRecord(trx, actor, 'officer_postings', id, {
    officer_id: p.officerId,
    unit_id: p.unitId,
    valid_from: p.validFrom ?? null,
    valid_to: p.validTo ?? null,
  });
}

/**
 * Records a shoulder/warrant number or cipher. The database refuses a number that another
 * officer of the same force held over an overlapping period (CUS_IDENTIFIER_OVERLAP).
 */
export async function saveOfficerIdentifier(
  trx: Db,
  actor: Actor,
  input: OfficerIdentifierInput,
  id?: string,
): Promise<OfficerIdentifier> {
  const i = parseInput(officerIdentifierInput, input);
  return saveRecord(trx, actor, 'officer_identifiers', id, {
    officer_id: i.officerId,
    force_id: i.forceId,
    identifier_type: i.identifierType,
    identifier: i.identifier,
    valid_from: i.validFrom ?? null,
    valid_to: i.validTo ?? null,
  });
}

import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../schema/common.ts';
import { statementInput, type StatementInput } from './schema.ts';

/** Creates or updates an official's statement. */
export async function saveStatement(trx: Db, actor: Actor, input: StatementInput, id?: string) {
  const s = parseInput(statementInput, input);
  return saveRecord(trx, actor, 'statements', id, {
    slug: s.slug,
    speaker_name: s.speakerName,
    speaker_role: s.speakerRole,
    speaker_officer_id: s.speakerOfficerId ?? null,
    force_id: s.forceId ?? null,
    incident_id: s.incidentId ?? null,
    said_on: s.saidOn,
    summary: s.summary,
    quote: s.quote ?? null,
    source_id: s.sourceId,
    is_promise: s.isPromise,
    promise_type: s.promiseType ?? null,
  });
}

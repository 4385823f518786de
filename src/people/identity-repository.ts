/**
 * The ONLY module allowed to touch person_identities (real names of complainants, victims and
 * witnesses). Public pages, exports and the API never import it; a test scans the source tree
 * to keep it that way. Every read is itself written to the audit log (rule R9: logged access).
 */
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../audit/history.ts';
import { recordChange } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../schema/common.ts';
import { personIdentityInput, type PersonIdentityInput } from './schema.ts';

/** Stores or replaces a person's real identity. The audit diff records that it changed, not the values. */
export async function setPersonIdentity(trx: Db, actor: Actor, input: PersonIdentityInput): Promise<void> {
  const i = parseInput(personIdentityInput, input);
  const values = { real_name: i.realName ?? null, contact_note: i.contactNote ?? null, recorded_by: actor };
  const before = await trx
    .selectFrom('person_identities')
    .select('person_id')
    .where('person_id', '=', i.personId)
    .executeTakeFirst();
  await trx
    .insertInto('person_identities')
    .values({ person_id: i.personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...values, recorded_at: new Date() }))
    .execute();
  // Never copy the identity itself into the audit log or history, which more people can read.
  await recordChange(trx, actor, {
    action: before ? 'identity.update' : 'identity.create',
    entityType: 'person_identities',
    entityId: i.personId,
    before: before ? { identity: 'redacted', version: 'previous' } : null,
    after: { identity: 'redacted', recorded_by: actor, at: new Date().toISOString() },
  });
}

/** Reads a real identity and logs who read it. */
export async function readPersonIdentity(trx: Db, actor: Actor, personId: string, reason: string) {
  const row = await trx
    .selectFrom('person_identities')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  await appendAudit(trx, {
    actor,
    action: 'identity.read',
    entityType: 'person_identities',
    entityId: personId,
    diff: { reason, found: row !== undefined },
  });
  return row;
}

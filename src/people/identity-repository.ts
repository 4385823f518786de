/**
 * The ONLY module allowed to touch person_identities (real names of complainants, victims and
 * witnesses). Public pages, exports and the API never import it; a test scans the source tree
 * to keep it that way. Identities are stored only sealed with the operator's key (the database
 * alone, or a backup of it, does not reveal them), and every read is itself written to the audit
 * log (rule R9: logged access).
 */
import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../audit/history.ts';
import { recordChange } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { parseInput } from '../schema/common.ts';
import type { Vault } from '../uploads/vault.ts';
import { personIdentityInput, type PersonIdentityInput } from './schema.ts';

/** Stores or replaces a person's real identity. The audit diff records that it changed, not the values. */
export async function setPersonIdentity(
  trx: Db,
  vault: Vault,
  actor: Actor,
  input: PersonIdentityInput,
): Promise<void> {
  const i = parseInput(personIdentityInput, input);
  const identity: SealedIdentity = { realName: i.realName ?? null, contactNote: i.contactNote ?? null };
  const values = {
    real_name: null,
    contact_note: null,
    sealed: Buffer.from(vault.sealValue(identity)),
    key_id: vault.keyId,
    recorded_by: actor,
  };
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

/** What is sealed for one person. */
interface SealedIdentity {
  realName: string | null;
  contactNote: string | null;
}

/** Reads (unseals) a real identity and logs who read it and why. */
export async function readPersonIdentity(
  trx: Db,
  vault: Vault,
  actor: Actor,
  personId: string,
  reason: string,
) {
  const row = await trx
    .selectFrom('person_identities')
    .select(['real_name', 'contact_note', 'sealed', 'recorded_by', 'recorded_at'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  await appendAudit(trx, {
    actor,
    action: 'identity.read',
    entityType: 'person_identities',
    entityId: personId,
    diff: { reason, found: row !== undefined },
  });
  if (!row) return undefined;
  // Rows from before sealing keep their plain columns until next saved.
  const identity = row.sealed
    ? vault.openValue<SealedIdentity>(row.sealed)
    : { realName: row.real_name, contactNote: row.contact_note };
  return { ...identity, recordedBy: row.recorded_by, recordedAt: row.recorded_at };
}

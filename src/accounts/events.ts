import { appendAudit } from '../audit/chain.ts';
import type { Actor } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import type { JsonValue } from '../db/schema.generated.ts';

/**
 * Security events that are not edits of a record (signing in, a lock starting, a second factor
 * set up or reset, sessions ended): they go into the same hash-chained audit log, so the admin
 * audit viewer and `custodiet verify` see them, but make no record version.
 */
export type AccountEvent =
  | 'account.sign_in'
  | 'account.sign_out_everywhere'
  | 'account.locked'
  | 'account.second_factor_failed'
  | 'account.totp_enabled'
  | 'account.totp_reset'
  | 'account.recovery_code_used'
  | 'account.recovery_codes_replaced'
  | 'account.password_changed'
  | 'account.unlocked'
  | 'account.invitation_created'
  | 'account.invitation_revoked';

/** Appends one account event for a user. Details must never hold secrets. */
export async function accountEvent(
  db: Db,
  actor: Actor,
  action: AccountEvent,
  userId: string,
  details: Record<string, JsonValue> = {},
): Promise<void> {
  const entry = { actor, action, entityType: 'users', entityId: userId, diff: details };
  // appendAudit takes the chain's transaction lock, so it must run inside a transaction.
  if (db.isTransaction) await appendAudit(db, entry);
  else await db.transaction().execute((trx) => appendAudit(trx, entry));
}

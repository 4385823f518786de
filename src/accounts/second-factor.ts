import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { accountEvent } from './events.ts';
import { checkTotp, consumeRecoveryCode, newTotpSecret, replaceRecoveryCodes } from './totp.ts';

/**
 * The second factor's life: a secret is proposed (kept unconfirmed until a code from it is
 * given), then enabled with a fresh set of recovery codes; each sign-in then needs a code.
 */

async function totpState(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The unconfirmed secret being set up (made now if there is none). Null once enabled. */
export async function pendingSecret(db: Db, userId: string): Promise<string | null> {
  const state = await totpState(db, userId);
  if (!state || state.totp_enabled_at) return null;
  if (state.totp_secret) return state.totp_secret;
  const secret = newTotpSecret();
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
  return secret;
}

/**
 * Confirms the pending secret with a code from the app: enables the second factor, and returns
 * the new recovery codes (shown once), or null when the code is wrong.
 */
export async function enableTotp(db: Db, userId: string, code: string): Promise<string[] | null> {
  const state = await totpState(db, userId);
  if (!state?.totp_secret || state.totp_enabled_at) return null;
  const step = await checkTotp(state.totp_secret, code, null);
  if (step === null) return null;
  return inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_last_step: String(step) })
      .where('id', '=', userId)
      .execute();
    await accountEvent(trx, `user:${userId}`, 'account.totp_enabled', userId);
    return replaceRecoveryCodes(trx, userId);
  });
}

/**
 * Checks a second-factor code at sign-in: a TOTP code newer than the last one accepted, or an
 * unused recovery code (then used up). Says which, or null.
 */
export async function verifySecondFactor(
  db: Db,
  userId: string,
  code: string,
): Promise<'totp' | 'recovery_code' | null> {
  const state = await totpState(db, userId);
  if (!state?.totp_secret || !state.totp_enabled_at) return null;
  const last = state.totp_last_step === null ? null : Number(state.totp_last_step);
  const step = await checkTotp(state.totp_secret, code, last);
  if (step !== null) {
    // Conditional on the step still being older, so two requests racing with one code cannot
    // both succeed.
    const res = await db
      .updateTable('users')
      .set({ totp_last_step: String(step) })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1 ? 'totp' : null;
  }
  if (/^\d{6}$/.test(code.trim())) return null;
  return (await consumeRecoveryCode(db, userId, code)) ? 'recovery_code' : null;
}

/** Removes a user's second factor and recovery codes (an admin's reset for a lost phone). */
export async function resetTotp(trx: Db, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

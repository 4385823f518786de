import type { Actor } from '../audit/history.ts';
import { recordChange } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { accountEvent } from './events.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { ROLES, type Role } from './policy.ts';
import { deleteUserSessions, publicUser, type UserRow } from './repository.ts';
import { newPassword } from './schema.ts';
import { resetTotp } from './second-factor.ts';
import { clearFailures } from './throttle.ts';

/**
 * What an administrator does to accounts. Every change is audited with secrets left out, and
 * every change of what an account may do ends its sessions, so the new rights (or none) apply
 * from the next request, not from the next sign-in.
 */

async function lockUser(trx: Db, id: string): Promise<UserRow> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'There is no such account.');
  return row;
}

/** Refuses a change that would leave no active administrator (nobody could manage accounts). */
async function keepAnAdmin(trx: Db, changing: UserRow): Promise<void> {
  if (changing.role !== 'admin' || changing.disabled_at !== null) return;
  const others = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', changing.id)
    .executeTakeFirst();
  if (!others)
    throw new AppError('CUS_CONFLICT', 'This is the last active administrator; appoint another first.');
}

async function update(trx: Db, actor: Actor, before: UserRow, patch: Partial<UserRow>, action: string) {
  const after = await trx
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action,
    entityType: 'users',
    entityId: before.id,
    before: publicUser(before),
    after: publicUser(after),
  });
  await deleteUserSessions(trx, before.id);
}

/** Gives an account another role; its sessions end (privilege change). */
export async function changeRole(trx: Db, actor: Actor, id: string, role: string): Promise<void> {
  if (!(ROLES as readonly string[]).includes(role)) throw new AppError('CUS_BAD_REQUEST', 'Unknown role.');
  const before = await lockUser(trx, id);
  if (before.role === role) return;
  if (role !== 'admin') await keepAnAdmin(trx, before);
  await update(trx, actor, before, { role: role as Role }, 'user.role_change');
}

/** Disables or re-enables an account; a disabled account's sessions end at once. */
export async function setDisabled(trx: Db, actor: Actor, id: string, disabled: boolean): Promise<void> {
  const before = await lockUser(trx, id);
  if ((before.disabled_at !== null) === disabled) return;
  if (disabled) await keepAnAdmin(trx, before);
  await update(
    trx,
    actor,
    before,
    { disabled_at: disabled ? new Date() : null },
    disabled ? 'user.disable' : 'user.enable',
  );
}

/** Lifts a sign-in lock on an account's address. */
export async function unlockUser(trx: Db, actor: Actor, id: string): Promise<void> {
  const user = await lockUser(trx, id);
  await clearFailures(trx, user.email);
  await accountEvent(trx, actor, 'account.unlocked', id);
}

/** Removes an account's second factor (lost phone); it must set one up again at next sign-in. */
export async function resetSecondFactor(trx: Db, actor: Actor, id: string): Promise<void> {
  await lockUser(trx, id);
  await resetTotp(trx, id);
  await deleteUserSessions(trx, id);
  await accountEvent(trx, actor, 'account.totp_reset', id);
}

/** Changes one's own password after checking the current one; other sessions end. */
export async function changePassword(
  trx: Db,
  userId: string,
  keepSession: string,
  current: string,
  next: string,
): Promise<void> {
  const row = await lockUser(trx, userId);
  if (!(await verifyPassword(current.slice(0, 1024), row.password_hash)))
    throw new AppError('CUS_VALIDATION', undefined, [
      { field: 'current', message: 'is not your current password' },
    ]);
  const parsed = newPassword.safeParse(next);
  if (!parsed.success)
    throw new AppError('CUS_VALIDATION', undefined, [
      { field: 'password', message: parsed.error.issues[0]!.message },
    ]);
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(parsed.data), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  await deleteUserSessions(trx, userId, keepSession);
  await accountEvent(trx, `user:${userId}`, 'account.password_changed', userId);
}

import type { Actor } from '../audit/history.ts';
import { recordChange } from '../audit/history.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { burnVerification, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { findUserForLogin, publicUser, type User } from './repository.ts';
import { loginInput, userInput, type UserInput } from './schema.ts';

/**
 * Creates an account. The creation is audited like any other write, but the password hash
 * never enters the audit log or the history, which more people can read.
 */
export async function createUser(trx: Db, actor: Actor, input: UserInput): Promise<User> {
  const u = parseInput(userInput, input);
  const taken = await trx.selectFrom('users').select('id').where('email', '=', u.email).executeTakeFirst();
  if (taken) {
    throw new AppError('CUS_CONFLICT', 'An account with this email address already exists', [
      { field: 'email', message: 'is already in use' },
    ]);
  }
  const row = await trx
    .insertInto('users')
    .values({
      email: u.email,
      display_name: u.displayName,
      role: u.role,
      password_hash: await hashPassword(u.password),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const user = publicUser(row);
  await recordChange(trx, actor, {
    action: 'user.create',
    entityType: 'users',
    entityId: user.id,
    before: null,
    after: { ...user, password_hash: 'redacted' },
  });
  return user;
}

/**
 * The account for these credentials, or null. Unknown address, wrong password and disabled
 * account look the same to the caller and take the same time (no user enumeration).
 */
export async function authenticate(db: Db, email: unknown, password: unknown): Promise<User | null> {
  const parsed = loginInput.safeParse({ email, password });
  if (!parsed.success) return null;
  const row = await findUserForLogin(db, parsed.data.email);
  if (!row) {
    await burnVerification(parsed.data.password);
    return null;
  }
  const ok = await verifyPassword(parsed.data.password, row.password_hash);
  if (!ok || row.disabled_at !== null) return null;
  if (needsRehash(row.password_hash)) {
    // Upgrade old parameters while the plain password is at hand. Not audited: nothing a reader
    // of the history could use changed, and the hash must stay out of the log.
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(parsed.data.password) })
      .where('id', '=', row.id)
      .execute();
  }
  return publicUser(row);
}

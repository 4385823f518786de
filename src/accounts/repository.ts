import type { Selectable } from 'kysely';
import type { Db } from '../db/client.ts';
import type { Sessions, Users } from '../db/schema.generated.ts';

export type UserRow = Selectable<Users>;
export type SessionRow = Selectable<Sessions>;

/** A user as the rest of the app sees them: never with the password hash or the TOTP secret. */
export type User = Omit<UserRow, 'password_hash' | 'totp_secret' | 'totp_last_step'>;

/** Drops the secrets from a full row. */
export function publicUser(row: UserRow): User {
  const { password_hash: _h, totp_secret: _s, totp_last_step: _l, ...user } = row;
  return user;
}

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'disabled_at',
  'totp_enabled_at',
  'created_at',
  'updated_at',
] as const;

/** The full row, hash included, for sign-in only. */
export function findUserForLogin(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A user by id. */
export function getUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Display names for audit actors of the form `user:<id>` (history pages). */
export async function displayNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

const ACTOR_ID = /^(user|token):([0-9a-f-]{36})$/;

/**
 * Names for audit actors: a user's display name for `user:<id>`, and for `token:<id>` (a change
 * made through the API) the token's name and its owner's, so every token use is attributable.
 */
export async function actorNames(db: Db, actors: string[]): Promise<Map<string, string>> {
  const ids = { user: new Set<string>(), token: new Set<string>() };
  for (const a of actors) {
    const m = ACTOR_ID.exec(a);
    if (m) ids[m[1] as 'user' | 'token'].add(m[2]!);
  }
  const tokens =
    ids.token.size === 0
      ? []
      : await db
          .selectFrom('api_tokens as t')
          .innerJoin('users as u', 'u.id', 't.user_id')
          .select(['t.id', 't.name', 'u.display_name'])
          .where('t.id', 'in', [...ids.token])
          .execute();
  const users = await displayNames(db, [...ids.user]);
  const out = new Map<string, string>();
  for (const [id, name] of users) out.set(`user:${id}`, name);
  for (const t of tokens) out.set(`token:${t.id}`, `${t.display_name} (API token “${t.name}”)`);
  return out;
}

/** Stores a new session (only the token's hash). */
export async function insertSession(
  db: Db,
  row: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Date;
    expires_at: Date;
    stage: 'password' | 'full';
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...row, created_at: row.created_at, last_seen_at: row.created_at })
    .execute();
}

/** A session and its user, by token hash. */
export async function findSession(db: Db, tokenHash: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.stage',
      's.second_factor_failures',
      'u.id as user_id',
      'u.totp_enabled_at',
      'u.email',
      'u.display_name',
      'u.role',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row;
}

/** Slides a session's idle window forward. */
export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of a user (sign out everywhere, role change, disable), or all but one. */
export async function deleteUserSessions(db: Db, userId: string, keepTokenHash?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Counts a wrong second-factor code on a session; returns the new count. */
export async function countSecondFactorFailure(db: Db, tokenHash: string): Promise<number> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ second_factor_failures: eb('second_factor_failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .returning('second_factor_failures')
    .executeTakeFirst();
  return row?.second_factor_failures ?? Number.MAX_SAFE_INTEGER;
}

/** Deletes sessions past their absolute expiry or idle for longer than the idle limit. */
export async function deleteStaleSessions(db: Db, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', new Date(now.getTime() - idleMs))]),
    )
    .execute();
}

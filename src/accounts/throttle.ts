import crypto from 'node:crypto';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';

/**
 * Sign-in throttling per email address. Counted whether or not an account exists (so the
 * answer never tells which addresses have accounts) and keyed by a hash of the address, so the
 * table is not a list of addresses people tried. No IP address is used or kept: the site logs
 * none, and a per-address limit is what stops password guessing against one account.
 */

/** Failures allowed before the first lock. */
export const FREE_FAILURES = 5;
/** The first lock lasts this long; each further failure doubles it… */
export const BASE_LOCK_MS = 60_000;
/** …up to this. */
export const MAX_LOCK_MS = 24 * 60 * 60 * 1000;
/** Failures are forgotten after this long without another one. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** SHA-256 hex of the normalised address (domain-separated from other hashes). */
export function emailHash(email: string): string {
  return crypto.createHash('sha256').update(`custodiet-login:${email.trim().toLowerCase()}`).digest('hex');
}

/** How long the lock after this many consecutive failures lasts (0 while under the free allowance). */
export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

/** When the address may try again, or null when it may try now. */
export async function lockedUntil(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('email_hash', '=', emailHash(email))
    .executeTakeFirst();
  return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/**
 * Counts a failed attempt and returns the new lock's end when this failure starts one. The count
 * is incremented in one statement, so concurrent guesses are all counted; failures older than a
 * day without another start the count again.
 */
export async function recordFailure(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const hash = emailHash(email);
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const { failures } = await db
    .insertInto('login_throttle')
    .values({ email_hash: hash, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('email_hash').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttle.last_failure_at < ${forgetBefore} THEN 1 ELSE login_throttle.failures + 1 END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const ms = lockDuration(failures);
  if (ms === 0) return null;
  const until = new Date(now.getTime() + ms);
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('email_hash', '=', hash)
    .execute();
  return until;
}

/** Forgets the failures of an address (after a successful sign-in, or an admin's unlock). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('email_hash', '=', emailHash(email)).execute();
}

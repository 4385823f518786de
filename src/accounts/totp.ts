import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import type { Db } from '../db/client.ts';

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, the settings every
 * authenticator app understands) through otplib, plus single-use recovery codes.
 */

/** Codes from the step before or after the current one are accepted (clock drift). */
const TOLERANCE_SECONDS = 30;
/** The RFC 6238 default period, which otplib uses. */
const PERIOD_SECONDS = 30;
/** How many recovery codes an account gets. */
export const RECOVERY_CODE_COUNT = 10;

/** Roles that must use a second factor: they can approve, moderate and manage accounts. */
export function requiresSecondFactor(role: string): boolean {
  return role === 'admin' || role === 'moderator';
}

/** A new random Base32 secret (160 bits). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: 'Custodiet', label: email, secret });
}

/** The QR code of the URI as an SVG document (rendered on the server; no script, no request). */
export function totpQrSvg(uri: string): string {
  return renderSVG(uri, { border: 2 });
}

/**
 * The time step a code is valid for, or null. A step at or before `lastStep` is refused, so a
 * code seen by someone else (over a shoulder, in a phishing proxy) cannot be used a second time.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid) return null;
  const step = Math.floor(epoch / PERIOD_SECONDS) + result.delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** SHA-256 hex of a recovery code, normalised (case, spaces and dashes do not matter). */
export function hashRecoveryCode(code: string): string {
  const normal = code.toLowerCase().replace(/[\s-]+/g, '');
  return crypto.createHash('sha256').update(`custodiet-recovery:${normal}`).digest('hex');
}

/** Ten random recovery codes like `k7fq-2m9x-pt4c` (60 bits each); only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Replaces a user's recovery codes with new ones and returns the plain codes (shown once). */
export async function replaceRecoveryCodes(trx: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })))
    .execute();
  return codes;
}

/** Uses up a recovery code: true when it was valid and unused (it can never be used again). */
export async function consumeRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  if (code.length > 64) return false;
  const used = await db
    .updateTable('recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}

/** Recovery codes not yet used. */
export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import crypto from 'node:crypto';

/**
 * Password hashing with Node's built-in scrypt. The stored string names its algorithm and
 * parameters (`$scrypt$v=1$N=32768,r=8,p=1$salt$hash`), so the cost can be raised later
 * without invalidating existing hashes: old ones still verify and `needsRehash` says so.
 */
interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Today's parameters: N = 2^15 (about 32 MiB of memory per hash), r = 8, p = 1. */
export const CURRENT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
const FORMAT = /^\$scrypt\$v=1\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{40,})$/;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; allow twice that so a raised N does not trip the default cap.
    const maxmem = 256 * params.N * params.r;
    crypto.scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt and the current parameters. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT_PARAMS, KEY_LENGTH);
  const { N, r, p } = CURRENT_PARAMS;
  return `$scrypt$v=1$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = FORMAT.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Refuse absurd parameters from a tampered row rather than burn memory on them.
  if (!(N >= 2 ** 14 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16))
    return null;
  return { params: { N, r, p }, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

/** True when the password matches the stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return crypto.timingSafeEqual(key, parsed.key);
}

/** True when a hash was made with other parameters than today's and should be replaced at next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N !== CURRENT_PARAMS.N || r !== CURRENT_PARAMS.r || p !== CURRENT_PARAMS.p;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when there is no such user, so response times
 * do not reveal which email addresses have accounts.
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
}

/** A strong random password (about 120 bits), for accounts created without one. */
export function generatePassword(): string {
  return crypto
    .randomBytes(15)
    .toString('base64url')
    .replace(/(.{5})(?=.)/g, '$1-');
}

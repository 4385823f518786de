import crypto from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import sodium from 'libsodium-wrappers';
import { AppError } from '../errors/catalogue.ts';
import { publicKeyId } from './receipt.ts';

/**
 * The cryptography of anonymous submissions, in one place:
 * - codenames: seven words from the EFF long list (≈ 90 bits), hashed slowly (scrypt) with a
 *   per-installation salt; the same slow derivation yields the submitter's own X25519 key pair;
 * - sealing: libsodium sealed boxes (X25519 + XSalsa20-Poly1305) to the moderation public key and
 *   to the submitter's key; only holders of a private key can open them;
 * - the moderation private key, wrapped under a passphrase (scrypt), and session wrapping (a key
 *   derived from a cookie token) so that an unlocked key never rests anywhere readable alone.
 * scrypt is node's own: the libsodium build we use has no Argon2, and scrypt is what SecureDrop
 * uses for the same job.
 */

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** Words in a codename. */
export const CODENAME_WORDS = 7;

const WORDS: readonly string[] = (() => {
  const text = fs.readFileSync(new URL('./wordlist/eff_large_wordlist.txt', import.meta.url), 'utf8');
  const words = text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[1] ?? '');
  // A damaged list would quietly weaken every codename: refuse to start instead.
  if (words.length !== 7776 || new Set(words).size !== 7776 || !words.every((w) => /^[a-z-]+$/.test(w)))
    throw new Error('The codename word list is damaged (expected 7,776 distinct words).');
  return words;
})();
const WORD_SET = new Set(WORDS);

/** A fresh codename: seven words drawn uniformly with the system's CSPRNG. */
export function newCodename(): string {
  return Array.from({ length: CODENAME_WORDS }, () => WORDS[crypto.randomInt(WORDS.length)]).join(' ');
}

/**
 * The codename as typed, normalised (case, extra spaces), or null when it cannot be one (wrong
 * number of words, a word not on the list). The list is public, so saying "not a codename" early
 * tells an attacker nothing and spares the slow hash.
 */
export function normaliseCodename(typed: string): string | null {
  const words = typed.trim().toLowerCase().split(/\s+/);
  if (words.length !== CODENAME_WORDS || !words.every((w) => WORD_SET.has(w))) return null;
  return words.join(' ');
}

// About 0.15 s and 32 MiB on a small server per derivation: cheap once per sign-in, ruinous
// for anyone trying many codenames against a stolen database.
const CODENAME_SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** What a codename opens: the stored lookup hash, and the submitter's key pair. */
export interface CodenameKeys {
  hash: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** Derives the lookup hash and key pair from a normalised codename (slow on purpose). */
export async function codenameKeys(codename: string, salt: Uint8Array): Promise<CodenameKeys> {
  await sodium.ready;
  const out = await scrypt(codename, salt, 64, CODENAME_SCRYPT);
  // Two independent halves of the scrypt output: the first is stored, the second never is.
  const pair = sodium.crypto_box_seed_keypair(out.subarray(32, 64));
  return { hash: out.subarray(0, 32).toString('hex'), publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** A new random salt for codename hashes (one per installation). */
export function newSalt(): Buffer {
  return crypto.randomBytes(16);
}

/** Seals bytes to a public key; only the matching private key opens them. */
export async function sealTo(publicKey: Uint8Array, bytes: Uint8Array): Promise<Buffer> {
  await sodium.ready;
  return Buffer.from(sodium.crypto_box_seal(bytes, publicKey));
}

/** Opens a sealed box; throws CUS_FORBIDDEN when the key does not fit or the box was altered. */
export function openSealed(publicKey: Uint8Array, secretKey: Uint8Array, box: Uint8Array): Buffer {
  try {
    return Buffer.from(sodium.crypto_box_seal_open(box, publicKey, secretKey));
  } catch {
    throw new AppError('CUS_FORBIDDEN', 'This sealed item cannot be opened with the key you hold.');
  }
}

/**
 * Seals a JSON value, padded to a multiple of 1 KiB so the ciphertext's length says little about
 * how much someone wrote (trailing spaces are valid JSON whitespace).
 */
export async function sealJson(publicKey: Uint8Array, value: unknown): Promise<Buffer> {
  const json = JSON.stringify(value);
  const size = Buffer.byteLength(json);
  return sealTo(publicKey, Buffer.from(json + ' '.repeat(Math.ceil((size + 1) / 1024) * 1024 - size)));
}

/** Opens a value sealed by `sealJson`. */
export function openJson<T>(publicKey: Uint8Array, secretKey: Uint8Array, box: Uint8Array): T {
  return JSON.parse(openSealed(publicKey, secretKey, box).toString('utf8')) as T;
}

/** secretbox under a 32-byte key, nonce first. */
export function wrap(key: Uint8Array, bytes: Uint8Array): Buffer {
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  return Buffer.concat([nonce, sodium.crypto_secretbox_easy(bytes, nonce, key)]);
}

/** Opens `wrap`; null when the key is wrong or the bytes were altered. */
export function unwrap(key: Uint8Array, wrapped: Uint8Array): Buffer | null {
  const n = sodium.crypto_secretbox_NONCEBYTES;
  try {
    return Buffer.from(sodium.crypto_secretbox_open_easy(wrapped.subarray(n), wrapped.subarray(0, n), key));
  } catch {
    return null;
  }
}

/**
 * A session's cookie token and what the database may keep of it: a hash to find the row, and
 * (separately derived) the key that wraps the private key held for the session. Neither is
 * derivable from the other, so the database row alone cannot be unwrapped.
 */
export function sessionKeys(token: string): { tokenHash: string; wrapKey: Buffer } {
  return {
    tokenHash: crypto.createHash('sha256').update(`custodiet-sealed-session:${token}`).digest('hex'),
    wrapKey: Buffer.from(crypto.hkdfSync('sha256', token, 'custodiet', 'session-wrap-key', 32)),
  };
}

/** The passphrase KDF: about 0.5 s and 128 MiB, once per unlock. */
export const PASSPHRASE_KDF = { alg: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE = 12;

/**
 * A private key wrapped under a passphrase (fresh salt, current KDF parameters); refuses short
 * passphrases with a field message for the form.
 */
export async function wrapUnderPassphrase(secretKey: Uint8Array, passphrase: string, field = 'passphrase') {
  await sodium.ready;
  if (passphrase.length < MIN_PASSPHRASE)
    throw new AppError('CUS_VALIDATION', `The passphrase must be at least ${MIN_PASSPHRASE} characters.`, [
      { field, message: `use at least ${MIN_PASSPHRASE} characters (several words is best)` },
    ]);
  const salt = newSalt();
  const kek = await passphraseKey(passphrase, salt, PASSPHRASE_KDF);
  return { wrappedSecretKey: wrap(kek, secretKey), kdfSalt: salt, kdfParams: { ...PASSPHRASE_KDF } };
}

/** A new moderation key, its private half wrapped under the passphrase. */
export async function newModerationKey(passphrase: string) {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  return {
    id: publicKeyId(pair.publicKey),
    publicKey: Buffer.from(pair.publicKey),
    ...(await wrapUnderPassphrase(pair.privateKey, passphrase)),
  };
}

/** The moderation private key, or null when the passphrase is wrong. */
export async function unwrapModerationKey(
  key: { wrapped_secret_key: Uint8Array; kdf_salt: Uint8Array; kdf_params: unknown },
  passphrase: string,
): Promise<Buffer | null> {
  await sodium.ready;
  const params = key.kdf_params as typeof PASSPHRASE_KDF;
  const kek = await passphraseKey(passphrase, key.kdf_salt, params);
  return unwrap(kek, key.wrapped_secret_key);
}

function passphraseKey(passphrase: string, salt: Uint8Array, p: { N: number; r: number; p: number }) {
  return scrypt(passphrase.normalize('NFC'), salt, 32, {
    N: p.N,
    r: p.r,
    p: p.p,
    maxmem: 256 * 1024 * 1024,
  });
}

/** A random cookie token (32 bytes, base64url). */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

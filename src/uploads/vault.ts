import crypto from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { loadOrCreateKey } from '../config/keys.ts';
import { AppError } from '../errors/catalogue.ts';

/**
 * Encryption at rest for originals (uploaded files with their metadata intact). Each original is
 * sealed with XSalsa20-Poly1305 (libsodium secretbox) under the operator's 32-byte key; a random
 * nonce per file. The envelope also carries the file name and declared type, which can identify
 * a source as surely as GPS can, so nothing about the original is stored in the clear.
 */
export interface Vault {
  /** Fingerprint of the key (safe to store and show). */
  keyId: string;
  seal(original: Uint8Array, meta: OriginalMeta): Uint8Array;
  open(envelope: Uint8Array): { bytes: Buffer; meta: OriginalMeta };
  /** Seals a small JSON value (a real identity); only `openValue` with the same key reads it. */
  sealValue(value: unknown): Uint8Array;
  openValue<T>(envelope: Uint8Array): T;
}

/** What the envelope says about the original besides its bytes. */
export interface OriginalMeta {
  filename: string;
  declaredType: string;
}

const MAGIC = Buffer.from('CUSTODIET-VAULT-1\n');

/** The key from ORIGINALS_KEY (base64), or a key file kept beside the data (created 0600 once). */
export function loadVaultKey(opts: { keyBase64?: string | undefined; keyFile: string }): Uint8Array {
  return loadOrCreateKey({ ...opts, envName: 'ORIGINALS_KEY' });
}

function sealBytes(key: Uint8Array, plain: Uint8Array): Uint8Array {
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  return Buffer.concat([MAGIC, nonce, sodium.crypto_secretbox_easy(plain, nonce, key)]);
}

function openBytes(key: Uint8Array, envelope: Uint8Array): Buffer {
  const buf = Buffer.from(envelope);
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('CUS_INTERNAL', 'Not a sealed value');
  const nonce = buf.subarray(MAGIC.length, MAGIC.length + sodium.crypto_secretbox_NONCEBYTES);
  try {
    return Buffer.from(
      sodium.crypto_secretbox_open_easy(buf.subarray(MAGIC.length + nonce.length), nonce, key),
    );
  } catch {
    throw new AppError('CUS_INTERNAL', 'A sealed value cannot be decrypted with the configured key');
  }
}

/** A vault over a key; libsodium must be ready first, hence async. */
export async function openVault(key: Uint8Array): Promise<Vault> {
  await sodium.ready;
  const keyId = crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
  return {
    keyId,
    seal(original, meta) {
      const header = Buffer.from(JSON.stringify(meta));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(header.length);
      return sealBytes(key, Buffer.concat([len, header, original]));
    },
    open(envelope) {
      const p = openBytes(key, envelope);
      const n = p.readUInt32BE(0);
      return { meta: JSON.parse(p.subarray(4, 4 + n).toString()) as OriginalMeta, bytes: p.subarray(4 + n) };
    },
    sealValue: (value) => sealBytes(key, Buffer.from(JSON.stringify(value))),
    openValue: <T>(envelope: Uint8Array) => JSON.parse(openBytes(key, envelope).toString()) as T,
  };
}

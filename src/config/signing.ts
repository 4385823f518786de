// Ed25519 signing shared by everything the site signs (proof-of-report receipts, export
// bundles): a signer from a 32-byte seed, verification against a raw public key, and the short
// key id printed beside signatures. node:crypto rather than libsodium so that verifying stays
// synchronous and cannot fail for a reason unrelated to its input (no `await sodium.ready`).
import crypto from 'node:crypto';
import { sha256Hex } from '../blobs/store.ts';
import { KEY_BYTES } from './keys.ts';

// RFC 8410 PKCS#8 wrapping of a raw Ed25519 seed, the one form node:crypto imports a seed from.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A private key ready to sign, with its public half. */
export interface Ed25519Signer {
  /** First 16 hex characters of SHA-256 of the raw public key (see publicKeyId). */
  keyId: string;
  /** The raw 32-byte public key. */
  publicKey: Uint8Array;
  publicKeyBase64: string;
  /** The 64-byte signature of exactly these bytes. */
  sign(bytes: Uint8Array): Buffer;
}

/** A public key's id (on receipts, moderation keys, export bundles): first 16 hex characters of SHA-256 of the raw key. */
export function publicKeyId(publicKey: Uint8Array): string {
  return sha256Hex(publicKey).slice(0, 16);
}

/** A signer over a 32-byte Ed25519 seed. Throws on a seed of the wrong length. */
export function ed25519Signer(seed: Uint8Array): Ed25519Signer {
  if (seed.length !== KEY_BYTES) throw new Error(`An Ed25519 signing seed is ${KEY_BYTES} bytes`);
  const privateKey = crypto.createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = crypto.createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x!, 'base64url');
  return {
    keyId: publicKeyId(publicKey),
    publicKey,
    publicKeyBase64: publicKey.toString('base64'),
    sign: (bytes) => crypto.sign(null, bytes, privateKey),
  };
}

/**
 * Whether `signature` is a valid Ed25519 signature of `bytes` under a raw 32-byte public key.
 * Throws only when the key is not a usable Ed25519 key; callers turn that into their own refusal.
 */
export function ed25519Verify(publicKey: Uint8Array, bytes: Uint8Array, signature: Uint8Array): boolean {
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
  return crypto.verify(null, bytes, key, signature);
}

/**
 * A public key given as text (command line, web form): exactly 32 bytes of canonical base64, or
 * null. Canonical so that stray characters Buffer.from would skip are refused, not ignored.
 */
export function decodePublicKey(base64: string): Uint8Array | null {
  const key = Buffer.from(base64.trim(), 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === base64.trim() ? key : null;
}

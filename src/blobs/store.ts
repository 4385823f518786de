import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Content-addressed storage: bytes are stored and found by their SHA-256. */
export interface BlobStore {
  /** Stores bytes (idempotently) and returns their SHA-256 hex digest. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a digest, or null if absent. */
  get(sha256: string): Promise<Buffer | null>;
  /** Whether bytes are stored under a digest, without reading them. */
  has(sha256: string): Promise<boolean>;
  describe: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Throws unless `sha` is a lowercase SHA-256 hex digest. Every store checks this first, so a
 * caller's typo or a crafted value never becomes a path (`../`) or an object key.
 */
export function assertSha256(sha: string): void {
  if (!HEX64.test(sha)) throw new Error(`Not a SHA-256 digest: ${sha}`);
}

/** SHA-256 hex digest of some bytes (or of text, as UTF-8). */
export function sha256Hex(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Blobs in a local folder, fanned out as ab/cd/<digest> so no directory grows huge. Writes go
 * to a temporary file first and are renamed into place, so a crash never leaves half a blob.
 */
export function localBlobStore(root: string): BlobStore {
  const where = (sha: string) => {
    assertSha256(sha);
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    describe: `local ${root}`,
    async put(bytes) {
      const sha = sha256Hex(bytes);
      const target = where(sha);
      if (fs.existsSync(target)) return sha;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, bytes, { mode: 0o640 });
      fs.renameSync(tmp, target);
      return sha;
    },
    async get(sha) {
      try {
        return fs.readFileSync(where(sha));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async has(sha) {
      return fs.existsSync(where(sha));
    },
  };
}

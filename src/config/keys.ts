import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where a 32-byte secret comes from: an environment variable (base64), else a key file beside the data. */
export interface KeySource {
  /** The variable's value, already read from the environment (undefined when unset). */
  keyBase64?: string | undefined;
  /** The key file used when the variable is unset. */
  keyFile: string;
  /** The variable's name, so errors tell the operator which setting to fix. */
  envName: string;
  /** Make the key file when it does not exist (default). False for tools that only read a key. */
  create?: boolean;
}

/** Length of every key this loader hands out (libsodium secretbox keys, Ed25519 seeds). */
export const KEY_BYTES = 32;

function decodeKey(base64: string, where: string): Uint8Array {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${where} must be ${KEY_BYTES} bytes, base64-encoded`);
  return key;
}

/**
 * The key from the environment variable, or from its key file, which is created (mode 0600,
 * random bytes) the first time so a single-instance install needs no setup. The file is read back
 * after creating it, so every process ends up with whichever key was written first.
 */
export function loadOrCreateKey(source: KeySource): Uint8Array {
  if (source.keyBase64) return decodeKey(source.keyBase64, source.envName);
  if (!fs.existsSync(source.keyFile)) {
    if (source.create === false)
      throw new Error(
        `No key: set ${source.envName} or create ${source.keyFile} (${KEY_BYTES} bytes, base64)`,
      );
    fs.mkdirSync(path.dirname(source.keyFile), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key another process made a moment ago; what was sealed or signed
    // under it would no longer open or verify.
    try {
      fs.writeFileSync(source.keyFile, crypto.randomBytes(KEY_BYTES).toString('base64') + '\n', {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return decodeKey(
    fs.readFileSync(source.keyFile, 'utf8').trim(),
    `${source.keyFile} (used because ${source.envName} is unset)`,
  );
}

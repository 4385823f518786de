// The signed export bundle: manifest.json lists every data file with its row count, size and
// SHA-256; manifest.sig is an Ed25519 signature of the manifest's exact bytes. Anyone holding the
// site's export public key can then check, offline, that a bundle is complete and unaltered.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateKey } from '../config/keys.ts';
import { ed25519Verify, publicKeyId, type Ed25519Signer } from '../config/signing.ts';

/** One data file of a bundle, as the manifest lists it. */
export interface BundleFile {
  name: string;
  dataset: string;
  format: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** manifest.json. */
export interface Manifest {
  format: typeof FORMAT;
  version: 1;
  generatedAt: string;
  /** The site's public address, when PUBLIC_URL is set: the `path` columns are relative to it. */
  publicUrl?: string;
  files: BundleFile[];
}

/** The outcome of checking a bundle; `reason` names the first problem found. */
export type BundleCheck = { ok: true; files: number; keyId: string } | { ok: false; reason: string };

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
const FORMAT = 'custodiet-export';
// Plain names only: a manifest must not send the checker outside the bundle directory.
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** The seed from EXPORT_SIGNING_KEY, or DATA_DIR/keys/exports.key (made 0600 once unless `create` is false). */
export function loadExportKey(opts: { keyBase64?: string | undefined; keyFile: string; create?: boolean }) {
  return loadOrCreateKey({ ...opts, envName: 'EXPORT_SIGNING_KEY' });
}

/** Writes manifest.json, then manifest.sig over its exact bytes. */
export function writeManifest(
  dir: string,
  files: BundleFile[],
  opts: { signer: Ed25519Signer; publicUrl?: string | undefined; now?: Date },
): void {
  const manifest: Manifest = {
    format: FORMAT,
    version: 1,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    files,
  };
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  fs.writeFileSync(path.join(dir, MANIFEST), bytes, { flag: 'wx' });
  const signature = {
    algorithm: 'Ed25519',
    keyId: opts.signer.keyId,
    publicKey: opts.signer.publicKeyBase64,
    signature: opts.signer.sign(bytes).toString('base64'),
  };
  fs.writeFileSync(path.join(dir, SIGNATURE), `${JSON.stringify(signature, null, 2)}\n`, { flag: 'wx' });
}

/** Thrown inside the checker only; verifyExportBundle turns it into `{ ok: false, reason }`. */
class Refusal extends Error {}

function readIn(dir: string, name: string): Buffer {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new Refusal(`${name} is missing.`);
  return fs.readFileSync(file);
}

/** The signature file's key id and signature bytes. */
function parseSignature(text: string): { keyId: string; publicKey: unknown; signature: Buffer } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Refusal(`${SIGNATURE} is altered: it is not valid JSON.`);
  }
  const { algorithm, keyId, publicKey, signature } = (parsed ?? {}) as Record<string, unknown>;
  const bytes = Buffer.from(String(signature), 'base64');
  // Round-trip: Buffer.from ignores stray characters, which would let an altered line pass.
  if (algorithm !== 'Ed25519' || typeof keyId !== 'string' || bytes.length !== 64)
    throw new Refusal(`${SIGNATURE} is altered: it does not hold an Ed25519 signature.`);
  if (bytes.toString('base64') !== signature)
    throw new Refusal(`${SIGNATURE} is altered: the signature is not canonical base64.`);
  return { keyId, publicKey, signature: bytes };
}

/** The manifest's file list, refusing anything but the shape we write. */
function parseManifest(bytes: Buffer): BundleFile[] {
  const m = JSON.parse(bytes.toString('utf8')) as Partial<Manifest>;
  if (m.format !== FORMAT || m.version !== 1 || !Array.isArray(m.files))
    throw new Refusal(`${MANIFEST} is not a version 1 Custodiet export manifest.`);
  const names = new Set<string>();
  for (const f of m.files) {
    if (!SAFE_NAME.test(String(f?.name)) || names.has(f.name) || [MANIFEST, SIGNATURE].includes(f.name))
      throw new Refusal(`${MANIFEST} lists a file name that cannot be in a bundle: ${String(f?.name)}`);
    names.add(f.name);
  }
  return m.files;
}

/** SHA-256 of a file, read as a stream (a dataset can be gigabytes). */
async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every listed file present with its size and hash, and nothing else in the directory. */
async function checkFiles(dir: string, files: BundleFile[]): Promise<void> {
  const listed = new Set(files.map((f) => f.name));
  const extra = fs
    .readdirSync(dir)
    .sort()
    .find((n) => !listed.has(n) && n !== MANIFEST && n !== SIGNATURE);
  if (extra !== undefined) throw new Refusal(`${extra} is not listed in ${MANIFEST}.`);
  for (const f of files) {
    const file = path.join(dir, f.name);
    if (!fs.existsSync(file)) throw new Refusal(`${f.name} is missing.`);
    if (fs.statSync(file).size !== f.bytes || (await fileSha256(file)) !== f.sha256)
      throw new Refusal(`${f.name} has been changed: its SHA-256 differs from the manifest.`);
  }
}

/**
 * Checks a bundle against a raw 32-byte Ed25519 public key: the signature over manifest.json,
 * then every file's size and SHA-256, then that no file was added. Never throws for a bad bundle.
 */
export async function verifyExportBundle(dir: string, publicKey: Uint8Array): Promise<BundleCheck> {
  try {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
      return { ok: false, reason: `${dir} is not a directory.` };
    const manifest = readIn(dir, MANIFEST);
    const sig = parseSignature(readIn(dir, SIGNATURE).toString('utf8'));
    const { keyId, signature } = sig;
    const expected = publicKeyId(publicKey);
    // The key named in manifest.sig is only a hint for the reader, but an edited one is still an edit.
    if (keyId !== expected || sig.publicKey !== Buffer.from(publicKey).toString('base64'))
      return { ok: false, reason: `The bundle was signed with key ${keyId}, not this key (${expected}).` };
    let genuine: boolean;
    try {
      genuine = ed25519Verify(publicKey, manifest, signature);
    } catch {
      return { ok: false, reason: 'The public key is not a usable Ed25519 key.' };
    }
    if (!genuine)
      return {
        ok: false,
        reason: `The signature does not match ${MANIFEST}: the manifest or its signature was altered.`,
      };
    const files = parseManifest(manifest);
    await checkFiles(dir, files);
    return { ok: true, files: files.length, keyId };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.message };
    throw err;
  }
}

import { canonicalJson, toJsonValue } from '../audit/canonical.ts';
import { sha256Hex } from '../blobs/store.ts';
import { loadOrCreateKey } from '../config/keys.ts';
import { ed25519Signer, ed25519Verify, publicKeyId } from '../config/signing.ts';

/**
 * Proof-of-report receipts. Someone who reports through the anonymous forms keeps a short signed
 * text: "this site received something with these SHA-256 hashes at this time". Anyone can check it
 * later against the site's public key without the site keeping, or the receipt revealing, what
 * was sent. Ed25519 through node:crypto (not libsodium) so that verifying stays synchronous and
 * needs no `await sodium.ready`: verifyReceipt cannot then fail for a reason unrelated to its input.
 */

/** Which form the receipt was given for. */
export type ReceiptKind = 'public-submission' | 'insider-report' | 'follow-up';

/** What a receipt states. */
export interface ReceiptStatement {
  kind: ReceiptKind;
  /** Rendered as ISO 8601 UTC at second precision (milliseconds are dropped). */
  receivedAt: Date;
  /** Hex SHA-256 of the canonical text content (see contentSha256). */
  contentSha256: string;
  /** Hex SHA-256 of each attached file exactly as uploaded, so `sha256sum FILE` on the sender's device matches. */
  attachmentSha256: string[];
}

/** Signs receipts with the site's key. */
export interface ReceiptSigner {
  /** First 16 hex characters of SHA-256 of the public key. */
  keyId: string;
  publicKeyBase64: string;
  /** The receipt text (no trailing newline). Throws on a malformed statement: that is a bug in the caller. */
  sign(s: ReceiptStatement): string;
}

/** The outcome of checking a receipt; `reason` is a sentence fit to show the holder. */
export type ReceiptCheck =
  { ok: true; statement: ReceiptStatement; keyId: string } | { ok: false; reason: string };

export const RECEIPT_KINDS: readonly ReceiptKind[] = ['public-submission', 'insider-report', 'follow-up'];
const BEGIN = '-----BEGIN CUSTODIET RECEIPT-----';
const END = '-----END CUSTODIET RECEIPT-----';
const TITLE = 'Custodiet proof-of-report receipt, version 1';
const HEX64 = /^[0-9a-f]{64}$/;
// Ed25519 signatures are 64 bytes: 86 base64 characters and "==".
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;
// Far more than any real receipt (a thousand attachments is ~90 kB); refuses pasted novels early.
const MAX_RECEIPT_CHARS = 200_000;
export { publicKeyId, sha256Hex };

/** Hex SHA-256 of the canonical JSON of a form's fields, so the order fields arrive in does not matter. */
export function contentSha256(fields: Record<string, unknown>): string {
  return sha256Hex(canonicalJson(toJsonValue(fields)));
}

/** The seed from RECEIPT_SIGNING_KEY, or the key file beside the data (made 0600 once unless `create` is false). */
export function loadReceiptKey(opts: {
  keyBase64?: string | undefined;
  keyFile: string;
  create?: boolean;
}): Uint8Array {
  return loadOrCreateKey({ ...opts, envName: 'RECEIPT_SIGNING_KEY' });
}

/** ISO 8601 UTC at second precision: 2026-11-25T10:31:50Z. */
export function receiptTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The signed lines of a receipt: everything between BEGIN and `Signature:`. */
function bodyLines(s: ReceiptStatement, keyId: string): string[] {
  if (!RECEIPT_KINDS.includes(s.kind)) throw new Error(`Unknown receipt kind: ${String(s.kind)}`);
  if (!(s.receivedAt instanceof Date) || Number.isNaN(s.receivedAt.getTime()))
    throw new Error('A receipt needs a valid receivedAt date');
  const hex = (h: string, what: string) => {
    const lower = String(h).toLowerCase();
    if (!HEX64.test(lower)) throw new Error(`${what} must be a hex SHA-256`);
    return lower;
  };
  return [
    TITLE,
    `Kind: ${s.kind}`,
    `Received: ${receiptTime(s.receivedAt)}`,
    `Content SHA-256: ${hex(s.contentSha256, 'contentSha256')}`,
    ...s.attachmentSha256.map((h) => `Attachment SHA-256: ${hex(h, 'attachmentSha256')}`),
    `Signing key: ${keyId}`,
  ];
}

/** A signer over a 32-byte Ed25519 seed (async so callers need not care which library is underneath). */
export async function openReceiptSigner(seed: Uint8Array): Promise<ReceiptSigner> {
  const signer = ed25519Signer(seed);
  const keyId = signer.keyId;
  return {
    keyId,
    publicKeyBase64: signer.publicKeyBase64,
    sign(s) {
      const body = bodyLines(s, keyId);
      const signature = signer.sign(Buffer.from(body.join('\n'), 'utf8'));
      return [BEGIN, ...body, `Signature: ${signature.toString('base64')}`, END].join('\n');
    },
  };
}

/** Thrown inside the parser only; verifyReceipt turns it into `{ ok: false, reason }`. */
class Refusal extends Error {}

/** The value after `label: ` on a line, or a refusal naming the line expected. */
function field(line: string | undefined, label: string): string {
  const prefix = `${label}: `;
  if (line === undefined || !line.startsWith(prefix))
    throw new Refusal(`The receipt is incomplete or altered: expected a "${label}:" line.`);
  return line.slice(prefix.length);
}

/** Strict timestamp: exactly the form we write, and a real instant (no 30 February). */
function parseTime(text: string): Date {
  const d = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) ||
    Number.isNaN(d.getTime()) ||
    receiptTime(d) !== text
  )
    throw new Refusal('The receipt is altered: the "Received" time is not a valid UTC time.');
  return d;
}

function parseHex(text: string, label: string): string {
  if (!HEX64.test(text)) throw new Refusal(`The receipt is altered: the ${label} is not a SHA-256 hash.`);
  return text;
}

/** Parses the lines between BEGIN and `Signature:`; layout only, the signature is checked after. */
function parseBody(body: string[]): { statement: ReceiptStatement; keyId: string } {
  if (body[0] !== TITLE)
    throw new Refusal('This is not a version 1 Custodiet receipt, or its title was altered.');
  const kind = field(body[1], 'Kind') as ReceiptKind;
  if (!RECEIPT_KINDS.includes(kind))
    throw new Refusal('The receipt is altered: its kind is not one we issue.');
  const receivedAt = parseTime(field(body[2], 'Received'));
  const content = parseHex(field(body[3], 'Content SHA-256'), 'content hash');
  const attachments: string[] = [];
  let i = 4;
  while (body[i]?.startsWith('Attachment SHA-256: '))
    attachments.push(parseHex(field(body[i++], 'Attachment SHA-256'), 'attachment hash'));
  const keyId = field(body[i], 'Signing key');
  if (!/^[0-9a-f]{16}$/.test(keyId))
    throw new Refusal('The receipt is altered: the signing key id is malformed.');
  if (i !== body.length - 1) throw new Refusal('The receipt has lines that do not belong to it.');
  return { statement: { kind, receivedAt, contentSha256: content, attachmentSha256: attachments }, keyId };
}

/** The whole block: BEGIN, body, Signature, END, nothing else. */
function parseReceipt(text: string) {
  // Tolerate what pasting does (CRLF, blank space around the block) and nothing more: the signature
  // covers exact bytes, so any other difference must fail, and fail with a readable reason.
  const lines = text
    .replace(/\r\n/g, '\n')
    .replace(/^[\s]+|[\s]+$/g, '')
    .split('\n');
  if (lines[0] !== BEGIN) throw new Refusal(`A receipt starts with the line ${BEGIN}`);
  if (lines[lines.length - 1] !== END || lines.length < 4)
    throw new Refusal(`The receipt is cut short: it must end with the line ${END}`);
  const body = lines.slice(1, -2);
  const signature = field(lines[lines.length - 2], 'Signature');
  const bytes = Buffer.from(signature, 'base64');
  // Round-trip: Buffer.from ignores stray characters and the unused low bits of the last digit,
  // which would let an altered signature line decode to the same bytes.
  if (!SIGNATURE.test(signature) || bytes.toString('base64') !== signature)
    throw new Refusal('The receipt is altered: the signature is not a valid Ed25519 signature.');
  return { ...parseBody(body), signed: Buffer.from(body.join('\n'), 'utf8'), signature: bytes };
}

/** Checks a pasted or saved receipt against a raw 32-byte Ed25519 public key. Never throws. */
export function verifyReceipt(text: string, publicKey: Uint8Array): ReceiptCheck {
  try {
    if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'No receipt was given.' };
    if (text.length > MAX_RECEIPT_CHARS)
      return { ok: false, reason: 'This is far too long to be a receipt.' };
    if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32)
      return { ok: false, reason: 'The public key must be 32 bytes (an Ed25519 key).' };
    const r = parseReceipt(text);
    const expectedId = publicKeyId(publicKey);
    if (r.keyId !== expectedId)
      return { ok: false, reason: `The receipt names signing key ${r.keyId}, not this key (${expectedId}).` };
    if (!ed25519Verify(publicKey, r.signed, r.signature))
      return {
        ok: false,
        reason: 'The signature does not match: the receipt was altered or not issued by us.',
      };
    return { ok: true, statement: r.statement, keyId: r.keyId };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.message };
    // A key that is not a curve point, or anything else unforeseen: still an answer, not a crash.
    return { ok: false, reason: 'The receipt could not be checked with this key.' };
  }
}

/** One line describing a genuine receipt, as the CLI prints it. */
export function describeStatement(s: ReceiptStatement): string {
  const n = s.attachmentSha256.length;
  return `${s.kind} received ${receiptTime(s.receivedAt)}, content ${s.contentSha256}, ${n} attachment${n === 1 ? '' : 's'}`;
}

/** Which of the given files' SHA-256 are not among a receipt's attachment hashes. */
export function filesNotInReceipt(
  s: ReceiptStatement,
  files: { name: string; bytes: Uint8Array }[],
): string[] {
  return files.filter((f) => !s.attachmentSha256.includes(sha256Hex(f.bytes))).map((f) => f.name);
}

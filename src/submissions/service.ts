import type { BlobStore } from '../blobs/store.ts';
import { sha256Hex } from '../blobs/store.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { stripMetadata } from '../uploads/strip.ts';
import { MAX_UPLOAD_BYTES } from '../uploads/service.ts';
import {
  codenameKeys,
  newCodename,
  newToken,
  normaliseCodename,
  openJson,
  sealJson,
  sealTo,
  sessionKeys,
  unwrap,
  wrap,
} from './crypto.ts';
import { contentSha256, type ReceiptKind, type ReceiptSigner } from './receipt.ts';
import { activeModerationKey, codenameSalt, messagesOf } from './repository.ts';
import {
  followUp,
  insiderReport,
  MAX_FILES,
  MAX_SUBMISSION_BYTES,
  publicReport,
  type IncomingAttachment,
  type MessageContent,
  type SealedAttachmentInfo,
  type SubmissionContent,
} from './schema.ts';

/** What intake needs: the database, the blob store for sealed files, and the receipt signer. */
export interface IntakeDeps {
  db: Db;
  blobs: BlobStore;
  receipts: ReceiptSigner;
}

/** A submitter's inbox session lasts an hour from sign-in. */
export const INBOX_SESSION_MS = 60 * 60 * 1000;

/**
 * Cleans each file (metadata out; types we cannot clean are refused), seals the clean copy to the
 * moderation key and stores only the ciphertext. The file as sent is never stored: its GPS, camera
 * serial and author fields are exactly what could expose the sender. Its hash goes in the receipt.
 */
async function sealAttachments(
  blobs: BlobStore,
  publicKey: Uint8Array,
  files: IncomingAttachment[],
): Promise<SealedAttachmentInfo[]> {
  if (files.length > MAX_FILES) throw new AppError('CUS_VALIDATION', `Attach at most ${MAX_FILES} files.`);
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_SUBMISSION_BYTES)
    throw new AppError('CUS_PAYLOAD_TOO_LARGE', `Files may come to at most ${MAX_SUBMISSION_BYTES} bytes.`);
  const out: SealedAttachmentInfo[] = [];
  for (const f of files) {
    if (f.bytes.length === 0) throw new AppError('CUS_VALIDATION', `The file “${f.filename}” is empty.`);
    if (f.bytes.length > MAX_UPLOAD_BYTES)
      throw new AppError('CUS_PAYLOAD_TOO_LARGE', `Each file may be at most ${MAX_UPLOAD_BYTES} bytes.`);
    const clean = await stripMetadata(f.bytes, f.declaredType || undefined);
    const blob = await blobs.put(await sealTo(publicKey, clean.bytes));
    out.push({
      blob,
      filename: f.filename.slice(0, 200),
      mediaType: clean.mediaType,
      size: clean.bytes.length,
      sentSha256: sha256Hex(f.bytes),
      removed: clean.removed,
    });
  }
  return out;
}

function receiptFor(
  deps: IntakeDeps,
  kind: ReceiptKind,
  fields: object,
  attachments: SealedAttachmentInfo[],
  now: Date,
) {
  return deps.receipts.sign({
    kind,
    receivedAt: now,
    contentSha256: contentSha256(fields as Record<string, unknown>),
    attachmentSha256: attachments.map((a) => a.sentSha256),
  });
}

/**
 * Takes a report (public or insider), seals everything, and returns the codename (shown once,
 * never stored) and the signed receipt. Nothing about the sender is recorded: no address, no
 * agent, no time finer than the day.
 */
export async function submitReport(
  deps: IntakeDeps,
  kind: 'public' | 'insider',
  input: unknown,
  files: IncomingAttachment[],
  now = new Date(),
): Promise<{ codename: string; receipt: string }> {
  const report = parseInput(kind === 'insider' ? insiderReport : publicReport, input);
  const key = await activeModerationKey(deps.db);
  const attachments = await sealAttachments(deps.blobs, key.public_key, files);
  const codename = newCodename();
  const keys = await codenameKeys(codename, await codenameSalt(deps.db));
  const content: SubmissionContent = { v: 1, kind, report, attachments };
  const sealed = await sealJson(key.public_key, content);
  const sealedForSubmitter = await sealJson(keys.publicKey, content);
  await inTransaction(deps.db, async (trx) => {
    const { id } = await trx
      .insertInto('submissions')
      .values({
        kind,
        codename_hash: keys.hash,
        submitter_public_key: Buffer.from(keys.publicKey),
        key_id: key.id,
        sealed_content: sealed,
        sealed_content_for_submitter: sealedForSubmitter,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertAttachments(trx, id, null, key.id, attachments);
  });
  const receiptKind = kind === 'insider' ? 'insider-report' : 'public-submission';
  return { codename, receipt: receiptFor(deps, receiptKind, report, attachments, now) };
}

async function insertAttachments(
  trx: Db,
  submissionId: string,
  messageId: string | null,
  keyId: string,
  attachments: SealedAttachmentInfo[],
) {
  if (attachments.length === 0) return;
  await trx
    .insertInto('submission_attachments')
    .values(
      attachments.map((a) => ({
        submission_id: submissionId,
        message_id: messageId,
        blob_sha256: a.blob,
        key_id: keyId,
      })),
    )
    .execute();
}

/**
 * Opens the inbox for a codename: returns a cookie token, or throws one message for every
 * failure (a mistyped word and an unknown codename look the same).
 */
export async function openInbox(db: Db, typed: string, now = new Date()): Promise<string> {
  const codename = normaliseCodename(typed);
  const refuse = () =>
    new AppError('CUS_LOGIN_FAILED', 'That codename does not open an inbox. Check each word and try again.', [
      { field: 'codename', message: 'seven words from your receipt, separated by spaces' },
    ]);
  if (!codename) throw refuse();
  const keys = await codenameKeys(codename, await codenameSalt(db));
  const row = await db
    .selectFrom('submissions')
    .select('id')
    .where('codename_hash', '=', keys.hash)
    .executeTakeFirst();
  if (!row) throw refuse();
  const token = newToken();
  const { tokenHash, wrapKey } = sessionKeys(token);
  await db.deleteFrom('submitter_sessions').where('expires_at', '<', now).execute();
  await db
    .insertInto('submitter_sessions')
    .values({
      token_hash: tokenHash,
      submission_id: row.id,
      wrapped_secret_key: wrap(wrapKey, keys.secretKey),
      csrf_token: newToken(),
      expires_at: new Date(now.getTime() + INBOX_SESSION_MS),
    })
    .execute();
  return token;
}

/** A live inbox session: which submission, the submitter's keys, the form token. */
export interface InboxSession {
  tokenHash: string;
  submissionId: string;
  publicKey: Buffer;
  secretKey: Buffer;
  csrfToken: string;
}

/** The session a cookie token opens, or null (unknown, expired, or a token that does not unwrap). */
export async function resumeInbox(db: Db, token: string, now = new Date()): Promise<InboxSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const { tokenHash, wrapKey } = sessionKeys(token);
  const row = await db
    .selectFrom('submitter_sessions as t')
    .innerJoin('submissions as s', 's.id', 't.submission_id')
    .select([
      't.submission_id',
      't.wrapped_secret_key',
      't.csrf_token',
      't.expires_at',
      's.submitter_public_key',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || new Date(row.expires_at) <= now) return null;
  const secretKey = unwrap(wrapKey, row.wrapped_secret_key);
  if (!secretKey) return null;
  return {
    tokenHash,
    submissionId: row.submission_id,
    publicKey: row.submitter_public_key,
    secretKey,
    csrfToken: row.csrf_token,
  };
}

/** Ends an inbox session. */
export async function closeInbox(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('submitter_sessions').where('token_hash', '=', tokenHash).execute();
}

/** What the submitter sees: their report, its state, and the conversation, decrypted. */
export async function readInbox(db: Db, s: InboxSession) {
  const sub = await db
    .selectFrom('submissions')
    .select(['kind', 'state', 'received_on', 'sealed_content_for_submitter'])
    .where('id', '=', s.submissionId)
    .executeTakeFirstOrThrow();
  const messages = await messagesOf(db, s.submissionId);
  return {
    kind: sub.kind,
    state: sub.state,
    receivedOn: sub.received_on,
    content: openJson<SubmissionContent>(s.publicKey, s.secretKey, sub.sealed_content_for_submitter),
    messages: messages.map((m) => ({
      author: m.author,
      sentOn: m.sent_on,
      ...openJson<MessageContent>(s.publicKey, s.secretKey, m.sealed_for_submitter),
    })),
  };
}

/** Adds a message to a conversation, sealed for both sides. Shared by submitter and moderators. */
export async function addMessage(
  deps: { db: Db; blobs: BlobStore },
  submissionId: string,
  from: { author: 'submitter' } | { author: 'moderator'; moderatorId: string },
  body: { text: string; retaliation: MessageContent['retaliation'] },
  files: IncomingAttachment[],
  trx: Db = deps.db,
): Promise<MessageContent> {
  const key = await activeModerationKey(trx);
  const sub = await trx
    .selectFrom('submissions')
    .select('submitter_public_key')
    .where('id', '=', submissionId)
    .executeTakeFirstOrThrow();
  const attachments = await sealAttachments(deps.blobs, key.public_key, files);
  const content: MessageContent = { v: 1, ...body, attachments };
  const { id } = await trx
    .insertInto('submission_messages')
    .values({
      submission_id: submissionId,
      author: from.author,
      moderator_id: from.author === 'moderator' ? from.moderatorId : null,
      key_id: key.id,
      sealed_for_moderators: await sealJson(key.public_key, content),
      sealed_for_submitter: await sealJson(sub.submitter_public_key, content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertAttachments(trx, submissionId, id, key.id, attachments);
  return content;
}

/** The submitter answers or adds to their report; returns a receipt for what was added. */
export async function replyAsSubmitter(
  deps: IntakeDeps,
  s: InboxSession,
  input: unknown,
  files: IncomingAttachment[],
  now = new Date(),
): Promise<string> {
  const body = parseInput(followUp, input);
  const content = await inTransaction(deps.db, async (trx) => {
    const c = await addMessage(deps, s.submissionId, { author: 'submitter' }, body, files, trx);
    await trx
      .updateTable('submissions')
      .set({ awaiting_moderator: true, last_activity_on: sqlToday(now) })
      .where('id', '=', s.submissionId)
      .execute();
    return c;
  });
  return receiptFor(deps, 'follow-up', body, content.attachments, now);
}

/** The calendar day (UTC) of a moment: the only precision kept for a submitter's actions. */
export function sqlToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

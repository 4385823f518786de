import { z } from 'zod';
import { requirePermission } from '../accounts/policy.ts';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction } from '../audit/records.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Editor } from '../publication/workflow.ts';
import { parseInput, text, uuid } from '../schema/common.ts';
import {
  newModerationKey,
  wrapUnderPassphrase,
  newToken,
  openJson,
  openSealed,
  sessionKeys,
  unwrap,
  unwrapModerationKey,
  wrap,
} from './crypto.ts';
import {
  activeModerationKey,
  findActiveModerationKey,
  getSubmission,
  messagesOf,
  STATES,
  type SubmissionState,
} from './repository.ts';
import type { MessageContent, SubmissionContent } from './schema.ts';
import { addMessage, sqlToday } from './service.ts';

/** An unlocked moderation key for one request: never stored in the clear. */
export interface UnlockedKey {
  id: string;
  publicKey: Buffer;
  secretKey: Buffer;
}

/** An unlock lasts as long as the editor session could, and no longer. */
export const UNLOCK_MS = 12 * 60 * 60 * 1000;

/** Every moderator action goes on the audit log; the contents of a submission never do. */
function audit(trx: Db, user: Editor, action: string, id: string, diff: Record<string, string | null>) {
  return appendAudit(trx, {
    actor: `user:${user.id}`,
    action,
    entityType: 'submissions',
    entityId: id,
    diff,
  });
}

/**
 * Creates the moderation key (once; a second only after retiring the first). `by` is the audit
 * actor and the creating user, if a user (the CLI has none); callers check who may do this.
 */
export async function createModerationKey(
  db: Db,
  by: { actor: string; userId: string | null },
  passphrase: string,
) {
  const k = await newModerationKey(passphrase);
  return inTransaction(db, async (trx) => {
    if (await findActiveModerationKey(trx))
      throw new AppError('CUS_CONFLICT', 'A moderation key already exists.');
    await trx
      .insertInto('moderation_keys')
      .values({
        id: k.id,
        public_key: k.publicKey,
        wrapped_secret_key: k.wrappedSecretKey,
        kdf_salt: k.kdfSalt,
        kdf_params: JSON.stringify(k.kdfParams),
        created_by: by.userId,
      })
      .execute();
    await appendAudit(trx, {
      actor: by.actor,
      action: 'moderation_key.create',
      entityType: 'moderation_keys',
      entityId: k.id,
      diff: { key_id: k.id },
    });
    return k.id;
  });
}

/** The active key and its private half; the passphrase must open it (the message names `field`). */
async function openActiveKey(db: Db, passphrase: string, field: string) {
  const key = await activeModerationKey(db);
  const secret = await unwrapModerationKey(key, passphrase);
  if (!secret)
    throw new AppError('CUS_LOGIN_FAILED', 'That passphrase does not unlock the moderation key.', [
      { field, message: 'check the passphrase and try again' },
    ]);
  return { key, secret };
}

/**
 * Unlocks the active key with the passphrase for one editor session. Returns the token for the
 * unlock cookie; the database keeps the private key wrapped under a key derived from that token.
 */
export async function unlockModeration(
  db: Db,
  user: Editor,
  sessionTokenHash: string,
  passphrase: string,
  now = new Date(),
): Promise<string> {
  requirePermission(user, 'submission.moderate', 'read submissions');
  const { key, secret } = await openActiveKey(db, passphrase, 'passphrase');
  const token = newToken();
  const { wrapKey } = sessionKeys(token);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('moderation_unlocks').where('session_token_hash', '=', sessionTokenHash).execute();
    await trx
      .insertInto('moderation_unlocks')
      .values({
        session_token_hash: sessionTokenHash,
        key_id: key.id,
        wrapped_secret_key: wrap(wrapKey, secret),
        expires_at: new Date(now.getTime() + UNLOCK_MS),
      })
      .execute();
    await appendAudit(trx, {
      actor: `user:${user.id}`,
      action: 'moderation_key.unlock',
      entityType: 'moderation_keys',
      entityId: key.id,
      diff: {},
    });
  });
  return token;
}

/**
 * Re-wraps the active key's private half under a new passphrase (when a moderator leaves, or the
 * passphrase may have leaked). Every session's unlock is revoked: all must unlock with the new one.
 * It does not help against someone who kept a copy of the database from before the change.
 */
export async function changeModerationPassphrase(
  db: Db,
  by: { actor: string },
  current: string,
  next: string,
): Promise<void> {
  const { key, secret } = await openActiveKey(db, current, 'current');
  const w = await wrapUnderPassphrase(secret, next, 'next');
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('moderation_keys')
      .set({
        wrapped_secret_key: w.wrappedSecretKey,
        kdf_salt: w.kdfSalt,
        kdf_params: JSON.stringify(w.kdfParams),
      })
      .where('id', '=', key.id)
      .execute();
    await trx.deleteFrom('moderation_unlocks').execute();
    await appendAudit(trx, {
      actor: by.actor,
      action: 'moderation_key.passphrase',
      entityType: 'moderation_keys',
      entityId: key.id,
      diff: {},
    });
  });
}

/** The key this editor session unlocked, or null (not unlocked, expired, or the cookie is wrong). */
export async function unlockedKey(
  db: Db,
  sessionTokenHash: string,
  unlockToken: string | undefined,
  now = new Date(),
): Promise<UnlockedKey | null> {
  if (!unlockToken || !/^[A-Za-z0-9_-]{43}$/.test(unlockToken)) return null;
  const row = await db
    .selectFrom('moderation_unlocks as u')
    .innerJoin('moderation_keys as k', 'k.id', 'u.key_id')
    .select(['u.key_id', 'u.wrapped_secret_key', 'u.expires_at', 'k.public_key'])
    .where('u.session_token_hash', '=', sessionTokenHash)
    .executeTakeFirst();
  if (!row || new Date(row.expires_at) <= now) return null;
  const secretKey = unwrap(sessionKeys(unlockToken).wrapKey, row.wrapped_secret_key);
  return secretKey ? { id: row.key_id, publicKey: row.public_key, secretKey } : null;
}

/** Forgets this session's unlocked key. */
export async function lockModeration(db: Db, sessionTokenHash: string): Promise<void> {
  await db.deleteFrom('moderation_unlocks').where('session_token_hash', '=', sessionTokenHash).execute();
}

function requireKey(key: UnlockedKey | null, keyId: string): UnlockedKey {
  if (!key) throw new AppError('CUS_FORBIDDEN', 'Unlock the moderation key to read submissions.');
  if (key.id !== keyId)
    throw new AppError(
      'CUS_FORBIDDEN',
      `This was sealed to moderation key ${keyId}, not the one you unlocked.`,
    );
  return key;
}

/** A submission decrypted for a moderator, with its conversation. Reading is itself audited. */
export async function readSubmission(db: Db, user: Editor, id: string, key: UnlockedKey | null) {
  requirePermission(user, 'submission.moderate', 'read submissions');
  const row = await getSubmission(db, id);
  const k = requireKey(key, row.key_id);
  const content = openJson<SubmissionContent>(k.publicKey, k.secretKey, row.sealed_content);
  const messages = (await messagesOf(db, id)).map((m) => {
    const mk = requireKey(key, m.key_id);
    return {
      id: m.id,
      author: m.author,
      moderator: m.moderator,
      sentOn: m.sent_on,
      ...openJson<MessageContent>(mk.publicKey, mk.secretKey, m.sealed_for_moderators),
    };
  });
  await audit(db, user, 'submission.read', id, {});
  return { row, content, messages };
}

/** The decrypted, metadata-stripped copy of one attachment; each opening is audited. */
export async function readAttachment(
  deps: { db: Db; blobs: BlobStore },
  user: Editor,
  id: string,
  blob: string,
  key: UnlockedKey | null,
) {
  const { content, messages } = await readSubmission(deps.db, user, id, key);
  const info = [...content.attachments, ...messages.flatMap((m) => m.attachments)].find(
    (a) => a.blob === blob,
  );
  if (!info) throw new AppError('CUS_NOT_FOUND', 'This submission has no such attachment.');
  const row = await deps.db
    .selectFrom('submission_attachments')
    .select('key_id')
    .where('submission_id', '=', id)
    .where('blob_sha256', '=', blob)
    .executeTakeFirstOrThrow();
  const k = requireKey(key, row.key_id);
  const sealed = await deps.blobs.get(blob);
  if (!sealed) throw new AppError('CUS_NOT_FOUND', 'The stored file is missing from the blob store.');
  await audit(deps.db, user, 'submission.attachment_open', id, { blob });
  return { info, bytes: openSealed(k.publicKey, k.secretKey, sealed) };
}

const questionInput = z.object({ text: text(20_000) }).strict();

/** A moderator writes to the submitter (a question, usually); the submission then needs information. */
export async function askSubmitter(
  deps: { db: Db; blobs: BlobStore },
  user: Editor,
  id: string,
  input: unknown,
) {
  requirePermission(user, 'submission.moderate', 'write to submitters');
  const q = parseInput(questionInput, input);
  await getSubmission(deps.db, id);
  await inTransaction(deps.db, async (trx) => {
    await addMessage(
      deps,
      id,
      { author: 'moderator', moderatorId: user.id },
      { ...q, retaliation: [] },
      [],
      trx,
    );
    // A question puts an open submission into "needs information"; a closed one keeps its state.
    await trx
      .updateTable('submissions')
      .set({ state: 'needs_information' })
      .where('id', '=', id)
      .where('state', '=', 'new')
      .execute();
    await trx
      .updateTable('submissions')
      .set({ awaiting_moderator: false, last_activity_on: sqlToday(new Date()) })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, 'submission.message', id, {});
  });
}

const assignInput = z.object({ assignee: z.union([uuid, z.literal('')]) }).strict();

/** Assigns a submission to a moderator (or to nobody). */
export async function assignSubmission(db: Db, user: Editor, id: string, input: unknown) {
  requirePermission(user, 'submission.moderate', 'assign submissions');
  const { assignee } = parseInput(assignInput, input);
  await getSubmission(db, id);
  if (assignee) {
    const u = await db.selectFrom('users').select('role').where('id', '=', assignee).executeTakeFirst();
    if (!u || !['moderator', 'admin'].includes(u.role))
      throw new AppError('CUS_VALIDATION', 'Submissions can be assigned only to moderators and admins.');
  }
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('submissions')
      .set({ assigned_to: assignee || null })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, 'submission.assign', id, { assigned_to: assignee || null });
  });
}

const stateInput = z
  .object({
    state: z.enum(['new', 'needs_information', 'duplicate', 'rejected'] as const satisfies SubmissionState[]),
    duplicateOf: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
  })
  .strict()
  .refine((s) => s.state !== 'duplicate' || s.duplicateOf, {
    message: 'choose the incident it duplicates',
    path: ['duplicateOf'],
  });

/** Moves a submission between states (conversion has its own path: it makes records). */
export async function setSubmissionState(db: Db, user: Editor, id: string, input: unknown) {
  requirePermission(user, 'submission.moderate', 'change submissions');
  const s = parseInput(stateInput, input);
  const row = await getSubmission(db, id);
  if (row.state === 'converted')
    throw new AppError(
      'CUS_STATE_TRANSITION',
      'This submission was converted to a draft; its state is final.',
    );
  if (s.duplicateOf) {
    const i = await db
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', s.duplicateOf)
      .executeTakeFirst();
    if (!i) throw new AppError('CUS_REFERENCE_MISSING', 'There is no such incident.');
  }
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('submissions')
      .set({ state: s.state, duplicate_of: s.state === 'duplicate' ? s.duplicateOf! : null })
      .where('id', '=', id)
      .execute();
    await audit(trx, user, 'submission.state', id, {
      from: row.state,
      to: s.state,
      duplicate_of: s.state === 'duplicate' ? s.duplicateOf! : null,
    });
  });
  return STATES[s.state];
}

import type { Actor } from '../audit/history.ts';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction, insertRecord } from '../audit/records.ts';
import { sha256Hex, type BlobStore } from '../blobs/store.ts';
import { extractReadable } from '../capture/extract.ts';
import { textFingerprint } from '../capture/service.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { stripMetadata } from './strip.ts';
import type { OriginalMeta, Vault } from './vault.ts';

/** Largest file an editor may upload. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** A file as it arrived: bytes, the name it had, the type the browser claimed. */
export interface IncomingFile {
  bytes: Uint8Array;
  filename: string;
  declaredType: string;
}

/** Everything an upload needs from the app. */
export interface UploadDeps {
  db: Db;
  blobs: BlobStore;
  vault: Vault;
}

/**
 * Stores an uploaded file as a snapshot of a source. The public copy (what readers and the
 * claim check see) has its identifying metadata stripped; the original is sealed in the vault.
 * A type we cannot clean (anything but JPEG, PNG, WebP, PDF) is refused rather than kept raw.
 */
export async function uploadToSource(deps: UploadDeps, actor: Actor, sourceId: string, file: IncomingFile) {
  if (file.bytes.length === 0) throw new AppError('CUS_VALIDATION', 'The file is empty.');
  if (file.bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError('CUS_PAYLOAD_TOO_LARGE', `Files are limited to ${MAX_UPLOAD_BYTES} bytes.`);
  const source = await deps.db
    .selectFrom('sources')
    .select('id')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  if (!source) throw new AppError('CUS_NOT_FOUND', 'There is no such source.');
  const clean = await stripMetadata(file.bytes, file.declaredType || undefined);
  const publicBytes = Buffer.from(clean.bytes);
  const sha256 = await deps.blobs.put(publicBytes);
  const meta: OriginalMeta = {
    filename: file.filename.slice(0, 300),
    declaredType: file.declaredType.slice(0, 200),
  };
  const envelope = deps.vault.seal(file.bytes, meta);
  const envelopeSha = await deps.blobs.put(envelope);
  const text = (await extractReadable(publicBytes, clean.mediaType)).text;
  return inTransaction(deps.db, async (trx) => {
    const snap = await insertRecord(trx, actor, 'source_snapshots', {
      source_id: sourceId,
      origin: 'upload',
      capture_status: 'captured',
      sha256,
      media_type: clean.mediaType,
      byte_size: publicBytes.length,
      fetched_at: new Date(),
      extracted_text: text,
      text_sha256: textFingerprint(text, sha256),
      attempts: 1,
    });
    await insertRecord(trx, actor, 'upload_originals', {
      snapshot_id: snap.id,
      envelope_sha256: envelopeSha,
      original_sha256: sha256Hex(file.bytes),
      original_size: file.bytes.length,
      key_id: deps.vault.keyId,
      removed: clean.removed,
    });
    return { snapshotId: snap.id, sha256, removed: clean.removed, mediaType: clean.mediaType };
  });
}

/**
 * Opens an original for someone allowed to (the caller checks the permission). Every opening is
 * written to the hash-chained audit log with who and when, whether or not it succeeds.
 */
export async function readOriginal(deps: UploadDeps, actor: Actor, snapshotId: string) {
  const row = await deps.db
    .selectFrom('upload_originals')
    .select(['id', 'envelope_sha256', 'original_sha256'])
    .where('snapshot_id', '=', snapshotId)
    .executeTakeFirst();
  if (!row) throw new AppError('CUS_NOT_FOUND', 'This snapshot was not uploaded, so there is no original.');
  await inTransaction(deps.db, (trx) =>
    appendAudit(trx, {
      actor,
      action: 'evidence.original_read',
      entityType: 'upload_originals',
      entityId: row.id,
      diff: { snapshot_id: snapshotId },
    }),
  );
  const envelope = await deps.blobs.get(row.envelope_sha256);
  if (!envelope) throw new AppError('CUS_NOT_FOUND', 'The sealed original is missing from the blob store.');
  const opened = deps.vault.open(envelope);
  if (sha256Hex(opened.bytes) !== row.original_sha256)
    throw new AppError('CUS_INTERNAL', 'The original does not match its recorded hash.');
  return opened;
}

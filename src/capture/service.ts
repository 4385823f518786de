import type { Actor } from '../audit/history.ts';
import { inTransaction, insertRecord, updateRecord } from '../audit/records.ts';
import { sha256Hex, type BlobStore } from '../blobs/store.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { normaliseForMatch } from '../sources/service.ts';
import { extractReadable } from './extract.ts';
import { fetchPage, FetchError, type FetchedPage, type FetchLimits } from './fetch.ts';

/** Who the audit log names for captures: the job, not the editor who asked for it. */
export const CAPTURE_ACTOR: Actor = 'system:capture';

/** Largest text kept per snapshot; longer documents keep their first 5 million characters. */
const MAX_TEXT = 5_000_000;

/** What one capture attempt did. `retry` means the job should run again later. */
export type CaptureOutcome =
  | { status: 'captured'; change: 'first' | 'unchanged' | 'changed'; sha256: string }
  | { status: 'gone'; httpStatus: number }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string }
  | { status: 'skipped'; reason: string };

/**
 * What two copies of a source are compared by: the SHA-256 of their normalised words, so churning
 * markup (ads, tokens) is not a "change"; a copy without text falls back to its bytes' hash.
 */
export function textFingerprint(text: string | null, bytesSha256: string): string {
  return sha256Hex(Buffer.from(text === null ? bytesSha256 : normaliseForMatch(text)));
}

/**
 * Asks for a fresh capture of a source: a new snapshot row, not yet captured, that the capture
 * job will fill. A capture already waiting is reused rather than doubled.
 */
export async function requestCapture(db: Db, actor: Actor, sourceId: string): Promise<string> {
  return inTransaction(db, async (trx) => {
    const source = await trx
      .selectFrom('sources')
      .select(['id', 'url'])
      .where('id', '=', sourceId)
      .executeTakeFirst();
    if (!source) throw new AppError('CUS_NOT_FOUND', 'There is no such source.');
    if (!source.url) throw new AppError('CUS_VALIDATION', 'This source has no web address to capture.');
    const waiting = await trx
      .selectFrom('source_snapshots')
      .select('id')
      .where('source_id', '=', sourceId)
      .where('capture_status', '=', 'not_yet_captured')
      .executeTakeFirst();
    if (waiting) return waiting.id;
    const row = await insertRecord(trx, actor, 'source_snapshots', {
      source_id: sourceId,
      capture_status: 'not_yet_captured',
    });
    return row.id;
  });
}

/** Snapshots waiting for capture whose source has a web address, oldest first. */
export async function pendingCaptures(db: Db, limit = 500): Promise<string[]> {
  const rows = await db
    .selectFrom('source_snapshots as s')
    .innerJoin('sources as src', 'src.id', 's.source_id')
    .select('s.id')
    .where('s.capture_status', '=', 'not_yet_captured')
    .where('src.url', 'is not', null)
    .orderBy('s.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

async function previousTextHash(
  db: Db,
  sourceId: string,
  exceptId: string,
): Promise<string | null | undefined> {
  const prev = await db
    .selectFrom('source_snapshots')
    .select('text_sha256')
    .where('source_id', '=', sourceId)
    .where('capture_status', '=', 'captured')
    .where('id', '<>', exceptId)
    .orderBy('fetched_at', 'desc')
    .executeTakeFirst();
  return prev === undefined ? undefined : prev.text_sha256;
}

async function storeCaptured(db: Db, blobs: BlobStore, snap: SnapshotToCapture, page: FetchedPage) {
  const sha256 = await blobs.put(page.bytes);
  const extracted = await extractReadable(page.bytes, page.mediaType, page.headers['content-type']);
  const text = extracted.text?.slice(0, MAX_TEXT) ?? null;
  const textSha = textFingerprint(text, sha256);
  const prev = await previousTextHash(db, snap.source_id, snap.id);
  const change: 'first' | 'unchanged' | 'changed' =
    prev === undefined ? 'first' : prev === textSha ? 'unchanged' : 'changed';
  await inTransaction(db, (trx) =>
    updateRecord(trx, CAPTURE_ACTOR, 'source_snapshots', snap.id, {
      capture_status: 'captured',
      sha256,
      media_type: page.mediaType.slice(0, 200),
      byte_size: page.bytes.length,
      fetched_at: new Date(),
      requested_url: page.requestedUrl,
      final_url: page.finalUrl,
      http_status: page.status,
      response_headers: JSON.stringify(page.headers),
      extracted_text: text,
      text_sha256: textSha,
      change,
      error: null,
      attempts: snap.attempts + 1,
    }),
  );
  return { status: 'captured' as const, change, sha256 };
}

interface SnapshotToCapture {
  id: string;
  source_id: string;
  capture_status: string;
  attempts: number;
  url: string | null;
}

async function recordAttempt(db: Db, snap: SnapshotToCapture, patch: Record<string, unknown>) {
  await inTransaction(db, (trx) =>
    updateRecord(trx, CAPTURE_ACTOR, 'source_snapshots', snap.id, { ...patch, attempts: snap.attempts + 1 }),
  );
}

/**
 * Captures one waiting snapshot: fetch within the limits, store the bytes by hash, extract the
 * text and compare with the previous copy. A 404 or 410 marks the original gone (earlier copies
 * stay); a transient failure asks for a retry until `finalAttempt`, then records the failure.
 */
export async function captureSnapshot(
  db: Db,
  blobs: BlobStore,
  snapshotId: string,
  limits: FetchLimits,
  finalAttempt = true,
): Promise<CaptureOutcome> {
  const snap = await db
    .selectFrom('source_snapshots as s')
    .innerJoin('sources as src', 'src.id', 's.source_id')
    .select(['s.id', 's.source_id', 's.capture_status', 's.attempts', 'src.url'])
    .where('s.id', '=', snapshotId)
    .executeTakeFirst();
  if (!snap) return { status: 'skipped', reason: 'the snapshot no longer exists' };
  if (snap.capture_status !== 'not_yet_captured') return { status: 'skipped', reason: 'already captured' };
  if (!snap.url) {
    await recordAttempt(db, snap, { capture_status: 'failed', error: 'The source has no web address.' });
    return { status: 'failed', error: 'no web address' };
  }
  let page: FetchedPage;
  try {
    page = await fetchPage(snap.url, limits);
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    return failOrRetry(db, snap, err.message, err.permanent || finalAttempt);
  }
  if (page.status === 404 || page.status === 410) {
    await recordAttempt(db, snap, {
      capture_status: 'gone',
      http_status: page.status,
      fetched_at: new Date(),
      requested_url: page.requestedUrl,
      final_url: page.finalUrl,
      response_headers: JSON.stringify(page.headers),
      error: null,
    });
    return { status: 'gone', httpStatus: page.status };
  }
  if (page.status < 200 || page.status >= 300)
    return failOrRetry(db, snap, `The site answered HTTP ${page.status}`, finalAttempt);
  return storeCaptured(db, blobs, snap, page);
}

async function failOrRetry(
  db: Db,
  snap: SnapshotToCapture,
  error: string,
  give_up: boolean,
): Promise<CaptureOutcome> {
  if (give_up) {
    await recordAttempt(db, snap, { capture_status: 'failed', error, fetched_at: new Date() });
    return { status: 'failed', error };
  }
  await recordAttempt(db, snap, { error });
  return { status: 'retry', error };
}

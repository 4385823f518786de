// Ingestion: an article (pasted text, a file, or a web address) is recorded as a source with an
// archived snapshot, then a bundle of proposed draft records is built from the snapshot's text
// and stored for review. Nothing is published, and nothing but the bundle is created until an
// editor accepts items (apply.ts).
import type { Actor } from '../audit/history.ts';
import { inTransaction, insertRecord } from '../audit/records.ts';
import type { BlobStore } from '../blobs/store.ts';
import { extractReadable } from '../capture/extract.ts';
import type { FetchLimits } from '../capture/fetch.ts';
import { captureSnapshot, requestCapture, textFingerprint } from '../capture/service.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { saveSource } from '../sources/service.ts';
import { sniffMediaType } from '../uploads/strip.ts';
import { uploadToSource } from '../uploads/service.ts';
import type { Vault } from '../uploads/vault.ts';
import { buildBundle, type ProposedBundle } from './bundle.ts';
import { articleMeta, checkArticle, MAX_ARTICLE_FILE_BYTES, titleFrom, type ArticleMeta } from './input.ts';
import { incidentCandidates, itemCandidates } from './matching.ts';
import { loadTextLibraries } from './nlp.ts';
import { loadGazetteer } from './repository.ts';

/** What ingestion needs from the app. */
export interface IngestDeps {
  db: Db;
  blobs: BlobStore;
  vault?: Vault;
  limits?: FetchLimits;
  /** Queues a capture of the original page (pasted text still gets its address archived). */
  enqueue?: (snapshotId: string) => Promise<void>;
}

export interface IngestResult {
  bundleId: string;
  sourceId: string;
  bundle: ProposedBundle;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The source for an address: the one already recorded for it, or a new one. */
async function sourceFor(db: Db, actor: Actor, meta: ReturnType<typeof parsedMeta>, title: string) {
  if (!meta.url)
    throw new AppError(
      'CUS_VALIDATION',
      'Give the article’s web address: every source must say where it was published (rule R4).',
      [{ field: 'url', message: 'is required' }],
    );
  const existing = await db.selectFrom('sources').select('id').where('url', '=', meta.url).executeTakeFirst();
  if (existing) return existing.id;
  const s = await inTransaction(db, (trx) =>
    saveSource(trx, actor, {
      kind: meta.kind,
      url: meta.url,
      publisher: meta.publisher ?? new URL(meta.url!).hostname.replace(/^www\./, ''),
      title,
      ...(meta.publishedOn ? { publishedOn: meta.publishedOn } : {}),
    }),
  );
  return s.id;
}

const parsedMeta = (meta: ArticleMeta) => parseInput(articleMeta, meta);

/** Stores text the editor gave (pasted, or a text/HTML file) as a snapshot of the source. */
async function storeGiven(
  deps: IngestDeps,
  actor: Actor,
  sourceId: string,
  bytes: Buffer,
  mediaType: string,
  text: string,
) {
  const sha256 = await deps.blobs.put(bytes);
  return inTransaction(deps.db, (trx) =>
    insertRecord(trx, actor, 'source_snapshots', {
      source_id: sourceId,
      origin: 'paste',
      capture_status: 'captured',
      sha256,
      media_type: mediaType,
      byte_size: bytes.length,
      fetched_at: new Date(),
      extracted_text: text,
      text_sha256: textFingerprint(text, sha256),
      attempts: 1,
    }),
  );
}

/** Builds the bundle from a snapshot's text and stores it with its items and match candidates. */
export async function proposeBundle(
  db: Db,
  actor: Actor,
  src: { sourceId: string; snapshotId: string; text: string; title: string; articleDate: string },
): Promise<IngestResult> {
  checkArticle(src.text);
  const gazetteer = await loadGazetteer(db);
  await loadTextLibraries();
  const bundle = buildBundle({ text: src.text, title: src.title, articleDate: src.articleDate, gazetteer });
  const incidents = await incidentCandidates(db, bundle, src.text);
  const candidates = await Promise.all(bundle.items.map((i) => itemCandidates(db, i, gazetteer)));
  const bundleId = await inTransaction(db, async (trx) => {
    const row = await insertRecord(trx, actor, 'ingest_bundles', {
      source_id: src.sourceId,
      snapshot_id: src.snapshotId,
      title: bundle.title,
      article_date: bundle.articleDate,
      active_proceedings: bundle.activeProceedings,
      proposed_status: bundle.proposedStatus,
      summary: JSON.stringify({
        incident: bundle.incident,
        counts: bundle.counts,
        incidentCandidates: incidents,
      }),
      created_by: actor,
    });
    for (const [position, item] of bundle.items.entries())
      await insertRecord(trx, actor, 'ingest_items', {
        bundle_id: row.id,
        position,
        kind: item.kind,
        passage_start: item.passageSpan.start,
        passage_end: item.passageSpan.end,
        passage: item.passage,
        passage_redacted: item.redacted,
        proposed: JSON.stringify(item.proposed),
        reasons: JSON.stringify(item.reasons),
        candidates: JSON.stringify(candidates[position] ?? []),
      });
    return row.id;
  });
  return { bundleId, sourceId: src.sourceId, bundle };
}

/** Ingests pasted text: the source (by its address), a snapshot holding the text, the bundle. */
export async function ingestText(
  deps: IngestDeps,
  actor: Actor,
  text: string,
  meta: ArticleMeta,
): Promise<IngestResult> {
  checkArticle(text);
  const m = parsedMeta(meta);
  const title = titleFrom(text, m.title);
  const sourceId = await sourceFor(deps.db, actor, m, title);
  const snap = await storeGiven(deps, actor, sourceId, Buffer.from(text, 'utf8'), 'text/plain', text);
  // The original page is archived too, in the background, so the claim can point at it later.
  const capture = await requestCapture(deps.db, actor, sourceId);
  await deps.enqueue?.(capture).catch(() => undefined);
  return proposeBundle(deps.db, actor, {
    sourceId,
    snapshotId: snap.id,
    text,
    title,
    articleDate: m.publishedOn ?? today(),
  });
}

/** Ingests a file: a PDF goes through the upload path (metadata stripped, original sealed); HTML and text are read as given. */
export async function ingestFile(
  deps: IngestDeps,
  actor: Actor,
  bytes: Uint8Array,
  filename: string,
  meta: ArticleMeta,
): Promise<IngestResult> {
  if (bytes.length === 0)
    throw new AppError('CUS_VALIDATION', 'The file is empty.', [{ field: 'file', message: 'is empty' }]);
  if (bytes.length > MAX_ARTICLE_FILE_BYTES)
    throw new AppError(
      'CUS_PAYLOAD_TOO_LARGE',
      `Files are limited to ${MAX_ARTICLE_FILE_BYTES / 1024 / 1024} MB.`,
    );
  const m = parsedMeta(meta);
  const sniffed = sniffMediaType(bytes);
  if (sniffed === 'application/pdf') {
    if (!deps.vault)
      throw new AppError('CUS_UNAVAILABLE', 'PDF files need the originals key to be configured.');
    const sourceId = await sourceFor(deps.db, actor, m, m.title ?? filename);
    const up = await uploadToSource({ db: deps.db, blobs: deps.blobs, vault: deps.vault }, actor, sourceId, {
      bytes,
      filename,
      declaredType: 'application/pdf',
    });
    const snap = await deps.db
      .selectFrom('source_snapshots')
      .select('extracted_text')
      .where('id', '=', up.snapshotId)
      .executeTakeFirstOrThrow();
    if (!snap.extracted_text)
      throw new AppError(
        'CUS_VALIDATION',
        'This PDF has no text layer (a scan?): it was kept as a source, but there is nothing to read.',
      );
    return proposeBundle(deps.db, actor, {
      sourceId,
      snapshotId: up.snapshotId,
      text: snap.extracted_text,
      title: titleFrom(snap.extracted_text, m.title),
      articleDate: m.publishedOn ?? today(),
    });
  }
  if (sniffed && sniffed !== 'text/html')
    throw new AppError(
      'CUS_UPLOAD_UNSUPPORTED',
      `This file is ${sniffed}; ingestion reads articles as text, HTML or PDF.`,
    );
  const buf = Buffer.from(bytes);
  if (buf.includes(0)) throw new AppError('CUS_UPLOAD_UNSUPPORTED', 'This file is not text, HTML or PDF.');
  const html = sniffed === 'text/html' || /\.html?$/i.test(filename);
  const extracted = await extractReadable(buf, html ? 'text/html' : 'text/plain');
  const text = extracted.text ?? '';
  checkArticle(text);
  const title = titleFrom(text, m.title ?? extracted.title);
  const sourceId = await sourceFor(deps.db, actor, m, title);
  const snap = await storeGiven(deps, actor, sourceId, buf, html ? 'text/html' : 'text/plain', text);
  return proposeBundle(deps.db, actor, {
    sourceId,
    snapshotId: snap.id,
    text,
    title,
    articleDate: m.publishedOn ?? today(),
  });
}

/** Ingests a web address: captured now (SSRF-guarded, within the capture limits), then read. */
export async function ingestUrl(deps: IngestDeps, actor: Actor, meta: ArticleMeta): Promise<IngestResult> {
  const m = parsedMeta(meta);
  if (!deps.limits) throw new AppError('CUS_UNAVAILABLE', 'Capturing web pages is not configured here.');
  const sourceId = await sourceFor(deps.db, actor, m, m.title ?? m.url ?? 'Untitled article');
  const snapshotId = await requestCapture(deps.db, actor, sourceId);
  const outcome = await captureSnapshot(deps.db, deps.blobs, snapshotId, deps.limits, true);
  if (outcome.status !== 'captured')
    throw new AppError(
      'CUS_VALIDATION',
      `The page could not be captured: ${'error' in outcome ? outcome.error : outcome.status === 'gone' ? `HTTP ${outcome.httpStatus}, the page is gone` : outcome.reason}. Paste the article's text instead.`,
      [{ field: 'url', message: 'could not be captured' }],
    );
  const snap = await deps.db
    .selectFrom('source_snapshots')
    .select(['extracted_text'])
    .where('id', '=', snapshotId)
    .executeTakeFirstOrThrow();
  const text = snap.extracted_text ?? '';
  checkArticle(text);
  const title = titleFrom(text, m.title);
  return proposeBundle(deps.db, actor, {
    sourceId,
    snapshotId,
    text,
    title,
    articleDate: m.publishedOn ?? today(),
  });
}

// The public download (/data): the signed export of `custodiet export`, made by a background job
// and kept in the database (migration 20261206000000), so every instance serves the same files.
// Safety comes first: files made before a change to the records, or on an earlier day (the render
// guard's verdicts move with the date), are not served until a new export replaces them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Ed25519Signer } from '../config/signing.ts';
import type { Db } from '../db/client.ts';
import { sql } from '../db/kysely.ts';
import { MANIFEST, SIGNATURE, type BundleFile } from '../exports/bundle.ts';
import { EXPORT_FORMATS, writeExportBundle } from '../exports/service.ts';
import { guardDay } from '../publication/render-guard.ts';

/**
 * Audit entries about tables that neither the export nor the render guard reads: accounts, API
 * tokens, webhook subscriptions, moderation keys, sealed submissions, capture attempts (a source's
 * archive copies, retried while a site is down), article ingestion drafts, evidence originals and
 * match candidates (a merge itself changes the records). Any other entry after an export's
 * snapshot, a draft's included, pauses its downloads: cheaper to remake the files than to prove that
 * a change touched nothing public. A type belongs here only if no exported column or legal check
 * depends on its table.
 */
export const UNEXPORTED_AUDIT_TYPES = [
  'users',
  'api_tokens',
  'webhook_subscriptions',
  'moderation_keys',
  'submissions',
  'source_snapshots',
  'ingest_bundles',
  'ingest_items',
  'upload_originals',
  'match_candidates',
] as const;

/** Pieces a file is stored in: a download streams them, never holding a whole file. */
export const CHUNK_BYTES = 1 << 20;

/** A data file of the download, with its compressed size. */
export interface DownloadFile extends BundleFile {
  gzipBytes: number;
}

/** The export the download serves. */
export interface PublicExport {
  id: string;
  generatedAt: Date;
  auditSeq: number;
  validOn: string;
  keyId: string;
  publicKey: string;
  files: DownloadFile[];
}

/** How many records an export holds (each is in one file per format). */
export const recordCount = (e: PublicExport) =>
  e.files.filter((f) => f.format === EXPORT_FORMATS[0]).reduce((sum, f) => sum + f.rows, 0);

/** Whether the stored export may be served, and if not why. */
export type DownloadState =
  | { kind: 'none' }
  | { kind: 'current'; export: PublicExport }
  | { kind: 'outdated'; export: PublicExport; reason: 'changed' | 'new-day' };

async function lastAuditSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** The stored export's description, or null before the first. */
export async function storedExport(db: Db): Promise<PublicExport | null> {
  const row = await db
    .selectFrom('public_exports')
    .select(['id', 'generated_at', 'audit_seq', sql<string>`valid_on::text`.as('valid_on'), 'key_id'])
    .select(['public_key', 'files'])
    .orderBy('generated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    generatedAt: row.generated_at,
    auditSeq: Number(row.audit_seq),
    validOn: row.valid_on,
    keyId: row.key_id,
    publicKey: row.public_key,
    files: row.files as unknown as DownloadFile[],
  };
}

/** Whether a change that could touch the public data was recorded after audit entry `seq`. */
async function changedSince(db: Db, seq: number): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '>', String(seq))
    .where('entity_type', 'not in', UNEXPORTED_AUDIT_TYPES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The download's state now: read on every request, never cached, as a withdrawal must stop it at once. */
export async function downloadState(db: Db, now = new Date()): Promise<DownloadState> {
  const stored = await storedExport(db);
  if (!stored) return { kind: 'none' };
  if (stored.validOn !== guardDay(now)) return { kind: 'outdated', export: stored, reason: 'new-day' };
  if (await changedSince(db, stored.auditSeq)) return { kind: 'outdated', export: stored, reason: 'changed' };
  return { kind: 'current', export: stored };
}

/** Gzips a file into pieces of at most `pieceBytes`, handing each to `store` in order. */
async function gzipInPieces(
  file: string,
  pieceBytes: number,
  store: (n: number, bytes: Buffer) => Promise<void>,
): Promise<number> {
  let pending: Buffer[] = [];
  let size = 0;
  let n = 0;
  let total = 0;
  const flush = async () => {
    await store(n++, Buffer.concat(pending));
    pending = [];
    size = 0;
  };
  // Level 9 and no name or time in the header: the same file compresses to the same bytes.
  for await (const part of fs.createReadStream(file).pipe(zlib.createGzip({ level: 9 }))) {
    let buf = part as Buffer;
    total += buf.length;
    while (buf.length > 0) {
      const take = Math.min(buf.length, pieceBytes - size);
      pending.push(buf.subarray(0, take));
      size += take;
      buf = buf.subarray(take);
      if (size === pieceBytes) await flush();
    }
  }
  if (size > 0 || n === 0) await flush();
  return total;
}

/** What a new export needs: the site's export key and address. */
export interface PublishOptions {
  signer: Ed25519Signer;
  publicUrl?: string | undefined;
  now?: Date;
  /** Size of the stored pieces (CHUNK_BYTES; tests make it small to cut files into many). */
  pieceBytes?: number;
}

/**
 * Makes a new signed export of the public data and puts it in place of the stored one, in one
 * transaction: a reader gets the old files or the new ones, never a mix. Returns it.
 */
export async function publishExport(db: Db, opts: PublishOptions): Promise<PublicExport> {
  const now = opts.now ?? new Date();
  const validOn = guardDay(now);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-download-'));
  try {
    let auditSeq = 0;
    const files = await writeExportBundle(db, dir, {
      formats: EXPORT_FORMATS,
      signer: opts.signer,
      publicUrl: opts.publicUrl,
      now,
      onSnapshot: async (trx) => {
        auditSeq = await lastAuditSeq(trx);
      },
    });
    const published: PublicExport = {
      id: crypto.randomUUID(),
      generatedAt: now,
      auditSeq,
      validOn,
      keyId: opts.signer.keyId,
      publicKey: opts.signer.publicKeyBase64,
      files: [],
    };
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('public_exports').execute();
      await trx
        .insertInto('public_exports')
        .values({
          id: published.id,
          generated_at: now,
          audit_seq: String(auditSeq),
          valid_on: validOn,
          manifest: fs.readFileSync(path.join(dir, MANIFEST), 'utf8'),
          signature: fs.readFileSync(path.join(dir, SIGNATURE), 'utf8'),
          key_id: published.keyId,
          public_key: published.publicKey,
          files: JSON.stringify([]),
        })
        .execute();
      for (const f of files) {
        const gzipBytes = await gzipInPieces(
          path.join(dir, f.name),
          opts.pieceBytes ?? CHUNK_BYTES,
          async (n, bytes) => {
            await trx
              .insertInto('public_export_chunks')
              .values({ export_id: published.id, name: f.name, n, bytes })
              .execute();
          },
        );
        published.files.push({ ...f, gzipBytes });
      }
      await trx
        .updateTable('public_exports')
        .set({ files: JSON.stringify(published.files) })
        .where('id', '=', published.id)
        .execute();
    });
    return published;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** manifest.json and manifest.sig of the stored export, exactly as signed. */
export async function exportTexts(
  db: Db,
  id: string,
): Promise<{ manifest: string; signature: string } | null> {
  const row = await db
    .selectFrom('public_exports')
    .select(['manifest', 'signature'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** A stored file's gzip pieces, one query each, in order. */
export async function* filePieces(db: Db, id: string, name: string): AsyncGenerator<Buffer> {
  for (let n = 0; ; n++) {
    const row = await db
      .selectFrom('public_export_chunks')
      .select('bytes')
      .where('export_id', '=', id)
      .where('name', '=', name)
      .where('n', '=', n)
      .executeTakeFirst();
    if (!row) return;
    yield Buffer.from(row.bytes);
  }
}

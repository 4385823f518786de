// The public data export: every public dataset written as CSV, JSON and/or NDJSON into one
// directory, then a signed manifest (bundle.ts). Rows are read in keyset pages and written as
// they come, and each file is hashed while it is written, so nothing is held whole in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client.ts';
import { CSV_BOM, csvRow } from '../http/csv.ts';
import { blockedPages, type Blocked } from './blocked.ts';
import { writeManifest, type BundleFile } from './bundle.ts';
import type { Ed25519Signer } from '../config/signing.ts';
import { RECORD_DATASETS, type Dataset, type Row } from './datasets.ts';
import { corrections, forces, policePowersEvents, units } from './reference-datasets.ts';

/** A file format of the export. */
export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** Every format, in the order files are listed. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

/** Every dataset, in the order files are written and listed. */
export const DATASETS: readonly Dataset[] = [
  ...RECORD_DATASETS,
  forces,
  units,
  corrections,
  policePowersEvents,
];

const PAGE_SIZE = 1000;

/** How one format frames a file: what comes first, each record, and what closes it. */
interface Framing {
  start(columns: readonly string[]): string;
  record(record: Row, columns: readonly string[], index: number): string;
  end(rows: number): string;
}

const FRAMING: Record<ExportFormat, Framing> = {
  // UTF-8 with a byte order mark and CRLF, every cell formula-neutralised (src/http/csv.ts).
  csv: {
    start: (columns) => CSV_BOM + csvRow(columns),
    record: (r, columns) => csvRow(columns.map((c) => r[c])),
    end: () => '',
  },
  // One array per file, one record per line so the file stays readable and diffable.
  json: {
    start: () => '[',
    record: (r, _c, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`,
    end: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  },
  ndjson: { start: () => '', record: (r) => `${JSON.stringify(r)}\n`, end: () => '' },
};

/** A file being written: its bytes are counted and hashed on the way out. */
class HashedFile {
  private readonly hash = crypto.createHash('sha256');
  bytes = 0;
  constructor(
    private readonly fd: number,
    readonly name: string,
  ) {}

  write(text: string): void {
    if (text === '') return;
    const buf = Buffer.from(text, 'utf8');
    this.hash.update(buf);
    this.bytes += buf.length;
    fs.writeSync(this.fd, buf);
  }

  close(): string {
    fs.closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/** Only the dataset's columns, dates as ISO 8601: hidden `_` columns never reach a file (nor the API). */
export function toRecord(row: Row, columns: readonly string[]): Row {
  const out: Row = {};
  for (const c of columns) {
    const v = row[c];
    out[c] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : (v ?? null);
  }
  return out;
}

/** Every kept row of a dataset, page by page. */
async function* datasetRows(db: Db, dataset: Dataset, blocked: Blocked): AsyncGenerator<Row> {
  let last: string | null = null;
  for (;;) {
    const page = await dataset.page(db, last, PAGE_SIZE);
    for (const row of page) {
      if (dataset.keep && !dataset.keep(row, blocked)) continue;
      yield toRecord(dataset.shape ? dataset.shape(row, blocked) : row, dataset.columns);
    }
    if (page.length < PAGE_SIZE) return;
    last = dataset.key(page[page.length - 1]!);
  }
}

/** Writes one dataset in each format; returns the files' manifest entries. */
async function writeDataset(
  db: Db,
  dir: string,
  dataset: Dataset,
  formats: readonly ExportFormat[],
  blocked: Blocked,
): Promise<BundleFile[]> {
  const files = formats.map((format) => {
    const name = `${dataset.name}.${format}`;
    // 'wx': never overwrite; the directory was checked empty, so a clash is a bug or a race.
    const file = new HashedFile(fs.openSync(path.join(dir, name), 'wx', 0o644), name);
    file.write(FRAMING[format].start(dataset.columns));
    return { format, file };
  });
  let rows = 0;
  try {
    for await (const record of datasetRows(db, dataset, blocked)) {
      for (const { format, file } of files) file.write(FRAMING[format].record(record, dataset.columns, rows));
      rows++;
    }
    for (const { format, file } of files) file.write(FRAMING[format].end(rows));
  } catch (err) {
    for (const { file } of files) file.close();
    throw err;
  }
  const digests = files.map(({ file }) => file.close());
  return files.map(({ format, file }, i) => ({
    name: file.name,
    dataset: dataset.name,
    format,
    rows,
    bytes: file.bytes,
    sha256: digests[i]!,
  }));
}

/** What to export and how to sign it. */
export interface ExportOptions {
  formats: readonly ExportFormat[];
  signer: Ed25519Signer;
  /** The site's public address (PUBLIC_URL), recorded so paths in the files can be resolved. */
  publicUrl?: string | undefined;
  now?: Date;
  /** Called first inside the export's snapshot, to note what else that snapshot sees. */
  onSnapshot?: (trx: Db) => Promise<void>;
}

/**
 * Writes the public data export into `dir` (created if absent; refused unless empty, since a
 * bundle is exactly its listed files): one file per dataset and format, then manifest.json and
 * manifest.sig. Returns the files written (manifest and signature not included).
 */
export async function writeExportBundle(db: Db, dir: string, opts: ExportOptions): Promise<BundleFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty: an export needs an empty directory.`);
  // One snapshot for every file, so an allegation's incident is in incidents.* and the files
  // agree with each other even while editors publish during a long export.
  const files = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await opts.onSnapshot?.(trx);
      const blocked = await blockedPages(trx);
      const written: BundleFile[] = [];
      for (const dataset of DATASETS)
        written.push(...(await writeDataset(trx, dir, dataset, opts.formats, blocked)));
      return written;
    });
  writeManifest(dir, files, opts);
  return files;
}

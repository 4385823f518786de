import path from 'node:path';
import type { z } from 'zod';
import { appendAudit } from '../audit/chain.ts';
import { inTransaction } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import {
  csvRecords,
  fileFacts,
  ImportFileError,
  ImportRowError,
  jsonRecords,
  type Encoding,
  type RowError,
} from './read.ts';
import type { RecordCounts, RecordScope } from './records.ts';

/** Where a dataset comes from, recorded once per dataset as a source of kind 'dataset'. */
export interface DatasetInfo {
  publisher: string;
  title: string;
  licence: string;
  /** The dataset's public page. */
  url?: string;
  /** What a newer file of the same scope replaces (e.g. one force's month), if anything. */
  scope?: string;
}

/**
 * What a format may use while writing: the file being imported (its dataset source and row, for
 * provenance and record ids), counts of records written, and state from `prepare`.
 */
export interface ImportContext<S> extends RecordScope {
  fileName: string;
  state: S;
  /**
   * Reports a row that is valid on its own but not in the database (a unit that does not exist, a
   * key already given earlier in the file): the file then fails with this problem in its report.
   */
  reject(line: number, column: string, message: string): void;
}

/** One validated row as `write` receives it: its position (row 1 = first after the header), the line it ends on. */
export interface ImportRow<T> {
  row: number;
  line: number;
  value: T;
}

/** What some formats are told besides the file: `--mapping` (its JSON text) and `--force`. */
export interface FormatSettings {
  mapping?: string;
  force?: string;
}

/** The settings a format is given are wrong (a bad mapping); every problem is listed. */
export class FormatSettingsError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
  }
}

/**
 * One importable format. Rows are validated one by one (zod, field messages) and written in
 * batches; the whole file is one transaction, so any bad row leaves the database unchanged.
 */
export interface ImportFormat<T, S = unknown> {
  id: string;
  title: string;
  /** Columns the header must contain (others are ignored). */
  columns: readonly string[];
  /** Further header checks (columns whose names vary); throws ImportFileError. */
  checkHeader?(columns: string[]): void;
  /** The dataset and scope, from the file's name; throws ImportFileError when it cannot tell. */
  dataset(fileName: string): DatasetInfo;
  /**
   * Looks up what every row needs (the force, …) once; throws ImportFileError if impossible.
   * `scope` is the dataset source and file being imported (for records of an earlier file).
   */
  prepare(trx: Db, fileName: string, scope: RecordScope): Promise<S>;
  /** One record's fields → the row to write. */
  row: z.ZodType<T>;
  /**
   * Checks a valid row against what `prepare` found (an id another file must have brought), so
   * the report names the row's line and column; returns the problems (none: the row is fine).
   */
  check?(value: T, ctx: ImportContext<S>): { column: string; message: string }[];
  /** Writes one batch; `line` is where each row ends in the file (for ImportRowError and `reject`). */
  write(trx: Db, rows: ImportRow<T>[], ctx: ImportContext<S>): Promise<void>;
  /**
   * How the file is read: CSV by header name (default), or a JSON array of objects flattened into
   * the same named fields (`flatten`), so one row schema serves both.
   */
  json?: { flatten: (o: Record<string, unknown>) => Record<string, string> };
  /**
   * Formats whose files of the same scope hold the same records (police.uk's CSV and API JSON of one
   * force and month): a new file of the scope replaces a file of any of them. Defaults to this one.
   */
  scopeFormats?: readonly string[];
  /** Rows per `write` call (default 1,000): larger batches mean fewer round trips for wide files. */
  batchSize?: number;
  /** Runs once after the last batch, in the same transaction (set-based follow-ups). */
  finish?(trx: Db, ctx: ImportContext<S>): Promise<void>;
  /** Settings the format takes; `mapping` listed here means it cannot run without one. */
  settings?: { mapping?: 'required'; force?: 'optional' };
  /** The format set up with its settings; throws FormatSettingsError listing every problem. */
  configure?(settings: FormatSettings): ImportFormat<T, S>;
}

/** Options of one import run. */
export interface ImportOptions {
  actor: string;
  dryRun?: boolean;
  encoding?: Encoding;
  /** When the file was obtained from its publisher (defaults to today). */
  retrievedOn?: string;
  /** Called with bytes read so far, for a progress display. */
  onBytes?: (bytesRead: number, total: number, rows: number) => void;
}

/** What happened. 'unchanged': this exact file was imported before; nothing was written. */
export interface ImportReport {
  status: 'imported' | 'replaced' | 'unchanged' | 'failed' | 'checked';
  format: string;
  rows: number;
  errors: RowError[];
  sha256: string;
  fileId?: string;
  /** Records created and updated, by kind (formats that write Custodiet records). */
  records: RecordCounts;
}

const BATCH = 1000;
/** Errors kept for the report; a file with more is hopeless and the first ones say why. */
const MAX_ERRORS = 10_000;

class Rollback extends Error {}

function pushError(errors: RowError[], e: RowError): void {
  if (errors.length < MAX_ERRORS) errors.push(e);
}

/** Imports one file, all or nothing; re-importing the same file changes nothing. */
export async function runImport<T, S>(
  db: Db,
  format: ImportFormat<T, S>,
  file: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  const facts = await fileFacts(file);
  const fileName = path.basename(file);
  const base = { format: format.id, sha256: facts.sha256, rows: 0, errors: [] as RowError[], records: {} };
  const seen = await db
    .selectFrom('dataset_files')
    .select('id')
    .where('format', '=', format.id)
    .where('sha256', '=', facts.sha256)
    .executeTakeFirst();
  if (seen) return { ...base, status: 'unchanged', fileId: seen.id };
  const report: ImportReport = { ...base, status: opts.dryRun ? 'checked' : 'imported' };
  try {
    const info = format.dataset(fileName);
    await inTransaction(db, async (trx) => {
      const replaced = info.scope
        ? await dropScope(trx, format.scopeFormats ?? [format.id], info.scope)
        : false;
      const { sourceId, fileId } = await recordFile(trx, format.id, info, { ...facts, fileName }, opts);
      const scope = { sourceId, fileId, counts: report.records, lastWritten: new Map<string, string>() };
      const ctx: ImportContext<S> = {
        ...scope,
        fileName,
        state: await format.prepare(trx, fileName, scope),
        reject: (line, column, message) => pushError(report.errors, { line, column, message }),
      };
      report.rows = await streamRows(trx, format, file, ctx, report.errors, opts, facts.size);
      if (report.errors.length === 0) await format.finish?.(trx, ctx);
      if (report.errors.length > 0 || opts.dryRun) throw new Rollback();
      await trx
        .updateTable('dataset_files')
        .set({ rows_imported: report.rows })
        .where('id', '=', fileId)
        .execute();
      await appendAudit(trx, {
        actor: opts.actor,
        action: 'dataset.import',
        entityType: 'dataset_files',
        entityId: fileId,
        diff: {
          format: format.id,
          file: fileName,
          sha256: facts.sha256,
          rows: report.rows,
          replaced,
          records: report.records,
        },
      });
      report.fileId = fileId;
      if (replaced) report.status = 'replaced';
    });
  } catch (err) {
    if (err instanceof ImportRowError)
      report.errors.push({ line: err.line, column: err.column, message: err.message });
    else if (err instanceof ImportFileError)
      report.errors.push({ line: 0, column: '', message: err.message });
    else if (!(err instanceof Rollback)) throw err;
  }
  if (report.errors.length > 0) report.status = 'failed';
  return report;
}

/** Removes an earlier file of the same scope (and, by cascade, its rows). */
async function dropScope(trx: Db, formats: readonly string[], scope: string): Promise<boolean> {
  const r = await trx
    .deleteFrom('dataset_files')
    .where('format', 'in', formats)
    .where('scope', '=', scope)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The dataset's source (found by publisher and title, or made) and this file's row. */
async function recordFile(
  trx: Db,
  format: string,
  info: DatasetInfo,
  f: { sha256: string; size: number; fileName: string },
  opts: ImportOptions,
): Promise<{ sourceId: string; fileId: string }> {
  const existing = await trx
    .selectFrom('sources')
    .select('id')
    .where('kind', '=', 'dataset')
    .where('publisher', '=', info.publisher)
    .where('title', '=', info.title)
    .executeTakeFirst();
  const sourceId =
    existing?.id ??
    (
      await trx
        .insertInto('sources')
        .values({
          kind: 'dataset',
          publisher: info.publisher,
          title: info.title,
          licence: info.licence,
          url: info.url ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const row = await trx
    .insertInto('dataset_files')
    .values({
      source_id: sourceId,
      format,
      scope: info.scope ?? null,
      file_name: f.fileName,
      sha256: f.sha256,
      byte_size: f.size,
      retrieved_on: opts.retrievedOn ?? new Date().toISOString().slice(0, 10),
      rows_imported: 0,
      imported_by: opts.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { sourceId, fileId: row.id };
}

/** Reads, validates and writes every row; returns how many records were read. */
async function streamRows<T, S>(
  trx: Db,
  format: ImportFormat<T, S>,
  file: string,
  ctx: ImportContext<S>,
  errors: RowError[],
  opts: ImportOptions,
  total: number,
): Promise<number> {
  const fail = (e: RowError) => pushError(errors, e);
  let bytes = 0;
  let rows = 0;
  let batch: ImportRow<T>[] = [];
  let headerChecked = false;
  const read = {
    encoding: opts.encoding ?? 'utf-8',
    onError: fail,
    onBytes: (n: number) => {
      bytes += n;
      opts.onBytes?.(bytes, total, rows);
    },
  } as const;
  const records = format.json
    ? jsonRecords(file, { ...read, flatten: format.json.flatten })
    : csvRecords(file, read);
  for await (const rec of records) {
    if (!headerChecked) {
      const missing = format.columns.filter((c) => !(c in rec.fields));
      if (missing.length > 0)
        throw new ImportFileError(
          `The header lacks ${missing.map((m) => `"${m}"`).join(', ')}: is this a ${format.title} file?`,
        );
      format.checkHeader?.(Object.keys(rec.fields));
      headerChecked = true;
    }
    rows++;
    const parsed = format.row.safeParse(rec.fields);
    if (!parsed.success) {
      for (const i of parsed.error.issues)
        fail({ line: rec.line, column: String(i.path[0] ?? ''), message: i.message });
      continue;
    }
    const problems = format.check?.(parsed.data, ctx) ?? [];
    for (const p of problems) fail({ line: rec.line, ...p });
    if (problems.length > 0) continue;
    // After the first error nothing will be kept: validate the rest (to report them) but write no more.
    if (errors.length > 0) continue;
    batch.push({ row: rec.row, line: rec.line, value: parsed.data });
    if (batch.length >= (format.batchSize ?? BATCH)) {
      await format.write(trx, batch, ctx);
      batch = [];
    }
  }
  if (!headerChecked && errors.length === 0) throw new ImportFileError('The file has no data rows.');
  if (batch.length > 0 && errors.length === 0) await format.write(trx, batch, ctx);
  return rows;
}

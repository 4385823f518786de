// Helpers for the importer tests: files in a private folder (names matter to some formats), the
// fixture parsed independently (csv-parse's synchronous API, in plain JS), row counts, edited
// copies of a fixture, and the public export of whatever is published.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { after, before } from 'node:test';
import { sql } from '../../src/db/kysely.ts';
import { ed25519Signer } from '../../src/config/signing.ts';
import type { Db } from '../../src/db/client.ts';
import { writeExportBundle } from '../../src/exports/service.ts';
import {
  runImport,
  type ImportFormat,
  type ImportOptions,
  type ImportReport,
} from '../../src/imports/framework.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { filesUnder } from './dump.ts';

export type CsvRow = Record<string, string>;

/**
 * A database for the tests of one file or `describe` block: made before them, closed after.
 * `db` and `database` read it once the tests run.
 */
export function testDatabaseFor(): { readonly db: Db; readonly database: TestDatabase } {
  let t: TestDatabase | undefined;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => {
    await t?.close();
  });
  return {
    get db() {
      return t!.db;
    },
    get database() {
      return t!;
    },
  };
}

/**
 * A private folder for one test file's inputs, removed after them (or by `cleanup`); `file`
 * writes one in a sub-folder of its own, so a name can be reused.
 */
export function scratch(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `custodiet-${prefix}-`));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  after(cleanup);
  return {
    dir,
    file(name: string, content: string | Buffer): string {
      const p = path.join(fs.mkdtempSync(path.join(dir, 'f-')), name);
      fs.writeFileSync(p, content);
      return p;
    },
    cleanup,
  };
}

/** The independent reading of a fixture: csv-parse's synchronous API, records by header name. */
export function parseCsv(text: string | Buffer): CsvRow[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
}

/** A CSV file's rows by header name, parsed independently of the importer. */
export function readCsv(file: string): CsvRow[] {
  return parseCsv(fs.readFileSync(file, 'utf8'));
}

/** A CSV cell always quoted, as the Washington Post writes every field. */
const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
/** A CSV cell quoted only when it must be (as R's write_csv does). */
const minimal = (v: string) => (/[",\n\r]/.test(v) ? quoted(v) : v);

/** CSV text of rows (header from the first row's keys, or `header`). */
export function toCsv(rows: CsvRow[], opts: { header?: string[]; quoteAll?: boolean } = {}): string {
  const header = opts.header ?? Object.keys(rows[0] ?? {});
  const cell = opts.quoteAll ? quoted : minimal;
  return (
    [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((l) => l.map(cell).join(',')).join('\n') +
    '\n'
  );
}

/** Header line and data lines of a CSV whose records are one line each. */
export function csvLines(text: string): { header: string; lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const [header, ...lines] = text.split(eol).filter((l) => l !== '');
  return { header: header!, lines, eol };
}

/** Rows in a table (optionally those matching a SQL condition). */
export async function countRows(db: Db, table: string, where = 'true'): Promise<number> {
  const { rows } = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Counts of a SQL query's first column's values (`SELECT code, count(*) … GROUP BY 1`). */
export async function grouped(db: Db, query: string): Promise<Map<string, number>> {
  const { rows } = await sql.raw<{ k: string; n: string }>(query).execute(db);
  return new Map(rows.map((r) => [String(r.k), Number(r.n)]));
}

/** Counts by key of a list, in plain JS (the independent side of a comparison). */
export function tally<T>(items: T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Marks records published the way an editor's move would leave them (state and time). */
export async function markPublished(db: Db, table: 'incidents' | 'allegations' | 'officers', ids: string[]) {
  await sql`UPDATE ${sql.table(table)} SET publication_state = 'published', published_at = now()
    WHERE id IN (${sql.join(ids)})`.execute(db);
}

/** Every byte of a fresh public export (CSV, JSON, NDJSON), as text. */
export async function exportedText(db: Db): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-import-export-'));
  try {
    await writeExportBundle(db, path.join(dir, 'bundle'), {
      formats: ['csv', 'json', 'ndjson'],
      signer: ed25519Signer(crypto.randomBytes(32)),
    });
    return filesUnder(path.join(dir, 'bundle'))
      .map((f) => f.bytes.toString('utf8'))
      .join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Row counts of the given tables, read in one statement. */
export async function tableCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const { rows } = await sql<Record<string, string>>`SELECT ${sql.join(
    tables.map((t) => sql`(SELECT count(*) FROM ${sql.table(t)}) AS ${sql.ref(t)}`),
  )}`.execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** Imports a file and insists that it imported (the first problems are the failure message). */
export async function importOk(
  db: Db,
  format: ImportFormat<unknown, unknown>,
  file: string,
  opts: ImportOptions = { actor: 'test:import' },
): Promise<ImportReport> {
  const r = await runImport(db, format, file, opts);
  assert.ok(
    r.status === 'imported' || r.status === 'replaced',
    `${format.id}: ${JSON.stringify(r.errors.slice(0, 3))}`,
  );
  return r;
}

/** The dataset id → record map of one kind, as external id → entity id. */
export async function linksOf(db: Db, kind: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('dataset_records')
    .select(['external_id', 'entity_id'])
    .where('record_kind', '=', kind)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.entity_id]));
}

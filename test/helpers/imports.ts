// Helpers for tests of dataset importers: the fixture parsed independently (csv-parse's
// synchronous API, in plain JS), table counts in one query, and edited copies of a fixture.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Db } from '../../src/db/client.ts';
import {
  runImport,
  type ImportFormat,
  type ImportOptions,
  type ImportReport,
} from '../../src/imports/framework.ts';

export type CsvRow = Record<string, string>;

/** A CSV file's rows by header name, parsed independently of the importer. */
export function readCsv(file: string): CsvRow[] {
  return parse(fs.readFileSync(file, 'utf8'), { columns: true, bom: true }) as CsvRow[];
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

/** Where a test writes its edited files: one temporary folder per test file, removed by `cleanup`. */
export function scratch(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `custodiet-${prefix}-`));
  return {
    /** Writes `content` under `name` in a folder of its own (so a name can be reused). */
    file(name: string, content: string | Buffer): string {
      const p = path.join(fs.mkdtempSync(path.join(dir, 'f-')), name);
      fs.writeFileSync(p, content);
      return p;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
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

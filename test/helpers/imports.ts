// Helpers for the importer tests: files in a private folder (names matter to some formats), an
// independent parse of a fixture, row counts, and the public export of whatever is published.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { after, before } from 'node:test';
import { sql } from 'kysely';
import { ed25519Signer } from '../../src/config/signing.ts';
import type { Db } from '../../src/db/client.ts';
import { writeExportBundle } from '../../src/exports/service.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { filesUnder } from './dump.ts';

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

/** A private folder for one test file's inputs (removed after them); `file` writes one in a sub-folder of its own. */
export function scratch(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `custodiet-${prefix}-`));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name: string, content: string | Buffer): string {
      const sub = fs.mkdtempSync(path.join(dir, 'f-'));
      const p = path.join(sub, name);
      fs.writeFileSync(p, content);
      return p;
    },
  };
}

/** The independent reading of a fixture: csv-parse's synchronous API, records by header name. */
export function parseCsv(text: string | Buffer): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
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

// Whole-database and whole-folder dumps, for tests that prove something is stored nowhere: a
// client address, a submission's plain text, a photo's GPS block.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/db/client.ts';

/**
 * Every row of every table in every schema (public, the job queue's, any other) as text. bytea
 * columns print as hex, so `containsText` looks for the hex form of a needle too.
 */
export async function dumpDatabase(db: Db): Promise<string> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2`.execute(db);
  const parts: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{
      row: string;
    }>`SELECT t::text AS row FROM ${sql.id(t.schema, t.name)} t`.execute(db);
    parts.push(`-- ${t.schema}.${t.name}`, ...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

/** The bytes of every file under a folder (recursively); none when it does not exist. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file, bytes: fs.readFileSync(file) };
    });
}

/** True when the text or bytes contain the needle as UTF-8, or as the hex a bytea column prints. */
export function containsText(haystack: string | Buffer, needle: string): boolean {
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  if (typeof haystack === 'string') return haystack.includes(needle) || haystack.toLowerCase().includes(hex);
  return haystack.includes(Buffer.from(needle, 'utf8')) || haystack.includes(Buffer.from(hex, 'latin1'));
}

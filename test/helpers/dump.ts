// Whole-database and whole-folder dumps, for tests that prove something is stored nowhere: a
// client address, a submission's plain text, a photo's GPS block.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from '../../src/db/kysely.ts';
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

// Words, and the stretches of text they stand together in: a phrase never spans a comma, quote,
// bracket or line break (two fields or two rows that happen to end and begin with its words).
const WORD = /[\p{L}\p{N}'’.-]+/gu;
const STRETCH = /[\p{L}\p{N}'’. \t-]+/gu;
const norm = (w: string) => w.toLowerCase().replace(/’/g, "'").replace(/\.$/, '');
const words = (s: string) => (s.match(WORD) ?? []).map(norm);

/**
 * Which of many phrases (thousands of names) occur in a large text as whole words, in order,
 * case-insensitively and whatever the apostrophe: one pass over the text's words, not one
 * search of the whole text per phrase.
 */
export function phrasesIn(haystack: string, phrases: string[]): string[] {
  const hay: string[] = [];
  const stretch: number[] = [];
  let n = 0;
  for (const m of haystack.matchAll(STRETCH)) {
    for (const w of words(m[0])) {
      hay.push(w);
      stretch.push(n);
    }
    n++;
  }
  const at = new Map<string, number[]>();
  hay.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(i);
    else at.set(w, [i]);
  });
  return phrases.filter((p) => {
    const ws = words(p);
    if (ws.length === 0) return false;
    return (at.get(ws[0]!) ?? []).some((i) =>
      ws.every((w, k) => hay[i + k] === w && stretch[i + k] === stretch[i]),
    );
  });
}

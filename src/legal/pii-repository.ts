import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { CLAIM_COLUMN_OF, type PublishableTable } from '../publication/service.ts';

/**
 * The public text of a record that the personal-detail scanner reads: its own free-text
 * fields and the passages quoted from its sources.
 */
const TEXT_COLUMNS: Record<PublishableTable, string[]> = {
  incidents: ['title', 'summary', 'place'],
  allegations: ['summary'],
  officers: ['published_name'],
  statements: ['summary', 'quote', 'speaker_role'],
};
/** The texts of one record that will be public. */
export function publicTexts(db: Db, table: PublishableTable, id: string): Promise<string[]> {
  return publicTextsOf(db, table, [id]);
}

/** The public texts of several records of one table, in two queries whatever their number. */
export async function publicTextsOf(db: Db, table: PublishableTable, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const cols = TEXT_COLUMNS[table];
  const { rows } = await sql<Record<string, string | null>>`
    SELECT ${sql.join(cols.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE id = ANY(${ids}::uuid[])`.execute(
    db,
  );
  const claims = await sql<{ quoted_passage: string | null; passage_note: string | null }>`
    SELECT quoted_passage, passage_note FROM claims WHERE ${sql.ref(CLAIM_COLUMN_OF[table])} = ANY(${ids}::uuid[])`.execute(
    db,
  );
  return [
    ...rows.flatMap((r) => cols.map((c) => r[c])),
    ...claims.rows.flatMap((c) => [c.quoted_passage, c.passage_note]),
  ].filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** The reviewed allowlist plus every station's public front-counter address. */
export async function allowedTexts(db: Db): Promise<string[]> {
  const [list, stations] = await Promise.all([
    db.selectFrom('pii_allowlist').select('text').execute(),
    db.selectFrom('station_addresses').select(['address_line', 'locality', 'postcode']).execute(),
  ]);
  return [
    ...list.map((r) => r.text),
    ...stations.map((s) => [s.address_line, s.locality, s.postcode].filter(Boolean).join(', ')),
  ];
}

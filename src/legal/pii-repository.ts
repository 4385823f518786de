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
  return [...(await publicTextsById(db, table, ids)).values()].flat();
}

/** The public texts of several records of one table, per record, in two queries. */
export async function publicTextsById(
  db: Db,
  table: PublishableTable,
  ids: string[],
): Promise<Map<string, string[]>> {
  const out = new Map(ids.map((id) => [id, [] as string[]]));
  if (ids.length === 0) return out;
  const cols = TEXT_COLUMNS[table];
  const claimColumn = CLAIM_COLUMN_OF[table];
  const { rows } = await sql<Record<string, string | null>>`
    SELECT id, ${sql.join(cols.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE id = ANY(${ids}::uuid[])`.execute(
    db,
  );
  const claims = await sql<{ id: string; quoted_passage: string | null; passage_note: string | null }>`
    SELECT ${sql.ref(claimColumn)} AS id, quoted_passage, passage_note FROM claims
    WHERE ${sql.ref(claimColumn)} = ANY(${ids}::uuid[])`.execute(db);
  const add = (id: string | null, texts: (string | null)[]) =>
    out.get(id ?? '')?.push(...texts.filter((t): t is string => typeof t === 'string' && t.length > 0));
  for (const r of rows)
    add(
      r.id ?? null,
      cols.map((c) => r[c] ?? null),
    );
  for (const c of claims.rows) add(c.id, [c.quoted_passage, c.passage_note]);
  return out;
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

// Reads for the editor. Table and column names come from the entity registry, never from input.
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import type { ChildDef, EntityDef, Row } from './entity.ts';

const PAGE = 100;
// A merged record lives on only so its merge can be undone: lists show the survivor alone.
const MERGEABLE = new Set(['officers', 'incidents']);

function order(def: EntityDef) {
  const col = def.orderBy ?? 'created_at';
  return col === 'created_at' ? sql`${sql.ref(col)} DESC, id` : sql`${sql.ref(col)} NULLS LAST, id`;
}

/** One record by id, every column. */
export async function getRow(db: Db, table: string, id: string): Promise<Row | undefined> {
  const { rows } = await sql<Row>`SELECT * FROM ${sql.ref(table)} WHERE id = ${id}`.execute(db);
  return rows[0];
}

/** A page of records of one kind, optionally in one publication state. */
export async function listRows(
  db: Db,
  def: EntityDef,
  state: string | undefined,
  page: number,
): Promise<{ rows: Row[]; more: boolean }> {
  const conds = [
    ...(def.publishable && state ? [sql`publication_state = ${state}`] : []),
    ...(MERGEABLE.has(def.type) ? [sql`merged_into IS NULL`] : []),
  ];
  const where = conds.length > 0 ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const { rows } = await sql<Row>`
    SELECT * FROM ${sql.ref(def.type)} ${where} ORDER BY ${order(def)}
    LIMIT ${PAGE + 1} OFFSET ${(page - 1) * PAGE}`.execute(db);
  return { rows: rows.slice(0, PAGE), more: rows.length > PAGE };
}

/** The records of a child kind that point at a record. */
export async function childRows(db: Db, child: ChildDef, def: EntityDef, id: string): Promise<Row[]> {
  const { rows } = await sql<Row>`
    SELECT * FROM ${sql.ref(child.type)} WHERE ${sql.ref(child.column)} = ${id} ORDER BY ${order(def)}`.execute(
    db,
  );
  return rows;
}

/** Record counts per kind, and per publication state for publishable kinds. */
export async function dashboardCounts(db: Db, defs: EntityDef[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const def of defs) {
    const col = def.publishable ? sql`publication_state` : sql`'all'`;
    const where = MERGEABLE.has(def.type) ? sql`WHERE merged_into IS NULL` : sql``;
    const { rows } = await sql<{ state: string; n: number }>`
      SELECT ${col} AS state, count(*)::int AS n FROM ${sql.ref(def.type)} ${where} GROUP BY 1`.execute(db);
    out.set(def.type, new Map(rows.map((r) => [r.state, r.n])));
  }
  return out;
}

/** Claims on a record, with their source. */
export function claimsOn(db: Db, column: string, id: string) {
  return db
    .selectFrom('claims as c')
    .innerJoin('sources as s', 's.id', 'c.source_id')
    .select([
      'c.id',
      'c.field',
      'c.quoted_passage',
      'c.passage_note',
      'c.stance',
      's.title',
      's.publisher',
      's.url',
    ])
    .where(sql.ref(`c.${column}`), '=', id)
    .orderBy('c.created_at')
    .execute();
}

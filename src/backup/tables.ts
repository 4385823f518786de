import { sql } from '../db/kysely.ts';
import type { AnyKysely } from '../db/client.ts';

/** What a backup needs to know about one table. */
export interface TableInfo {
  name: string;
  /** Columns a restore writes (generated columns are recomputed by the database). */
  writable: string[];
  /** Generated columns: left out of backups, whose content must not depend on the backend's version. */
  generated: string[];
  primaryKey: { name: string; type: string }[];
  identity: string[];
}

// Tables whose rows the migrations themselves insert: a restore replaces them rather than
// requiring them to be empty.
export const MIGRATION_SEEDED = new Set([
  'taxonomies',
  'taxonomy_terms',
  'taxonomy_mappings',
  'forces',
  'gazetteer_entries',
]);
// Migration bookkeeping is compared, not copied. Derived tables are left out: a restore's inserts
// rebuild them through the triggers that maintain them (src/migrations/20261201060000_scope_tallies.sql).
// The public download's files are remade by its job from the restored records (src/downloads/).
const EXCLUDED = new Set([
  'schema_migrations',
  'scope_incident_tallies',
  'scope_year_tallies',
  'scope_standard_tallies',
  'public_counts',
  'public_exports',
  'public_export_chunks',
]);

/** Every application table with its columns and keys, in a stable order. */
export async function describeTables(db: AnyKysely): Promise<TableInfo[]> {
  const { rows: cols } = await sql<{
    table_name: string;
    column_name: string;
    is_generated: string;
    is_identity: string;
  }>`
    SELECT c.table_name, c.column_name, c.is_generated, c.is_identity
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const { rows: pks } = await sql<{ table_name: string; column_name: string; type: string }>`
    SELECT tc.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_index i
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace AND n.nspname = 'public'
    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
    JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum = k.attnum
    WHERE i.indisprimary
    ORDER BY tc.relname, k.ord`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    if (EXCLUDED.has(c.table_name)) continue;
    const t = tables.get(c.table_name) ?? {
      name: c.table_name,
      writable: [],
      generated: [],
      primaryKey: [],
      identity: [],
    };
    if (c.is_generated === 'ALWAYS') t.generated.push(c.column_name);
    else t.writable.push(c.column_name);
    if (c.is_identity === 'YES') t.identity.push(c.column_name);
    tables.set(c.table_name, t);
  }
  for (const pk of pks) tables.get(pk.table_name)?.primaryKey.push({ name: pk.column_name, type: pk.type });
  for (const t of tables.values()) {
    if (t.primaryKey.length === 0)
      throw new Error(`Table ${t.name} has no primary key; backups need one to order rows`);
  }
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const ident = (name: string) => sql.ref(name);
// Text keys sort byte-wise so both backends, whatever their default collation, list rows alike.
const keyExpr = (k: { name: string; type: string }) =>
  /^(text|character varying|character)/.test(k.type) ? sql`${ident(k.name)} COLLATE "C"` : ident(k.name);

/**
 * Streams a table's rows as jsonb text in primary-key order, in pages (keyset pagination, so a
 * table of millions of rows costs the same per page as a small one).
 */
export async function* tableRows(db: AnyKysely, table: TableInfo, pageSize = 2000): AsyncGenerator<string> {
  const keyList = sql.join(table.primaryKey.map(keyExpr));
  const keyValues = sql.join(table.primaryKey.map((k) => ident(k.name)));
  let last: unknown[] | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> =
      last === null
        ? sql`true`
        : sql`(${keyList}) > (${sql.join(
            table.primaryKey.map((k, i) => {
              const v = sql`${last![i]}::${sql.raw(k.type)}`;
              return /^(text|character)/.test(k.type) ? sql`${v} COLLATE "C"` : v;
            }),
          )})`;
    const { rows } = await sql<{ row: string; k: unknown[] }>`
      SELECT (to_jsonb(t) - ${table.generated}::text[])::text AS row, json_build_array(${keyValues})::text AS k
      FROM ${ident(table.name)} t WHERE ${after}
      ORDER BY ${keyList} LIMIT ${pageSize}`.execute(db);
    for (const r of rows) yield r.row;
    if (rows.length < pageSize) return;
    last = JSON.parse(rows.at(-1)!.k as unknown as string) as unknown[];
  }
}

// Bulk loading for the benchmarks' synthetic data, as an operator would load a large import: the
// tables' secondary indexes are dropped and rebuilt once afterwards (building an index once is far
// cheaper than updating it a million times, GIN indexes above all), per-row triggers and
// foreign-key checks are off during the load (session_replication_role = replica: the generator
// writes what the triggers would have derived, and checkDerived proves it did), and the tables
// are vacuumed and analysed at the end. All on one connection, since the setting is per session.
import type { RawBuilder } from 'kysely';
import { sql } from '../src/db/kysely.ts';
import type { Db } from '../src/db/client.ts';

/** Runs one timed statement. */
export type Step = (name: string, q: RawBuilder<unknown>) => Promise<void>;

/** Loads `tables` with `fill` on one connection; returns the time of each step (ms). */
export async function bulkLoad(
  db: Db,
  tables: string[],
  fill: (conn: Db, step: Step) => Promise<void>,
): Promise<Record<string, number>> {
  return db.connection().execute(async (conn) => {
    const timings: Record<string, number> = {};
    const step: Step = async (name, q) => {
      const t0 = performance.now();
      await q.execute(conn);
      timings[name] = (timings[name] ?? 0) + Math.round(performance.now() - t0);
    };
    // Indexes that back no constraint (primary keys, unique and exclusion constraints stay).
    const { rows: indexes } = await sql<{ name: string; def: string }>`
      SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY(${tables}::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
      ORDER BY i.indexname`.execute(conn);
    for (const ix of indexes) await sql`DROP INDEX ${sql.ref(ix.name)}`.execute(conn);
    await sql`SET session_replication_role = replica`.execute(conn);
    try {
      await fill(conn, step);
    } finally {
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }
    await sql`SET maintenance_work_mem = '256MB'`.execute(conn);
    for (const ix of indexes) await step('indexes', sql.raw(ix.def));
    for (const t of tables) await step('vacuum_analyze', sql`VACUUM (ANALYZE) ${sql.table(t)}`);
    await sql`RESET maintenance_work_mem`.execute(conn);
    return timings;
  });
}

/**
 * The columns the allegation triggers maintain (visible, incident_date), recomputed for every
 * row: a bulk load that skipped the triggers must agree with them exactly, or the benchmark
 * would measure data the app could never hold.
 */
export async function checkDerived(db: Db): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM allegations a JOIN incidents i ON i.id = a.incident_id
    WHERE a.visible IS DISTINCT FROM (a.publication_state = 'published' AND i.publication_state = 'published'
        AND NOT i.proceedings_active)
      OR a.incident_date IS DISTINCT FROM coalesce(i.occurred_until, i.occurred_on)`.execute(db);
  if (rows[0]!.n !== 0) throw new Error(`${rows[0]!.n} generated allegations disagree with the triggers`);
}

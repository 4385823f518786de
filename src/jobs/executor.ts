// How pg-boss reaches the database: through the app's own Kysely handle, never a pool of its own.
import type PgBoss from 'pg-boss';
import { CompiledQuery } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';

/** The key of the lock pg-boss itself takes (plans.js `advisoryLock`) for its schema `pgboss`. */
const BOSS_SCHEMA_KEY = `('x' || encode(sha224((current_database() || '.pgboss.pgboss')::bytea), 'hex'))::bit(64)::bigint`;

/**
 * Statements that must not run beside each other on several instances, run while holding the key
 * pg-boss's own scripts lock, taken before their transaction begins:
 * - pg-boss's locked scripts (creating and migrating its schema, maintenance) take the lock only
 *   inside their transaction. With two instances starting on a database without pg-boss, the
 *   second's `CREATE SCHEMA IF NOT EXISTS` still failed on the schema the first had just made (a
 *   duplicate key in pg_namespace, which pg-boss does not take for the race it expects), and that
 *   instance ran no captures until restarted: 3 starts in 10 such pairs. With the lock taken
 *   first, 0 in 10.
 * - `create_queue` inserts the queue's row and then alters the job table and the new partition
 *   without a lock of its own: two instances creating queues at once take those locks in opposite
 *   orders and PostgreSQL aborts one as a deadlock (17 failed starts in 24 before, 0 in 84 after).
 */
function serialised(text: string): boolean {
  return text.includes('pg_advisory_xact_lock(') || /^\s*SELECT\s+pgboss\.create_queue\(/i.test(text);
}

/**
 * pg-boss runs its SQL through our Kysely handle, so on PGlite it shares the single connection
 * (and waits for open transactions) instead of interleaving statements inside one. Statements
 * without parameters go as a simple query, which is how pg-boss sends its multi-statement scripts.
 */
export function bossExecutor(db: Db): PgBoss.Db {
  const raw = (text: string, values: unknown[] = []) => CompiledQuery.raw(text, values);
  return {
    executeSql: (text, values) =>
      // One connection for the lock, the script and its clean-up: a script that fails after its
      // BEGIN leaves that connection in an aborted transaction, and the pool would hand it to the
      // next request, which would fail with a 500. A session's advisory locks are re-entrant, so
      // the script's own lock on the same key is granted at once.
      db.connection().execute(async (conn) => {
        const locked = serialised(text);
        if (locked) await conn.executeQuery(raw(`SELECT pg_advisory_lock(${BOSS_SCHEMA_KEY})`));
        try {
          const result = await conn.executeQuery(raw(text, values ?? []));
          return { rows: (result.rows as unknown[]) ?? [] };
        } catch (err) {
          await conn.executeQuery(raw('ROLLBACK')).catch(() => undefined);
          throw err;
        } finally {
          if (locked)
            await conn
              .executeQuery(raw(`SELECT pg_advisory_unlock(${BOSS_SCHEMA_KEY})`))
              .catch(() => undefined);
        }
      }),
  };
}

// How pg-boss reaches the database: through the app's own Kysely handle, never a pool of its own.
import type PgBoss from 'pg-boss';
import { CompiledQuery } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';

/**
 * The transaction lock pg-boss itself takes (plans.js `advisoryLock`) around creating and migrating
 * its schema `pgboss`; holding the same one also makes a queue's creation wait for either.
 */
const BOSS_SCHEMA_LOCK = `SELECT pg_advisory_xact_lock(
  ('x' || encode(sha224((current_database() || '.pgboss.pgboss')::bytea), 'hex'))::bit(64)::bigint)`;

/**
 * pg-boss's `create_queue` inserts the queue's row and then alters the job table and the new
 * partition (a foreign key to the queue table, ATTACH PARTITION) without a lock of its own: two
 * instances creating queues at once take those locks in opposite orders, PostgreSQL aborts one as a
 * deadlock, and that instance's background jobs never start. Run one at a time, it always succeeds.
 */
const CREATE_QUEUE = /^\s*SELECT\s+pgboss\.create_queue\(/i;

/**
 * pg-boss runs its SQL through our Kysely handle, so on PGlite it shares the single connection
 * (and waits for open transactions) instead of interleaving statements inside one. Statements
 * without parameters go as a simple query, which is how pg-boss sends its multi-statement scripts.
 */
export function bossExecutor(db: Db): PgBoss.Db {
  const raw = (text: string, values: unknown[] = []) => CompiledQuery.raw(text, values);
  return {
    executeSql: (text, values) =>
      // One connection for the script and its clean-up: a script that fails after its BEGIN leaves
      // that connection in an aborted transaction, and the pool would hand it to the next request,
      // which would fail with a 500.
      db.connection().execute(async (conn) => {
        const serialised = CREATE_QUEUE.test(text);
        try {
          if (serialised) {
            await conn.executeQuery(raw('BEGIN'));
            await conn.executeQuery(raw(BOSS_SCHEMA_LOCK));
          }
          const result = await conn.executeQuery(raw(text, values ?? []));
          if (serialised) await conn.executeQuery(raw('COMMIT'));
          return { rows: (result.rows as unknown[]) ?? [] };
        } catch (err) {
          await conn.executeQuery(raw('ROLLBACK')).catch(() => undefined);
          throw err;
        }
      }),
  };
}

import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { KyselyConfig } from 'kysely';
import { Kysely, PostgresDialect, sql } from './kysely.ts';
import pg from 'pg';
import type { Config } from '../config/config.ts';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';
import type { DB } from './schema.generated.ts';

/** The typed query handle every repository takes. */
export type Db = Kysely<DB>;
export type Backend = 'pglite' | 'postgres';
/** A handle whose schema is not known at compile time (migrations, backups, introspection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

/** An open database: one Kysely handle whichever backend is underneath. */
export interface Database {
  db: Db;
  backend: Backend;
  /** Human description for logs and `stats` (never includes a password). */
  describe: string;
  /** The embedded instance, when there is one (backups, tests). */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

/** Contrib extensions PGlite must load; PostgreSQL ships them in its contrib package. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent, btree_gist };

const DATE_OID = 1082;

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them across time zones.
const typeOverrides = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Where the embedded database files live inside DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Kysely's query log hook (the benchmarks record the SQL a page runs). */
export type QueryLog = KyselyConfig['log'];

/** Kysely over an already-open PGlite instance. The pool must hold exactly one connection. */
export function kyselyForPglite(pglite: PGlite, log?: QueryLog): Db {
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, types: typeOverrides });
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
}

/** Kysely over PostgreSQL; every session runs in UTC so timestamps serialise identically on both backends. */
export function kyselyForPostgres(connectionString: string, max = 10, log?: QueryLog): Db {
  const pool = new pg.Pool({ connectionString, max, types: typeOverrides, options: '-c TimeZone=UTC' });
  // The server can end an idle connection (restart, failover, DROP DATABASE … WITH (FORCE) while the
  // pool is closing). pg reports that on the pool and Node would crash on an unhandled 'error'; the
  // pool has already discarded the connection and opens a new one for the next query.
  pool.on('error', () => undefined);
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `postgresql ${u.host}${u.pathname}`;
  } catch {
    return 'postgresql';
  }
}

/**
 * Opens the configured database. For PGlite the data directory is locked first, so a second
 * process fails fast with the holder's details instead of corrupting the files.
 */
export async function openDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl'>,
  command: string,
): Promise<Database> {
  if (config.databaseUrl) {
    const db = kyselyForPostgres(config.databaseUrl);
    return {
      db,
      backend: 'postgres',
      describe: redact(config.databaseUrl),
      pglite: undefined,
      close: () => db.destroy(),
    };
  }
  const lock: DirectoryLock = acquireDirectoryLock(config.dataDir, command);
  try {
    const pglite = await PGlite.create(pgliteDir(config.dataDir), { extensions: PGLITE_EXTENSIONS });
    await pglite.exec(`SET TimeZone = 'UTC'`);
    const db = kyselyForPglite(pglite);
    const close = async (): Promise<void> => {
      await db.destroy();
      await pglite.close();
      lock.release();
    };
    return { db, backend: 'pglite', describe: `pglite ${pgliteDir(config.dataDir)}`, pglite, close };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Cheap liveness probe used by /healthz. */
export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

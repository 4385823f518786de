import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  kyselyForPglite,
  kyselyForPostgres,
  PGLITE_EXTENSIONS,
  type Backend,
  type Db,
} from '../../src/db/client.ts';
import { loadMigrations, migrate } from '../../src/db/migrations.ts';

/** A throwaway, fully migrated database for one test file (or one test). */
export interface TestDatabase {
  db: Db;
  backend: Backend;
  /** Connection string (PostgreSQL only), for tests that spawn the CLI against the same database. */
  url: string | undefined;
  close(): Promise<void>;
}

/** Which backend this run tests: PostgreSQL when DATABASE_URL is set (CI's second pass), else PGlite. */
export const TEST_BACKEND: Backend = process.env.DATABASE_URL ? 'postgres' : 'pglite';

const schemaKey = crypto
  .createHash('sha256')
  .update(
    loadMigrations()
      .map((m) => m.checksum)
      .join(','),
  )
  .digest('hex')
  .slice(0, 16);

const CACHE_DIR = path.resolve('node_modules/.cache/custodiet-test');

// A migrated PGlite data directory, made once and shared by every test file through a cache file:
// creating and migrating costs seconds, loading the tarball well under one.
async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(CACHE_DIR, `pglite-template-${schemaKey}.tar.gz`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const lite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const db = kyselyForPglite(lite);
  await migrate(db);
  await db.destroy();
  const dump = await lite.dumpDataDir('gzip');
  await lite.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file); // atomic: parallel test files never read half a template
  return new Blob([bytes]);
}

/** A fresh in-memory PGlite cloned from the migrated template. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const lite = await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: PGLITE_EXTENSIONS });
  await lite.exec(`SET TimeZone = 'UTC'`);
  const db = kyselyForPglite(lite);
  return {
    db,
    backend: 'pglite',
    url: undefined,
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh PostgreSQL database created from a migrated template database (CREATE DATABASE … TEMPLATE). */
export async function createPostgresDatabase(adminUrl = process.env.DATABASE_URL!): Promise<TestDatabase> {
  const template = `custodiet_tpl_${schemaKey}`;
  const name = `custodiet_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Serialise template creation across parallel test processes.
    await admin.query('SELECT pg_advisory_lock(731102)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const tdb = kyselyForPostgres(withDatabaseName(adminUrl, template), 1);
      await migrate(tdb);
      await tdb.destroy();
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(731102)').catch(() => undefined);
    await admin.end();
  }
  const url = withDatabaseName(adminUrl, name);
  const db = kyselyForPostgres(url, 4);
  return {
    db,
    backend: 'postgres',
    url,
    close: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh database on this run's backend. */
export function createTestDatabase(): Promise<TestDatabase> {
  return TEST_BACKEND === 'postgres' ? createPostgresDatabase() : createPgliteDatabase();
}

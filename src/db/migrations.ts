import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from './kysely.ts';
import type { AnyKysely } from './client.ts';

/** Where the SQL migration files live. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// Any constant works; every instance must use the same one so they serialise migrations.
const MIGRATION_LOCK_KEY = 7_311_020_261;

/** One migration file: `YYYYMMDDHHMMSS_name.sql`. */
export interface MigrationFile {
  version: string;
  name: string;
  filename: string;
  sql: string;
  checksum: string;
}

/** Why the app refuses to run against a database. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly code: 'CUS_DB_NEWER_THAN_APP' | 'CUS_MIGRATION_CHANGED' | 'CUS_MIGRATION_OUT_OF_ORDER',
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** SHA-256 of a migration's text with line endings normalised, so a checkout's CRLF cannot change it. */
export function checksumOf(text: string): string {
  return crypto.createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Reads and orders the migration files; a misnamed file is an error, not silently skipped. */
export function loadMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  return files.sort().map((filename) => {
    const match = FILE_PATTERN.exec(filename);
    if (!match) throw new Error(`Migration file name must look like 20260101120000_name.sql: ${filename}`);
    const text = fs.readFileSync(path.join(dir, filename), 'utf8');
    return { version: match[1]!, name: match[2]!, filename, sql: text, checksum: checksumOf(text) };
  });
}

interface AppliedRow {
  version: string;
  name: string;
  checksum: string;
}

/** What the database holds compared with the files this build carries. */
export interface MigrationStatus {
  applied: AppliedRow[];
  pending: MigrationFile[];
  current: string | null;
  latestKnown: string | null;
}

async function ensureTable(db: AnyKysely): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
  });
}

async function readApplied(db: AnyKysely): Promise<AppliedRow[]> {
  const { rows } = await sql<AppliedRow>`
    SELECT version, name, checksum FROM schema_migrations ORDER BY version`.execute(db);
  return rows;
}

/** Compares applied migrations with the files and throws if this build must not run. */
export function checkCompatibility(applied: AppliedRow[], files: MigrationFile[]): MigrationFile[] {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const unknown = applied.filter((a) => !byVersion.has(a.version));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database schema is newer than this version of Custodiet: it has migration(s) ` +
        `${unknown.map((u) => `${u.version}_${u.name}`).join(', ')} that this build does not know. ` +
        `Refusing to run; upgrade Custodiet to the version that wrote this database.`,
      'CUS_DB_NEWER_THAN_APP',
    );
  }
  for (const a of applied) {
    const file = byVersion.get(a.version)!;
    if (file.checksum !== a.checksum) {
      throw new MigrationError(
        `Migration ${file.filename} was changed after it was applied (checksum ${a.checksum.slice(0, 12)}… in the ` +
          `database, ${file.checksum.slice(0, 12)}… on disk). Landed migrations are immutable: ` +
          `restore the original file and put the change in a new migration.`,
        'CUS_MIGRATION_CHANGED',
      );
    }
  }
  const appliedSet = new Set(applied.map((a) => a.version));
  const latest = applied.at(-1)?.version ?? '';
  const pending = files.filter((f) => !appliedSet.has(f.version));
  const late = pending.find((f) => f.version < latest);
  if (late) {
    throw new MigrationError(
      `Migration ${late.filename} is older than the latest applied one (${latest}) but was never applied. ` +
        `Give it a newer timestamp.`,
      'CUS_MIGRATION_OUT_OF_ORDER',
    );
  }
  return pending;
}

/** Reports the schema state without changing anything. */
export async function migrationStatus(
  db: AnyKysely,
  files: MigrationFile[] = loadMigrations(),
): Promise<MigrationStatus> {
  await ensureTable(db);
  const applied = await readApplied(db);
  const pending = checkCompatibility(applied, files);
  return {
    applied,
    pending,
    current: applied.at(-1)?.version ?? null,
    latestKnown: files.at(-1)?.version ?? null,
  };
}

/**
 * Applies pending migrations, each in its own transaction under an advisory lock so several
 * app instances starting together apply each migration exactly once.
 */
export async function migrate(
  db: AnyKysely,
  files: MigrationFile[] = loadMigrations(),
): Promise<{ applied: string[] }> {
  await ensureTable(db);
  checkCompatibility(await readApplied(db), files);
  const done: string[] = [];
  for (const file of files) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      // Another instance may have applied it while we waited for the lock.
      const pending = checkCompatibility(await readApplied(trx), files);
      if (!pending.some((p) => p.version === file.version)) return false;
      await sql.raw(file.sql).execute(trx);
      await sql`INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${file.version}, ${file.name}, ${file.checksum})`.execute(trx);
      return true;
    });
    if (ran) done.push(file.filename);
  }
  return { applied: done };
}

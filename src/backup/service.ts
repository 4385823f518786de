import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from '../db/kysely.ts';
import type { AnyKysely, Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { describeTables, MIGRATION_SEEDED, tableRows, type TableInfo } from './tables.ts';

const FORMAT = 'custodiet-backup';
const FORMAT_VERSION = 1;
const INSERT_BATCH = 500;

interface SchemaStamp {
  migrations: { version: string; checksum: string }[];
}

interface Header {
  format: string;
  formatVersion: number;
  createdAt: string;
  backend: string;
  schema: SchemaStamp;
}

async function schemaStamp(db: AnyKysely): Promise<SchemaStamp> {
  const { rows } = await sql<{ version: string; checksum: string }>`
    SELECT version, checksum FROM schema_migrations ORDER BY version`.execute(db);
  return { migrations: rows };
}

/**
 * The logical content of the database, line by line: per table a header line then one jsonb
 * line per row in key order. Identical data gives identical lines on PGlite and PostgreSQL.
 */
export async function* logicalLines(db: AnyKysely, tables?: TableInfo[]): AsyncGenerator<string> {
  for (const table of tables ?? (await describeTables(db))) {
    yield JSON.stringify({ table: table.name });
    yield* tableRows(db, table);
  }
}

/** Writes a gzipped, checksummed logical backup of the whole database from one consistent snapshot. */
export async function backupTo(
  db: Db,
  file: string,
  backend: string,
): Promise<{ rows: number; tables: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await describeTables(trx);
      const header: Header = {
        format: FORMAT,
        formatVersion: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        backend,
        schema: await schemaStamp(trx),
      };
      const hash = crypto.createHash('sha256');
      let rows = 0;
      async function* lines() {
        for (const line of [JSON.stringify(header)]) {
          hash.update(line + '\n');
          yield line + '\n';
        }
        for await (const line of logicalLines(trx, tables)) {
          if (!line.startsWith('{"table":')) rows++;
          hash.update(line + '\n');
          yield line + '\n';
        }
        yield JSON.stringify({ end: true, rows, sha256: hash.digest('hex') }) + '\n';
      }
      const tmp = `${file}.partial`;
      await pipeline(lines, zlib.createGzip(), fs.createWriteStream(tmp));
      fs.renameSync(tmp, file); // a crash mid-backup never leaves a truncated file under the real name
      return { rows, tables: tables.length };
    });
}

async function assertRestorable(trx: AnyKysely, header: Header, tables: TableInfo[]): Promise<void> {
  const here = await schemaStamp(trx);
  if (JSON.stringify(here) !== JSON.stringify(header.schema)) {
    throw new AppError(
      'CUS_RESTORE_SCHEMA_MISMATCH',
      `The backup has schema ${header.schema.migrations.at(-1)?.version ?? 'none'} but this database has ` +
        `${here.migrations.at(-1)?.version ?? 'none'}. Restore with the Custodiet version that made the backup, then upgrade.`,
    );
  }
  for (const t of tables) {
    if (MIGRATION_SEEDED.has(t.name)) continue;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.ref(t.name)}`.execute(trx);
    if (rows[0]!.n > 0) {
      throw new AppError(
        'CUS_RESTORE_NOT_EMPTY',
        `Restore needs an empty database, but table ${t.name} has ${rows[0]!.n} rows.`,
      );
    }
  }
}

async function insertBatch(trx: AnyKysely, table: TableInfo, batch: string[]): Promise<void> {
  if (batch.length === 0) return;
  const cols = sql.join(table.writable.map((c) => sql.ref(c)));
  // jsonb_populate_recordset does every type conversion on the server, identically on both backends.
  await sql`INSERT INTO ${sql.ref(table.name)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM jsonb_populate_recordset(NULL::${sql.ref(table.name)}, ${`[${batch.join(',')}]`}::jsonb)`.execute(
    trx,
  );
}

function parseHeader(line: string | undefined): Header {
  try {
    const h = JSON.parse(line ?? '') as Header;
    if (h.format === FORMAT && h.formatVersion === FORMAT_VERSION) return h;
  } catch {
    // fall through to the clear error below
  }
  throw new AppError('CUS_BACKUP_INVALID', 'The file does not start with a Custodiet backup header.');
}

/**
 * Restores a backup into an empty database of either backend, all or nothing: the checksum is
 * verified before commit, so a corrupt or truncated file changes nothing.
 */
export async function restoreFrom(db: Db, file: string): Promise<{ rows: number }> {
  if (!fs.existsSync(file)) throw new AppError('CUS_BACKUP_INVALID', `No such file: ${file}`);
  const input = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const lines = input[Symbol.asyncIterator]();
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
      const tables = await describeTables(trx);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const first = await lines.next();
      const header = parseHeader(first.done ? undefined : first.value);
      await assertRestorable(trx, header, tables);
      for (const name of MIGRATION_SEEDED) await sql`DELETE FROM ${sql.ref(name)}`.execute(trx);
      const hash = crypto.createHash('sha256').update(first.value + '\n');
      let table: TableInfo | undefined;
      let batch: string[] = [];
      let rows = 0;
      for (;;) {
        const next = await lines.next();
        if (next.done) throw new AppError('CUS_BACKUP_INVALID', 'The backup is truncated (no end marker).');
        const line = next.value;
        if (line.startsWith('{"end":')) {
          await insertBatch(trx, table!, batch);
          const end = JSON.parse(line) as { rows: number; sha256: string };
          if (end.sha256 !== hash.digest('hex') || end.rows !== rows) {
            throw new AppError('CUS_BACKUP_INVALID', 'The backup checksum does not match its contents.');
          }
          await resetIdentities(trx, tables);
          return { rows };
        }
        hash.update(line + '\n');
        if (line.startsWith('{"table":')) {
          if (table) await insertBatch(trx, table, batch);
          batch = [];
          const name = (JSON.parse(line) as { table: string }).table;
          table = byName.get(name);
          if (!table)
            throw new AppError('CUS_BACKUP_INVALID', `The backup has a table this schema lacks: ${name}`);
          continue;
        }
        if (!table) throw new AppError('CUS_BACKUP_INVALID', 'Row data before any table header.');
        batch.push(line);
        rows++;
        if (batch.length >= INSERT_BATCH) {
          await insertBatch(trx, table, batch);
          batch = [];
        }
      }
    });
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' ||
      (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR'
    ) {
      throw new AppError('CUS_BACKUP_INVALID', 'The file is not a gzip-compressed Custodiet backup.');
    }
    throw err;
  } finally {
    input.close();
  }
}

async function resetIdentities(trx: AnyKysely, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const col of t.identity) {
      await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${col}), coalesce((SELECT max(${sql.ref(col)}) FROM ${sql.ref(t.name)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  }
}

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from './kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import type { MigrationError } from './migrations.ts';
import {
  checkCompatibility,
  checksumOf,
  loadMigrations,
  migrate,
  migrationStatus,
  MIGRATIONS_DIR,
  type MigrationFile,
} from './migrations.ts';

describe('landed migrations are immutable', () => {
  test('every migration file matches the checksum recorded when it landed', () => {
    const landed = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'landed.json'), 'utf8')) as {
      file: string;
      sha256: string;
    }[];
    const files = loadMigrations();
    for (const entry of landed) {
      const file = files.find((f) => f.filename === entry.file);
      assert.ok(file, `landed migration ${entry.file} was deleted`);
      assert.equal(
        file.checksum,
        entry.sha256,
        `landed migration ${entry.file} was edited: put the change in a new migration`,
      );
    }
    for (const f of files) {
      assert.ok(
        landed.some((l) => l.file === f.filename),
        `${f.filename} is not frozen yet: run \`npm run db:freeze\``,
      );
    }
  });

  test('checksums ignore CRLF line endings', () => {
    assert.equal(checksumOf('a\r\nb\n'), checksumOf('a\nb\n'));
  });
});

function fake(version: string, body = 'SELECT 1;'): MigrationFile {
  return {
    version,
    name: `m${version}`,
    filename: `${version}_m${version}.sql`,
    sql: body,
    checksum: checksumOf(body),
  };
}

describe('compatibility rules', () => {
  const applied = [fake('20260101000000'), fake('20260102000000')].map(({ version, name, checksum }) => ({
    version,
    name,
    checksum,
  }));

  test('a database newer than the app is refused', () => {
    assert.throws(
      () => checkCompatibility(applied, [fake('20260101000000')]),
      (e: MigrationError) => e.code === 'CUS_DB_NEWER_THAN_APP',
    );
  });
  test('a changed applied migration is refused', () => {
    assert.throws(
      () => checkCompatibility(applied, [fake('20260101000000', 'SELECT 2;'), fake('20260102000000')]),
      (e: MigrationError) =>
        e.code === 'CUS_MIGRATION_CHANGED' && /20260101000000_m20260101000000\.sql/.test(e.message),
    );
  });
  test('a new migration older than the latest applied is refused', () => {
    assert.throws(
      () =>
        checkCompatibility(applied, [fake('20260101000000'), fake('20260101120000'), fake('20260102000000')]),
      (e: MigrationError) => e.code === 'CUS_MIGRATION_OUT_OF_ORDER',
    );
  });
  test('pending migrations newer than the latest are returned in order', () => {
    const pending = checkCompatibility(applied, [
      fake('20260101000000'),
      fake('20260102000000'),
      fake('20260103000000'),
    ]);
    assert.deepEqual(
      pending.map((p) => p.version),
      ['20260103000000'],
    );
  });
  test('misnamed files are an error, not silently skipped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-mig-'));
    fs.writeFileSync(path.join(dir, 'add_table.sql'), 'SELECT 1;');
    assert.throws(() => loadMigrations(dir), /must look like/);
  });
});

describe('migrating a real database', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('is idempotent and records every file with its checksum', async () => {
    assert.deepEqual((await migrate(t.db)).applied, []);
    const status = await migrationStatus(t.db);
    assert.equal(status.pending.length, 0);
    assert.equal(status.current, loadMigrations().at(-1)!.version);
    const rows = await t.db
      .selectFrom('schema_migrations')
      .select(['version', 'checksum'])
      .orderBy('version')
      .execute();
    assert.deepEqual(
      rows,
      loadMigrations().map((m) => ({ version: m.version, checksum: m.checksum })),
    );
  });

  test('the app refuses a database migrated by a newer version, and one whose history was edited', async () => {
    await sql`INSERT INTO schema_migrations (version, name, checksum) VALUES ('29990101000000', 'from_the_future', 'x')`.execute(
      t.db,
    );
    await assert.rejects(
      migrate(t.db),
      (e: MigrationError) =>
        e.code === 'CUS_DB_NEWER_THAN_APP' && /29990101000000_from_the_future/.test(e.message),
    );
    await sql`DELETE FROM schema_migrations WHERE version = '29990101000000'`.execute(t.db);
    const first = loadMigrations()[0]!;
    await sql`UPDATE schema_migrations SET checksum = 'tampered' WHERE version = ${first.version}`.execute(
      t.db,
    );
    await assert.rejects(migrationStatus(t.db), (e: MigrationError) => e.code === 'CUS_MIGRATION_CHANGED');
    await sql`UPDATE schema_migrations SET checksum = ${first.checksum} WHERE version = ${first.version}`.execute(
      t.db,
    );
    assert.equal((await migrationStatus(t.db)).pending.length, 0);
  });

  test('a failing migration rolls back completely', async () => {
    const files = [
      ...loadMigrations(),
      fake('29990101000000', 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;'),
    ];
    await assert.rejects(migrate(t.db, files), /no_such_table/);
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`.execute(t.db);
    assert.equal(rows[0]!.n, 0);
    assert.equal((await migrationStatus(t.db)).current, loadMigrations().at(-1)!.version);
  });
});

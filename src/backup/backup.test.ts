import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { inTransaction } from '../audit/records.ts';
import { verifyAuditChain } from '../audit/chain.ts';
import type { Db } from '../db/client.ts';
import { seedDemo } from '../demo/seed.ts';
import { isAppError } from '../errors/catalogue.ts';
import {
  createPgliteDatabase,
  createPostgresDatabase,
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from '../../test/helpers/db.ts';
import { makeIncident } from '../../test/helpers/factories.ts';
import { backupTo, logicalLines, restoreFrom } from './service.ts';

async function logicalExport(db: Db): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of logicalLines(db)) lines.push(line);
  return lines;
}

// The counters the triggers keep (left out of backups), without the times they changed.
async function derivedCounters(db: Db): Promise<unknown[]> {
  const { rows } = await sql`
    SELECT 'year' AS t, scope_id::text AS k, year::text AS k2, incidents AS a, allegations AS b FROM scope_year_tallies
    UNION ALL SELECT 'standard', scope_id::text, standard_code, allegations, proven FROM scope_standard_tallies
    UNION ALL SELECT 'incident', incident_id::text, year::text, allegations, cardinality(scopes) FROM scope_incident_tallies
    UNION ALL SELECT 'home', kind, NULL, n::int, NULL FROM public_counts
    ORDER BY 1, 2, 3`.execute(db);
  return rows;
}

const tmpFile = (name: string) =>
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-backup-')), name);

/** The other backend, when this run can reach it: PGlite always; PostgreSQL when DATABASE_URL is set. */
const targets: { name: string; create: () => Promise<TestDatabase> }[] =
  TEST_BACKEND === 'postgres'
    ? [
        { name: 'PGlite', create: createPgliteDatabase },
        { name: 'PostgreSQL', create: () => createPostgresDatabase() },
      ]
    : [{ name: 'PGlite', create: createPgliteDatabase }];
if (TEST_BACKEND === 'pglite') {
  console.log('# backup: PostgreSQL targets need DATABASE_URL; CI runs them in its PostgreSQL pass.');
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let file: string;
  let expected: string[];
  before(async () => {
    source = await createTestDatabase();
    await seedDemo(source.db);
    // Values that stress serialisation: arrays, quotes, non-ASCII, a restricted identity.
    await inTransaction(source.db, (trx) =>
      makeIncident(trx, { title: 'Quotes " \' and “curly”, accents é ñ, emoji 🚓', tags: ['a', 'b-c'] }),
    );
    await sql`INSERT INTO person_identities (person_id, sealed, key_id, recorded_by) SELECT id, ${Buffer.from([0, 1, 2, 255])}, 'k', 'test' FROM people LIMIT 1`.execute(
      source.db,
    );
    file = tmpFile('custodiet.backup.gz');
    await backupTo(source.db, file, source.backend);
    expected = await logicalExport(source.db);
  });
  after(() => source.close());

  for (const target of targets) {
    test(`a ${TEST_BACKEND} backup restores into an empty ${target.name} database with an identical logical export`, async () => {
      const t = await target.create();
      try {
        const r = await restoreFrom(t.db, file);
        assert.ok(r.rows > 100, `restored ${r.rows} rows`);
        const actual = await logicalExport(t.db);
        assert.equal(actual.length, expected.length);
        assert.deepEqual(actual, expected);
        const counters = await derivedCounters(source.db);
        assert.ok(counters.length > 10, 'the demo data is counted');
        assert.deepEqual(await derivedCounters(t.db), counters, 'the restore rebuilds the derived counters');
        assert.equal((await verifyAuditChain(t.db)).broken, null, 'the audit chain survives the move');
        // Sequences continue after the restored rows: a new write works and chains on.
        await inTransaction(t.db, (trx) => makeIncident(trx));
        assert.equal((await verifyAuditChain(t.db)).broken, null);
        // And back again: the restored copy backs up to the same content.
        const second = tmpFile('again.backup.gz');
        await backupTo(t.db, second, t.backend);
        const back = await createTestDatabase();
        try {
          await restoreFrom(back.db, second);
          assert.deepEqual(await logicalExport(back.db), await logicalExport(t.db));
        } finally {
          await back.close();
        }
      } finally {
        await t.close();
      }
    });
  }

  test('restore refuses a database that already holds records, and changes nothing', async () => {
    const t = await createTestDatabase();
    try {
      await inTransaction(t.db, (trx) => makeIncident(trx, { title: 'Existing work' }));
      const before = await logicalExport(t.db);
      await assert.rejects(
        restoreFrom(t.db, file),
        (e: unknown) => isAppError(e) && e.code === 'CUS_RESTORE_NOT_EMPTY',
      );
      assert.deepEqual(await logicalExport(t.db), before);
    } finally {
      await t.close();
    }
  });

  test('a corrupted, truncated or foreign file is refused and the database is left unchanged', async () => {
    const raw = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    const lines = raw.split('\n');
    const edited = lines.map((l) => l.replace('accents é ñ', 'accents e n')).join('\n');
    const truncated = lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n';
    const cases: [string, Buffer][] = [
      ['edited', zlib.gzipSync(edited)],
      ['truncated', zlib.gzipSync(truncated)],
      ['not gzip', Buffer.from('hello')],
      ['wrong header', zlib.gzipSync('{"format":"something-else"}\n')],
    ];
    for (const [name, bytes] of cases) {
      const t = await createTestDatabase();
      try {
        const before = await logicalExport(t.db);
        const bad = tmpFile(`${name.replace(' ', '-')}.gz`);
        fs.writeFileSync(bad, bytes);
        await assert.rejects(
          restoreFrom(t.db, bad),
          (e: unknown) => isAppError(e) && e.code === 'CUS_BACKUP_INVALID',
          name,
        );
        assert.deepEqual(await logicalExport(t.db), before, `${name}: nothing changed`);
      } finally {
        await t.close();
      }
    }
  });
});

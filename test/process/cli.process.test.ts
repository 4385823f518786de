// The real `custodiet` binary: help, exit codes (0 ok / 1 error / 2 usage), verify after an
// audit row is altered by SQL (must be true #5), and backup/restore between data directories.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from '../../src/db/kysely.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';
import { childEnv, runCli } from '../helpers/cli.ts';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-cli-'));

describe('custodiet CLI', () => {
  test('help and usage errors', async () => {
    const env = childEnv({ DATA_DIR: tmpDir() });
    const help = await runCli(['--help'], env);
    assert.equal(help.code, 0);
    for (const c of ['init', 'serve', 'migrate', 'seed-demo', 'stats', 'verify', 'backup', 'restore'])
      assert.match(help.stdout, new RegExp(`\\n  ${c} `));
    assert.equal((await runCli([], env)).code, 2);
    const unknown = await runCli(['frobnicate'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command 'frobnicate'/);
    const badOption = await runCli(['serve', '--frobnicate'], env);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /Usage: custodiet serve/);
    assert.equal((await runCli(['backup'], env)).code, 2, 'missing FILE');
    const verifyHelp = await runCli(['help', 'verify'], env);
    assert.equal(verifyHelp.code, 0);
    assert.match(verifyHelp.stdout, /first broken audit row/);
    const badConfig = await runCli(['stats'], childEnv({ PORT: 'eighty' }));
    assert.equal(badConfig.code, 1);
    assert.match(badConfig.stderr, /PORT: must be a number/);
  });

  describe("on this run's backend", () => {
    let pg: TestDatabase | undefined;
    let env: NodeJS.ProcessEnv;
    before(async () => {
      if (TEST_BACKEND === 'postgres') {
        pg = await createPostgresDatabase();
        env = childEnv({ DATABASE_URL: pg.url, DATA_DIR: tmpDir() });
      } else {
        env = childEnv({ DATA_DIR: tmpDir(), DATABASE_URL: undefined });
      }
    });
    after(() => pg?.close());

    test(
      'verify passes on a clean database and names the row altered by SQL',
      { timeout: 120_000 },
      async () => {
        const seeded = await runCli(['seed-demo'], env);
        assert.equal(seeded.code, 0, seeded.stderr);
        assert.match(seeded.stdout, /change\(s\) recorded/);
        const again = await runCli(['seed-demo'], env);
        assert.match(again.stdout, /Nothing changed/, 'seeding is idempotent');
        const ok = await runCli(['verify'], env);
        assert.equal(ok.code, 0, ok.stdout + ok.stderr);
        assert.match(ok.stdout, /ok {3}audit log: \d+ rows, chain intact/);

        const database = await openDatabase(loadConfig(env), 'test-tamper');
        let seq: string;
        try {
          const row = await database.db
            .selectFrom('audit_log')
            .select('seq')
            .where('entity_type', '=', 'allegations')
            .orderBy('seq')
            .offset(3)
            .limit(1)
            .executeTakeFirstOrThrow();
          seq = row.seq;
          await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(database.db);
          await sql`UPDATE audit_log SET actor = 'someone-else' WHERE seq = ${seq}`.execute(database.db);
          await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(database.db);
        } finally {
          await database.close();
        }
        const bad = await runCli(['verify'], env);
        assert.equal(bad.code, 1);
        assert.match(
          bad.stdout,
          new RegExp(`FAIL audit log: row ${seq}: contents do not match the stored hash`),
        );
      },
    );

    test('stats, backup, and restore into a fresh embedded database', { timeout: 120_000 }, async () => {
      const stats = await runCli(['stats', '--json'], env);
      assert.equal(stats.code, 0, stats.stderr);
      const before = JSON.parse(stats.stdout) as { counts: Record<string, number> };
      assert.ok(before.counts.incidents! >= 7);
      const file = path.join(tmpDir(), 'db.backup.gz');
      const backup = await runCli(['backup', file], env);
      assert.equal(backup.code, 0, backup.stderr);
      const target = childEnv({ DATA_DIR: tmpDir(), DATABASE_URL: undefined });
      const restore = await runCli(['restore', file], target);
      assert.equal(restore.code, 0, restore.stderr);
      const afterStats = JSON.parse((await runCli(['stats', '--json'], target)).stdout) as {
        counts: Record<string, number>;
      };
      assert.deepEqual(afterStats.counts, before.counts);
      const twice = await runCli(['restore', file], target);
      assert.equal(twice.code, 1);
      assert.match(twice.stderr, /CUS_RESTORE_NOT_EMPTY/);
    });
  });
});

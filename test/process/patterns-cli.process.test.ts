// `custodiet refresh-patterns` and the bundled population baseline through the real binary.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { childEnv, runCli } from '../helpers/cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';

let pg: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;
let dir: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-patterns-cli-'));
  pg = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
  env = childEnv({ DATA_DIR: path.join(dir, 'data'), DATABASE_URL: pg?.url });
  assert.equal((await runCli(['init', '--demo'], env)).code, 0);
});
after(async () => {
  await pg?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test(
  'refresh-patterns rebuilds every table without serve; the bundled baseline imports',
  { timeout: 180_000 },
  async () => {
    const r = await runCli(['refresh-patterns'], env);
    assert.equal(r.code, 0, r.stderr);
    for (const table of [
      'pattern_officer_counts',
      'pattern_coaccused',
      'pattern_unit_members',
      'pattern_force_day',
    ])
      assert.match(r.stdout, new RegExp(`${table}\\s+[\\d,]+ rows`));
    assert.match(r.stdout, /Pattern figures rebuilt in [\d.]+ s\./);
    const baseline = path.resolve('src/patterns/baselines/census-2021-greater-london.csv');
    const imported = await runCli(['import', 'population-baseline', baseline], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 2 rows/);
    assert.equal((await runCli(['refresh-patterns', 'extra'], env)).code, 2, 'no arguments');
  },
);

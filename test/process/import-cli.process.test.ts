// `custodiet import` through the real binary: a real import, the same file again (nothing
// changes), and a bad file (exit 1, nothing written, the error report on disk).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { childEnv, runCli } from '../helpers/cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';

const FIXTURE = path.resolve('test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv');

describe('custodiet import', () => {
  let pg: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-import-cli-'));
    pg = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
    env = childEnv({ DATA_DIR: path.join(dir, 'data'), DATABASE_URL: pg?.url });
    assert.equal((await runCli(['init'], env)).code, 0);
  });
  after(async () => {
    await pg?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    'imports, then changes nothing, then refuses a bad file with a report',
    { timeout: 180_000 },
    async () => {
      const first = await runCli(
        ['import', 'police-uk-stop-search', FIXTURE, '--retrieved', '2026-11-20'],
        env,
      );
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Imported 10,490 rows/);
      const again = await runCli(['import', 'police-uk-stop-search', FIXTURE], env);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /imported before: nothing changed/);
      const stats = await runCli(['stats', '--json'], env);
      assert.equal(stats.code, 0);

      const bad = path.join(dir, '2016-07-metropolitan-stop-and-search.csv');
      const lines = fs.readFileSync(FIXTURE, 'utf8').split('\n');
      lines[3] = lines[3]!.replace(/,51\.\d+,/, ',951.5,');
      fs.writeFileSync(bad, lines.join('\n'));
      const report = path.join(dir, 'errors.csv');
      const failed = await runCli(['import', 'police-uk-stop-search', bad, '--errors', report], env);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /Nothing was imported: 1 problem\(s\)\. First: line 4, Latitude/);
      assert.match(fs.readFileSync(report, 'utf8'), /^\uFEFFline,column,message\r\n4,Latitude,/);

      assert.equal((await runCli(['import', 'no-such-format', bad], env)).code, 2);
      assert.equal(
        (await runCli(['import', 'police-uk-stop-search', bad, '--encoding', 'ebcdic'], env)).code,
        2,
      );
    },
  );

  test(
    'generic CSV: --mapping is required, a wrong mapping lists its problems, a good one imports',
    { timeout: 180_000 },
    async () => {
      const csv = path.resolve('test/fixtures/generic/outcomes.csv');
      const mapping = path.resolve('test/fixtures/generic/mapping.json');
      const none = await runCli(['import', 'generic', csv], env);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /needs a mapping file \(--mapping FILE\)/);
      const bad = path.join(dir, 'bad-mapping.json');
      fs.writeFileSync(
        bad,
        fs
          .readFileSync(mapping, 'utf8')
          .replace('"published_name": "Officer"', '"home_address": "Officer"')
          .replace('"dates": "uk"', '"dates": "dd/mm"'),
      );
      const refused = await runCli(['import', 'generic', csv, '--mapping', bad], env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /The mapping file is not valid\.\n {2}- dates: must be "iso"/);
      assert.match(refused.stderr, /records\.officer\.fields\.home_address: Custodiet never stores this/);
      const ok = await runCli(['import', 'generic', csv, '--mapping', mapping], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Imported 9 rows/);
      assert.match(ok.stdout, /allegation: 9 created, 0 updated/);
      const again = await runCli(['import', 'generic', csv, '--mapping', mapping], env);
      assert.match(again.stdout, /imported before: nothing changed/);
      assert.equal((await runCli(['import', 'nyc-ccrb-penalties', csv, '--mapping', mapping], env)).code, 2);
    },
  );
});

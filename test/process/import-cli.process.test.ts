// `custodiet import` through the real binary: a real import, the same file again (nothing
// changes), and a bad file (exit 1, nothing written, the error report on disk).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, useCliSite } from '../helpers/cli.ts';

const FIXTURE = path.resolve('test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv');

describe('custodiet import', () => {
  const site = useCliSite('import-cli');

  test(
    'imports, then changes nothing, then refuses a bad file with a report',
    { timeout: 180_000 },
    async () => {
      const first = await runCli(
        ['import', 'police-uk-stop-search', FIXTURE, '--retrieved', '2026-11-20'],
        site.env,
      );
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Imported 10,490 rows/);
      const again = await runCli(['import', 'police-uk-stop-search', FIXTURE], site.env);
      assert.equal(again.code, 0);
      assert.match(again.stdout, /imported before: nothing changed/);
      const stats = await runCli(['stats', '--json'], site.env);
      assert.equal(stats.code, 0);

      const bad = path.join(site.dir, '2016-07-metropolitan-stop-and-search.csv');
      const lines = fs.readFileSync(FIXTURE, 'utf8').split('\n');
      lines[3] = lines[3]!.replace(/,51\.\d+,/, ',951.5,');
      fs.writeFileSync(bad, lines.join('\n'));
      const report = path.join(site.dir, 'errors.csv');
      const failed = await runCli(['import', 'police-uk-stop-search', bad, '--errors', report], site.env);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /Nothing was imported: 1 problem\(s\)\. First: line 4, Latitude/);
      assert.match(fs.readFileSync(report, 'utf8'), /^\uFEFFline,column,message\r\n4,Latitude,/);

      assert.equal((await runCli(['import', 'no-such-format', bad], site.env)).code, 2);
      assert.equal(
        (await runCli(['import', 'police-uk-stop-search', bad, '--encoding', 'ebcdic'], site.env)).code,
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
      const none = await runCli(['import', 'generic', csv], site.env);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /needs a mapping file \(--mapping FILE\)/);
      const bad = path.join(site.dir, 'bad-mapping.json');
      fs.writeFileSync(
        bad,
        fs
          .readFileSync(mapping, 'utf8')
          .replace('"published_name": "Officer"', '"home_address": "Officer"')
          .replace('"dates": "uk"', '"dates": "dd/mm"'),
      );
      const refused = await runCli(['import', 'generic', csv, '--mapping', bad], site.env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /The mapping file is not valid\.\n {2}- dates: must be "iso"/);
      assert.match(refused.stderr, /records\.officer\.fields\.home_address: Custodiet never stores this/);
      const ok = await runCli(['import', 'generic', csv, '--mapping', mapping], site.env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Imported 9 rows/);
      assert.match(ok.stdout, /allegation: 9 created, 0 updated/);
      const again = await runCli(['import', 'generic', csv, '--mapping', mapping], site.env);
      assert.match(again.stdout, /imported before: nothing changed/);
      assert.equal(
        (await runCli(['import', 'nyc-ccrb-penalties', csv, '--mapping', mapping], site.env)).code,
        2,
      );
    },
  );
});

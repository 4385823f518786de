// `custodiet match` and matching after `custodiet import`, through the real binary.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli, useCliSite } from '../helpers/cli.ts';

const PROFILES = path.resolve('test/fixtures/chicago-cpdp/complaints-accused-profiles.csv');

describe('custodiet match', () => {
  const site = useCliSite('match-cli');

  test(
    'an import matches its own records; match compares everything; bad options are refused',
    { timeout: 180_000 },
    async () => {
      const imported = await runCli(['import', 'cpdp-profiles', PROFILES], site.env);
      assert.equal(imported.code, 0, imported.stderr);
      assert.match(imported.stdout, /Imported 338 rows/);
      assert.match(imported.stdout, /Matching: \d+ officer candidate\(s\)/);
      const all = await runCli(['match', '--kind', 'officer', '--auto-merge'], site.env);
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stdout, /officer: [\d,]+ pairs compared, [\d,]+ candidates\./);
      assert.doesNotMatch(all.stdout, /incident:/);
      const bad = await runCli(['match', '--kind', 'allegation'], site.env);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--kind is officer or incident/);
      const off = await runCli(['match', '--auto-merge'], { ...site.env, MATCH_AUTO_MERGE: 'false' });
      assert.equal(off.code, 2);
      assert.match(off.stderr, /MATCH_AUTO_MERGE=false switches automatic merging off/);
      const wrong = await runCli(['match'], { ...site.env, MATCH_AUTO_MERGE: 'maybe' });
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /MATCH_AUTO_MERGE: must be true or false/);
    },
  );
});

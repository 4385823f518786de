// `custodiet export` and `custodiet verify-export` through the real binary, on this run's
// backend: a fresh bundle verifies; one changed byte anywhere, a missing or an extra file, or
// another key makes it fail, naming the problem.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { ed25519Signer } from '../../src/config/signing.ts';
import { openDatabase } from '../../src/db/client.ts';
import { downloadState } from '../../src/downloads/service.ts';
import { childEnv, runCli, useCliSite } from '../helpers/cli.ts';

const seed = crypto.randomBytes(32);
const signer = ed25519Signer(seed);

/** A copy of the bundle with one change made to it. */
function variant(bundle: string, name: string, change: (dir: string) => void): string {
  const dir = path.join(path.dirname(bundle), name);
  fs.cpSync(bundle, dir, { recursive: true });
  change(dir);
  return dir;
}

/** Flips one byte of a file, in the middle (never the BOM or the JSON braces). */
function flipByte(file: string): void {
  const bytes = fs.readFileSync(file);
  const i = Math.floor(bytes.length / 2);
  bytes[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
  fs.writeFileSync(file, bytes);
}

describe('custodiet export and verify-export', () => {
  const site = useCliSite('export-cli', {
    EXPORT_SIGNING_KEY: seed.toString('base64'),
    PUBLIC_URL: 'https://custodiet.example.org',
  });
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let bundle: string;
  before(() => {
    ({ env, dir } = site);
    bundle = path.join(dir, 'bundle');
  });

  test(
    'exports a bundle that verifies, and refuses to write into a non-empty directory',
    { timeout: 120_000 },
    async () => {
      const r = await runCli(['export', bundle], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^forces\.csv: \d+ rows$/m);
      assert.match(
        r.stdout,
        new RegExp(`Wrote 30 files, manifest\\.json and manifest\\.sig \\(key ${signer.keyId}\\)`),
      );
      const ok = await runCli(['verify-export', bundle], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stdout, `valid: 30 files (key ${signer.keyId})\n`);
      // Anyone can check with the public key alone.
      const noKey = childEnv({ DATA_DIR: path.join(dir, 'nokey'), EXPORT_SIGNING_KEY: undefined });
      assert.equal((await runCli(['verify-export', bundle, '--key', signer.publicKeyBase64], noKey)).code, 0);
      const again = await runCli(['export', bundle], env);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /is not empty/);
      const json = await runCli(['export', path.join(dir, 'json-only'), '--format', 'json'], env);
      assert.equal(json.code, 0, json.stderr);
      assert.match(json.stdout, /Wrote 10 files/);
      assert.equal((await runCli(['export', path.join(dir, 'x'), '--format', 'xml'], env)).code, 2);
    },
  );

  test(
    'fails, naming the first problem, on any change to the bundle or with another key',
    { timeout: 120_000 },
    async () => {
      const cases: [string, (d: string) => void, RegExp][] = [
        ['data-byte', (d) => flipByte(path.join(d, 'forces.csv')), /forces\.csv has been changed/],
        [
          'manifest-byte',
          (d) => flipByte(path.join(d, 'manifest.json')),
          /signature does not match manifest\.json/,
        ],
        [
          'signature-byte',
          (d) => {
            const file = path.join(d, 'manifest.sig');
            const sig = JSON.parse(fs.readFileSync(file, 'utf8'));
            const bytes = Buffer.from(sig.signature, 'base64');
            bytes[10] = bytes[10]! ^ 0x01;
            fs.writeFileSync(
              file,
              JSON.stringify({ ...sig, signature: bytes.toString('base64') }, null, 2) + '\n',
            );
          },
          /signature does not match manifest\.json/,
        ],
        ['missing', (d) => fs.rmSync(path.join(d, 'units.ndjson')), /units\.ndjson is missing/],
        [
          'extra',
          (d) => fs.writeFileSync(path.join(d, 'notes.txt'), 'x'),
          /notes\.txt is not listed in manifest\.json/,
        ],
        ['no-signature', (d) => fs.rmSync(path.join(d, 'manifest.sig')), /manifest\.sig is missing/],
      ];
      for (const [name, change, reason] of cases) {
        const r = await runCli(['verify-export', variant(bundle, name, change)], env);
        assert.equal(r.code, 1, `${name}: ${r.stdout}${r.stderr}`);
        assert.match(r.stdout, reason, name);
      }
      const other = ed25519Signer(crypto.randomBytes(32));
      const wrong = await runCli(['verify-export', bundle, '--key', other.publicKeyBase64], env);
      assert.equal(wrong.code, 1);
      assert.match(
        wrong.stdout,
        new RegExp(`signed with key ${signer.keyId}, not this key \\(${other.keyId}\\)`),
      );
      assert.equal((await runCli(['verify-export', bundle, '--key', 'c2hvcnQ='], env)).code, 2);
    },
  );

  test(
    'publish-download makes the files /data offers, signed with the same key',
    { timeout: 120_000 },
    async () => {
      const r = await runCli(['publish-download'], env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        new RegExp(`^Download made: 30 files, [\\d,]+ records \\(key ${signer.keyId}\\)\\.$`, 'm'),
      );
      const database = await openDatabase(loadConfig(env), 'test-download');
      try {
        const state = await downloadState(database.db);
        assert.equal(state.kind, 'current');
        assert.equal(state.kind === 'current' && state.export.publicKey, signer.publicKeyBase64);
      } finally {
        await database.close();
      }
    },
  );
});

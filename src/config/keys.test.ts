import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadVaultKey } from '../uploads/vault.ts';
import { loadOrCreateKey } from './keys.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-keys-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a key file is created once, 0600, and read back unchanged afterwards', () => {
  const keyFile = path.join(dir, 'keys', 'a.key');
  const first = loadOrCreateKey({ keyFile, envName: 'SOME_KEY' });
  assert.equal(first.length, 32);
  if (process.platform !== 'win32') assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  assert.deepEqual(loadOrCreateKey({ keyFile, envName: 'SOME_KEY' }), first);
});

test('the environment variable wins over the file, and a bad one is named in the error', () => {
  const keyFile = path.join(dir, 'b.key');
  const given = Buffer.alloc(32, 9);
  assert.deepEqual(
    Buffer.from(loadOrCreateKey({ keyBase64: given.toString('base64'), keyFile, envName: 'SOME_KEY' })),
    given,
  );
  assert.equal(fs.existsSync(keyFile), false);
  assert.throws(
    () => loadOrCreateKey({ keyBase64: 'c2hvcnQ=', keyFile, envName: 'SOME_KEY' }),
    /SOME_KEY must be 32 bytes/,
  );
  assert.throws(() => loadVaultKey({ keyBase64: 'c2hvcnQ=', keyFile }), /ORIGINALS_KEY must be 32 bytes/);
});

test('with create: false a missing key file is an error naming the variable, and nothing is written', () => {
  const keyFile = path.join(dir, 'c.key');
  assert.throws(() => loadOrCreateKey({ keyFile, envName: 'SOME_KEY', create: false }), /set SOME_KEY/);
  assert.equal(fs.existsSync(keyFile), false);
  fs.writeFileSync(keyFile, 'c2hvcnQ=\n');
  assert.throws(
    () => loadOrCreateKey({ keyFile, envName: 'SOME_KEY' }),
    /c\.key .*SOME_KEY is unset.* 32 bytes/,
  );
});

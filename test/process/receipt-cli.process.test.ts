// `custodiet verify-receipt` and `custodiet receipt-key` through the real binary.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openReceiptSigner, sha256Hex } from '../../src/submissions/receipt.ts';
import { childEnv, runCli } from '../helpers/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-receipt-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const seed = crypto.randomBytes(32);
const signer = await openReceiptSigner(seed);
// No database is involved: the commands need only the key.
const env = childEnv({ DATA_DIR: dir, RECEIPT_SIGNING_KEY: seed.toString('base64') });
const attachment = path.join(dir, 'photo.jpg');
fs.writeFileSync(attachment, 'the bytes of the photo');
const receipt = signer.sign({
  kind: 'insider-report',
  receivedAt: new Date('2026-11-25T10:31:50Z'),
  contentSha256: sha256Hex('content'),
  attachmentSha256: [sha256Hex(fs.readFileSync(attachment))],
});
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const genuine = write('genuine.txt', receipt + '\n');
const tampered = write('tampered.txt', receipt.replace('10:31:50Z', '10:31:51Z'));

describe('custodiet verify-receipt', () => {
  test('a genuine receipt exits 0 and says what it states; a tampered one exits 1 with the reason', async () => {
    const ok = await runCli(['verify-receipt', genuine], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(
      ok.stdout,
      `valid: insider-report received 2026-11-25T10:31:50Z, content ${sha256Hex('content')}, 1 attachment\n`,
    );
    const bad = await runCli(['verify-receipt', tampered], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^invalid: The signature does not match/);
  });

  test('anyone can check with --key, from standard input, without the signing key', async () => {
    const noKey = childEnv({ DATA_DIR: dir, RECEIPT_SIGNING_KEY: undefined });
    const pasted = `\r\n${receipt.replace(/\n/g, '\r\n')}\r\n`;
    const r = await runCli(['verify-receipt', '-', '--key', signer.publicKeyBase64], noKey, pasted);
    assert.equal(r.code, 0, r.stderr);
    const other = await openReceiptSigner(crypto.randomBytes(32));
    const wrong = await runCli(['verify-receipt', genuine, '--key', other.publicKeyBase64], noKey);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, new RegExp(`names signing key ${signer.keyId}`));
    assert.equal((await runCli(['verify-receipt', genuine, '--key', 'c2hvcnQ='], noKey)).code, 2);
    // Checking never invents a key: with none configured it is an error naming the variable.
    const none = await runCli(['verify-receipt', genuine], noKey);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /RECEIPT_SIGNING_KEY/);
    assert.equal(fs.existsSync(path.join(dir, 'keys', 'receipts.key')), false);
  });

  test('--file passes only when every file is among the attachments', async () => {
    const r = await runCli(['verify-receipt', genuine, '--file', attachment], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ok {3}.*photo\.jpg: attachment/);
    const other = write('other.jpg', 'something else');
    const miss = await runCli(['verify-receipt', genuine, '--file', attachment, '--file', other], env);
    assert.equal(miss.code, 1);
    assert.match(miss.stdout, /FAIL .*other\.jpg: not an attachment/);
  });

  test('receipt-key prints the public key and key id the receipts are signed with', async () => {
    const r = await runCli(['receipt-key'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `Public key: ${signer.publicKeyBase64}\nKey id: ${signer.keyId}\n`);
  });
});

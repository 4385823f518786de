import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import {
  contentSha256,
  describeStatement,
  filesNotInReceipt,
  openReceiptSigner,
  sha256Hex,
  verifyReceipt,
  type ReceiptStatement,
} from './receipt.ts';

// RFC 8032 section 7.1, test 1: a known seed and its public key, so the key derivation is checked
// against the standard rather than against itself.
const RFC_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

const signer = await openReceiptSigner(RFC_SEED);
const publicKey = Buffer.from(signer.publicKeyBase64, 'base64');
const statement: ReceiptStatement = {
  kind: 'insider-report',
  receivedAt: new Date('2026-11-25T10:31:50.789Z'),
  contentSha256: contentSha256({ account: 'what I saw', force: 'Example Constabulary' }),
  attachmentSha256: [sha256Hex('first file'), sha256Hex('second file')],
};
const receipt = signer.sign(statement);

describe('receipts', () => {
  test('the key is the standard Ed25519 key for the seed, and keyId is the start of its SHA-256', () => {
    assert.equal(publicKey.toString('hex'), RFC_PUBLIC);
    assert.equal(signer.keyId, sha256Hex(publicKey).slice(0, 16));
  });

  test('a receipt reads as documented and verifies, giving back the statement at second precision', () => {
    const lines = receipt.split('\n');
    assert.equal(lines[0], '-----BEGIN CUSTODIET RECEIPT-----');
    assert.equal(lines[1], 'Custodiet proof-of-report receipt, version 1');
    assert.equal(lines[2], 'Kind: insider-report');
    assert.equal(lines[3], 'Received: 2026-11-25T10:31:50Z');
    assert.equal(lines[4], `Content SHA-256: ${statement.contentSha256}`);
    assert.equal(lines[5], `Attachment SHA-256: ${sha256Hex('first file')}`);
    assert.equal(lines[7], `Signing key: ${signer.keyId}`);
    assert.match(lines[8]!, /^Signature: [A-Za-z0-9+/]{86}==$/);
    assert.equal(lines[9], '-----END CUSTODIET RECEIPT-----');
    assert.equal(lines.length, 10);
    const check = verifyReceipt(receipt, publicKey);
    assert.deepEqual(check, {
      ok: true,
      keyId: signer.keyId,
      statement: { ...statement, receivedAt: new Date('2026-11-25T10:31:50Z') },
    });
  });

  test('no attachments means no attachment lines, and still verifies', () => {
    const text = signer.sign({ ...statement, kind: 'follow-up', attachmentSha256: [] });
    assert.doesNotMatch(text, /Attachment/);
    const check = verifyReceipt(text, publicKey);
    assert.ok(check.ok);
    assert.deepEqual(check.statement.attachmentSha256, []);
    assert.equal(
      describeStatement(check.statement),
      `follow-up received 2026-11-25T10:31:50Z, content ${statement.contentSha256}, 0 attachments`,
    );
  });

  test('changing any single byte of the receipt, anywhere, makes it fail', () => {
    const bytes = Buffer.from(receipt, 'utf8');
    const passed: string[] = [];
    for (let i = 0; i < bytes.length; i++) {
      // Several replacements per position: a neighbouring value, a letter, a space, a line break,
      // and a carriage return (the one byte the CRLF tolerance might have swallowed).
      for (const replace of [bytes[i]! ^ 1, 0x41, 0x20, 0x0a, 0x0d]) {
        if (replace === bytes[i]) continue;
        const altered = Buffer.from(bytes);
        altered[i] = replace;
        const check = verifyReceipt(altered.toString('latin1'), publicKey);
        if (check.ok) passed.push(`byte ${i} → ${replace}`);
        else assert.ok(check.reason.length > 0);
      }
    }
    assert.deepEqual(passed, []);
  });

  test('a signature with different unused base64 bits, or removed or added bytes, fails', () => {
    const sigLine = receipt.split('\n')[8]!;
    const last = sigLine.at(-3)!;
    const sibling = String.fromCharCode(last.charCodeAt(0) ^ 1);
    assert.equal(
      verifyReceipt(receipt.replace(sigLine, sigLine.slice(0, -3) + sibling + '=='), publicKey).ok,
      false,
    );
    assert.equal(verifyReceipt(receipt.replace('\n', ''), publicKey).ok, false);
    assert.equal(verifyReceipt(receipt.replace('Kind:', 'Kind: '), publicKey).ok, false);
    assert.equal(
      verifyReceipt(receipt.replace('Signing key', 'Kind: follow-up\nSigning key'), publicKey).ok,
      false,
    );
  });

  test('a receipt checked against another key fails and says which key signed it', async () => {
    const other = await openReceiptSigner(crypto.randomBytes(32));
    const check = verifyReceipt(receipt, Buffer.from(other.publicKeyBase64, 'base64'));
    assert.equal(check.ok, false);
    assert.match(check.ok ? '' : check.reason, new RegExp(signer.keyId));
    // A forger who copies our keyId into their own receipt still fails on the signature.
    const forged = other
      .sign(statement)
      .replace(`Signing key: ${other.keyId}`, `Signing key: ${signer.keyId}`);
    const forgedCheck = verifyReceipt(forged, publicKey);
    assert.equal(forgedCheck.ok, false);
    assert.match(forgedCheck.ok ? '' : forgedCheck.reason, /signature does not match/);
  });

  test('truncated, garbage, empty and absurd input fails with a reason and never throws', () => {
    const inputs: unknown[] = [
      '',
      '   \n ',
      'hello',
      receipt.slice(0, receipt.length / 2),
      receipt.slice(0, -1),
      receipt.slice(1),
      receipt.split('\n').slice(0, -1).join('\n'),
      '-----BEGIN CUSTODIET RECEIPT-----\n-----END CUSTODIET RECEIPT-----',
      '-----BEGIN CUSTODIET RECEIPT-----\nSignature: x\n-----END CUSTODIET RECEIPT-----',
      receipt.replace('2026-11-25T10:31:50Z', '2026-02-30T10:31:50Z'),
      receipt + '\nmore',
      'x'.repeat(1_000_000),
      '\u0000\uffff\ud800',
      null,
      undefined,
      42,
    ];
    for (const input of inputs) {
      const check = verifyReceipt(input as string, publicKey);
      assert.equal(check.ok, false, String(input).slice(0, 80));
      assert.ok(!check.ok && check.reason.length > 0);
    }
    for (const key of [new Uint8Array(0), new Uint8Array(31), Buffer.alloc(32, 0xff), 'key' as unknown]) {
      const check = verifyReceipt(receipt, key as Uint8Array);
      assert.equal(check.ok, false);
    }
  });

  test('a copy pasted with CRLF line ends and blank space around it still verifies', () => {
    const pasted = `\r\n  \t${receipt.replace(/\n/g, '\r\n')}\r\n\r\n  `;
    assert.ok(verifyReceipt(pasted, publicKey).ok);
    assert.ok(verifyReceipt(receipt + '\n', publicKey).ok);
    // Blank space inside the block is not tolerated: it changes signed or structural bytes.
    assert.equal(verifyReceipt(receipt.replace('\nKind', '\n Kind'), publicKey).ok, false);
    assert.equal(verifyReceipt(receipt.replace('\nKind', '\n\nKind'), publicKey).ok, false);
  });

  test('contentSha256 does not depend on key order, and does depend on every value', () => {
    const a = contentSha256({ b: 'two', a: 'one', nested: { y: 1, x: [1, 2] } });
    const b = contentSha256({ nested: { x: [1, 2], y: 1 }, a: 'one', b: 'two' });
    assert.equal(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.notEqual(a, contentSha256({ b: 'two', a: 'one ', nested: { y: 1, x: [1, 2] } }));
    assert.notEqual(a, contentSha256({ b: 'two', a: 'one', nested: { y: 1, x: [2, 1] } }));
  });

  test('signing refuses a malformed statement, and uppercase hex is written lowercase', () => {
    assert.throws(() => signer.sign({ ...statement, contentSha256: 'abc' }), /contentSha256/);
    assert.throws(() => signer.sign({ ...statement, receivedAt: new Date('nope') }), /receivedAt/);
    assert.throws(() => signer.sign({ ...statement, kind: 'other' as never }), /kind/);
    assert.throws(() => signer.sign({ ...statement, attachmentSha256: ['z'.repeat(64)] }), /attachment/);
    const upper = signer.sign({ ...statement, contentSha256: statement.contentSha256.toUpperCase() });
    assert.equal(upper, receipt);
  });

  test('filesNotInReceipt names the files whose SHA-256 the receipt does not hold', () => {
    const files = [
      { name: 'a.jpg', bytes: Buffer.from('first file') },
      { name: 'b.pdf', bytes: Buffer.from('not sent') },
    ];
    assert.deepEqual(filesNotInReceipt(statement, files), ['b.pdf']);
  });
});

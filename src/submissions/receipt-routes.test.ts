import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { testApp, testReceipts } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { encode } from '../../test/helpers/editor.ts';
import type { Logger } from '../http/logger.ts';
import { contentSha256, openReceiptSigner, sha256Hex, type ReceiptStatement } from './receipt.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const statement: ReceiptStatement = {
  kind: 'insider-report',
  receivedAt: new Date('2026-11-25T10:31:50Z'),
  contentSha256: contentSha256({ account: 'what I saw' }),
  attachmentSha256: [sha256Hex('bodycam still')],
};
const genuine = testReceipts.sign(statement);

/** A logger that keeps every line, to prove the page leaves nothing about its visitor in the logs. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
    error: (message, err) => lines.push(JSON.stringify({ message, err: String(err) })),
  };
}

const post = (fields: Record<string, string>, logger?: Logger) =>
  testApp(t, logger ? { logger } : {}).request('/receipts/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: encode(fields),
  });

describe('the public receipt checker', () => {
  test('the form works without JavaScript, explains itself and shows the signing key', async () => {
    const res = await testApp(t).request('/receipts/verify');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<form method="post" action="\/receipts\/verify">/);
    assert.match(html, /<textarea[^>]*name="receipt"/);
    assert.match(html, /What a receipt proves/);
    assert.match(html, /does not contain or reveal what you sent/);
    assert.ok(html.includes(testReceipts.keyId));
    assert.ok(html.includes(testReceipts.publicKeyBase64));
    assert.doesNotMatch(html, /<script/);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
  });

  test('a genuine receipt is shown as genuine with its fields, and nothing about it is logged', async () => {
    const logger = recordingLogger();
    const res = await post({ receipt: `\r\n${genuine.replace(/\n/g, '\r\n')}\r\n` }, logger);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /This receipt is genuine/);
    assert.match(html, /Insider report/);
    assert.match(html, /2026-11-25T10:31:50Z/);
    assert.ok(html.includes(statement.contentSha256));
    assert.ok(html.includes(statement.attachmentSha256[0]!));
    assert.equal(res.headers.get('set-cookie'), null);
    // The access log line is all there is: method, path, status and time, nothing from the body.
    assert.equal(logger.lines.length, 1);
    assert.deepEqual(Object.keys(JSON.parse(logger.lines[0]!) as object).sort(), [
      'message',
      'method',
      'ms',
      'path',
      'status',
    ]);
    assert.ok(!logger.lines[0]!.includes(statement.contentSha256));
  });

  test('a multipart form works too', async () => {
    const form = new FormData();
    form.set('receipt', genuine);
    const res = await testApp(t).request('/receipts/verify', { method: 'POST', body: form });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /This receipt is genuine/);
  });

  test('a tampered receipt, or one signed by another key, does not verify (422, with the reason)', async () => {
    const tampered = genuine.replace('Kind: insider-report', 'Kind: public-submission');
    const res = await post({ receipt: tampered });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /This receipt does not verify/);
    assert.match(html, /signature does not match/);
    assert.doesNotMatch(html, /This receipt is genuine/);

    const other = await openReceiptSigner(crypto.randomBytes(32));
    const foreign = await post({ receipt: other.sign(statement) });
    assert.equal(foreign.status, 422);
    assert.ok((await foreign.text()).includes(`names signing key ${other.keyId}`));
  });

  test('empty, garbage and hostile input get a clear 4xx, never a 500', async () => {
    const empty = await post({ receipt: '  ' });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Paste your receipt into the box/);
    assert.equal((await post({})).status, 422);
    const hostile = await post({ receipt: '<script>alert(1)</script>' });
    assert.equal(hostile.status, 422);
    const html = await hostile.text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert/);
    const broken = await testApp(t).request('/receipts/verify', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="receipt"\r\n\r\nunterminated',
    });
    assert.ok(broken.status >= 400 && broken.status < 500, `got ${broken.status}`);
  });

  test('GET /receipts/key is the public key as plain text', async () => {
    const res = await testApp(t).request('/receipts/key');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await res.text(), `${testReceipts.publicKeyBase64}\n`);
  });

  test('without a signing key every receipt page says so with a 503', async () => {
    const app = testApp(t, { receipts: undefined });
    for (const res of [
      await app.request('/receipts/verify'),
      await app.request('/receipts/key'),
      await app.request('/receipts/verify', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: encode({ receipt: genuine }),
      }),
    ]) {
      assert.equal(res.status, 503);
      assert.match(await res.text(), /Receipts cannot be verified here/);
    }
  });
});

import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { startWebServer, type TestWebServer } from '../../test/helpers/web-server.ts';
import { isPrivateAddress } from './address.ts';
import { fetchPage, FetchError, type FetchLimits } from './fetch.ts';

const LIMITS: FetchLimits = { timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true };

async function fails(p: Promise<unknown>, kind: FetchError['kind'], permanent: boolean, message?: RegExp) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof FetchError, `expected a FetchError, got ${String(err)}`);
    assert.equal(err.kind, kind);
    assert.equal(err.permanent, permanent);
    if (message) assert.match(err.message, message);
    return true;
  });
}

describe('private and reserved addresses', () => {
  test('loopback, private, link-local, mapped and reserved addresses are private', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      assert.equal(isPrivateAddress(a), true, a);
  });
  test('public addresses are not', () => {
    for (const a of ['8.8.8.8', '151.101.0.81', '2a00:1450:4009:81f::200e', '::ffff:8.8.8.8'])
      assert.equal(isPrivateAddress(a), false, a);
  });
});

describe('fetching a page within limits', () => {
  let web: TestWebServer;
  before(async () => {
    web = await startWebServer();
  });
  after(() => web.close());

  test('loopback is refused unless configuration allows it, and the refusal is permanent', async () => {
    web.set('/notice', { body: '<p>Hearing notice</p>' });
    await fails(
      fetchPage(web.url('/notice'), { ...LIMITS, allowPrivate: false }),
      'refused',
      true,
      /private/,
    );
    await fails(
      fetchPage(web.url('/notice').replace('127.0.0.1', 'localhost'), { ...LIMITS, allowPrivate: false }),
      'refused',
      true,
    );
    const page = await fetchPage(web.url('/notice'), LIMITS);
    assert.equal(page.status, 200);
  });

  test('only http and https; no credentials in the address', async () => {
    await fails(fetchPage('file:///etc/passwd', LIMITS), 'bad_url', true, /Only http/);
    await fails(fetchPage('ftp://example.org/x', LIMITS), 'bad_url', true);
    await fails(fetchPage('http://user:pw@example.org/', LIMITS), 'bad_url', true, /password/);
    await fails(fetchPage('not a url', LIMITS), 'bad_url', true);
  });

  test('redirects are followed up to the limit and the final address is kept', async () => {
    web.set('/a', { status: 301, body: '', headers: { location: '/b' } });
    web.set('/b', { status: 302, body: '', headers: { location: web.url('/c') } });
    web.set('/c', { body: 'final', type: 'text/plain' });
    const page = await fetchPage(web.url('/a'), LIMITS);
    assert.equal(page.finalUrl, web.url('/c'));
    assert.equal(page.bytes.toString(), 'final');
    web.set('/loop', { status: 302, body: '', headers: { location: '/loop' } });
    await fails(fetchPage(web.url('/loop'), LIMITS), 'redirects', true, /More than 3 redirects/);
    web.set('/to-file', { status: 302, body: '', headers: { location: 'file:///etc/passwd' } });
    await fails(fetchPage(web.url('/to-file'), LIMITS), 'bad_url', true);
  });

  test('a body over the size limit is refused, declared or not, compressed or not', async () => {
    web.set('/big', { body: Buffer.alloc(200_000, 'a'), type: 'text/plain' });
    await fails(fetchPage(web.url('/big'), LIMITS), 'too_large', true);
    web.set('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 30; i++) res.write(Buffer.alloc(10_000, 'b'));
      res.end();
    });
    await fails(fetchPage(web.url('/chunked'), LIMITS), 'too_large', true);
    web.set('/bomb', {
      body: zlib.gzipSync(Buffer.alloc(5_000_000, 0)),
      type: 'text/plain',
      headers: { 'content-encoding': 'gzip' },
    });
    await fails(fetchPage(web.url('/bomb'), LIMITS), 'too_large', true);
  });

  test('compressed pages are stored decoded; cookies are not kept', async () => {
    web.set('/gz', {
      body: zlib.gzipSync(Buffer.from('<p>Decoded text</p>')),
      headers: { 'content-encoding': 'gzip', 'set-cookie': 'track=1' },
    });
    const page = await fetchPage(web.url('/gz'), LIMITS);
    assert.equal(page.bytes.toString(), '<p>Decoded text</p>');
    assert.equal(page.mediaType, 'text/html');
    assert.equal(page.headers['set-cookie'], undefined);
  });

  test('a server that never answers times out, and a timeout may be retried', async () => {
    web.set('/hang', () => undefined);
    await fails(fetchPage(web.url('/hang'), { ...LIMITS, timeoutMs: 300 }), 'timeout', false);
  });

  test('a host that does not resolve is a retryable network failure', async () => {
    await fails(fetchPage('http://no-such-host.invalid/', LIMITS), 'network', false);
  });
});

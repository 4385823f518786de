import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { localBlobStore } from '../blobs/store.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeSource } from '../../test/helpers/factories.ts';
import { startWebServer, type TestWebServer } from '../../test/helpers/web-server.ts';
import { startCaptureQueue, type CaptureQueue } from './queue.ts';
import { requestCapture } from './service.ts';

describe('the capture queue (pg-boss)', () => {
  let t: TestDatabase;
  let web: TestWebServer;
  let queue: CaptureQueue;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-queue-'));
  before(async () => {
    [t, web] = await Promise.all([createTestDatabase(), startWebServer()]);
    queue = await startCaptureQueue({
      db: t.db,
      blobs: localBlobStore(dir),
      limits: { timeoutMs: 2000, maxBytes: 1_000_000, maxRedirects: 2, allowPrivate: true },
      retryLimit: 2,
      retryDelaySeconds: 1,
      pollingSeconds: 0.5,
      sweepEverySeconds: 0,
    });
  });
  after(async () => {
    await queue.stop();
    await Promise.all([t.close(), web.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = (id: string) =>
    t.db
      .selectFrom('source_snapshots')
      .select(['capture_status', 'attempts', 'error', 'extracted_text'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  test('a page that fails once is retried by the job and then captured', async () => {
    let calls = 0;
    web.set('/flaky', (_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503).end('busy');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('Outcome: the officer was dismissed.');
    });
    const source = await makeSource(t.db, { url: web.url('/flaky') });
    const id = await requestCapture(t.db, ACTOR, source.id);
    await queue.enqueue(id);
    await queue.enqueue(id); // a second click while it waits does not double the work
    await queue.idle();
    const snap = await snapshot(id);
    assert.equal(snap.capture_status, 'captured');
    assert.equal(snap.attempts, 2);
    assert.equal(calls, 2);
    assert.match(snap.extracted_text!, /officer was dismissed/);
  });

  test('a page that keeps failing ends as failed, with the reason, after the retry limit', async () => {
    web.set('/down', { status: 500, body: 'error' });
    const source = await makeSource(t.db, { url: web.url('/down') });
    const id = await requestCapture(t.db, ACTOR, source.id);
    assert.equal(await queue.sweep(), 1, 'the sweep finds the waiting snapshot');
    await queue.idle();
    const snap = await snapshot(id);
    assert.equal(snap.capture_status, 'failed');
    assert.equal(snap.attempts, 3);
    assert.equal(snap.error, 'The site answered HTTP 500');
    assert.equal(web.hits('/down'), 3);
  });
});

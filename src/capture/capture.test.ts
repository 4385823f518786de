import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { inTransaction } from '../audit/records.ts';
import { sha256Hex, type BlobStore } from '../blobs/store.ts';
import { startBlobStores } from '../../test/helpers/blob-stores.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeIncident, makeSource } from '../../test/helpers/factories.ts';
import { startWebServer, type TestWebServer } from '../../test/helpers/web-server.ts';
import { isAppError } from '../errors/catalogue.ts';
import { sourceWithArchive } from '../sources/claims.ts';
import { publicationChecks } from '../publication/checks.ts';
import { saveClaim } from '../sources/service.ts';
import { verifySnapshots } from '../verify/service.ts';
import type { FetchLimits } from './fetch.ts';
import { captureSnapshot, requestCapture } from './service.ts';

const LIMITS: FetchLimits = { timeoutMs: 3000, maxBytes: 2_000_000, maxRedirects: 3, allowPrivate: true };

const notice = (
  extra: string,
  noise = '',
) => `<!doctype html><html><head><title>Gross misconduct hearing</title>
<script>var token = "${noise}";</script></head><body><nav>Home | News | Contact</nav>
<article><h1>Gross misconduct hearing: PC A. Example</h1>
<p>A misconduct hearing will be held on 3 March 2025 into allegations that the officer used excessive force
during an arrest in Lambeth.</p><p>The hearing will be held in public. ${extra}</p></article>
<footer>Metropolitan Police Service</footer></body></html>`;

async function pdfWith(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText(text, { x: 40, y: 700, size: 11, font });
  return Buffer.from(await doc.save());
}

/** The capture suite, run against one blob store (local here; S3 too when it is configured). */
export function captureSuite(
  name: string,
  makeStore: () => Promise<{ store: BlobStore; close(): Promise<void> }>,
) {
  describe(`capturing sources (${name})`, () => {
    let t: TestDatabase;
    let web: TestWebServer;
    let blobs: { store: BlobStore; close(): Promise<void> };
    before(async () => {
      [t, web, blobs] = await Promise.all([createTestDatabase(), startWebServer(), makeStore()]);
    });
    after(() => Promise.all([t.close(), web.close(), blobs.close()]));

    const capture = async (sourceId: string, finalAttempt = true) => {
      const id = await requestCapture(t.db, ACTOR, sourceId);
      return { id, outcome: await captureSnapshot(t.db, blobs.store, id, LIMITS, finalAttempt) };
    };
    const row = (id: string) =>
      t.db.selectFrom('source_snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    test('an HTML page is stored by hash with headers, final address and readable text', async () => {
      web.set('/notice-1', { body: notice('') });
      const source = await makeSource(t.db, { url: web.url('/notice-1'), kind: 'hearing_notice' });
      const { id, outcome } = await capture(source.id);
      assert.equal(outcome.status, 'captured');
      const snap = await row(id);
      assert.equal(snap.capture_status, 'captured');
      assert.equal(snap.change, 'first');
      assert.equal(snap.media_type, 'text/html');
      assert.equal(snap.final_url, web.url('/notice-1'));
      assert.equal(snap.http_status, 200);
      assert.match(String((snap.response_headers as Record<string, string>)['content-type']), /text\/html/);
      const bytes = await blobs.store.get(snap.sha256!);
      assert.equal(sha256Hex(bytes!), snap.sha256);
      assert.match(bytes!.toString(), /Gross misconduct hearing/);
      assert.match(snap.extracted_text!, /used excessive force\s+during an arrest in Lambeth/);
      assert.doesNotMatch(snap.extracted_text!, /var token/);
      // The passage check now runs against real captured text.
      const incident = await makeIncident(t.db);
      const claim = (quotedPassage: string) =>
        inTransaction(t.db, (trx) =>
          saveClaim(trx, ACTOR, {
            subjectType: 'incident',
            subjectId: incident.id,
            sourceId: source.id,
            snapshotId: id,
            quotedPassage,
          }),
        );
      await claim('used excessive force during an arrest in Lambeth');
      await assert.rejects(claim('used reasonable force during an arrest'), (e) => isAppError(e));
      const report = await verifySnapshots(t.db, blobs.store);
      assert.ok(report.checked >= 1);
      assert.deepEqual(report.problems, []);
    });

    test('re-capture tells unchanged, changed and gone apart, and keeps the archived copy', async () => {
      web.set('/notice-2', { body: notice('', 'abc') });
      const source = await makeSource(t.db, { url: web.url('/notice-2'), kind: 'hearing_notice' });
      const first = await capture(source.id);
      web.set('/notice-2', { body: notice('', 'a different token') });
      const same = await capture(source.id);
      assert.deepEqual(same.outcome, { ...same.outcome, status: 'captured', change: 'unchanged' });
      web.set('/notice-2', { body: notice('The hearing has been adjourned to 9 April 2025.') });
      const edited = await capture(source.id);
      assert.deepEqual(edited.outcome, { ...edited.outcome, status: 'captured', change: 'changed' });
      assert.match((await row(edited.id)).extracted_text!, /adjourned to 9 April 2025/);
      web.remove('/notice-2');
      const gone = await capture(source.id);
      assert.deepEqual(gone.outcome, { status: 'gone', httpStatus: 404 });
      assert.equal((await row(gone.id)).sha256, null);
      // Every earlier copy is still held, byte for byte.
      for (const id of [first.id, same.id, edited.id]) {
        const snap = await row(id);
        assert.equal(sha256Hex((await blobs.store.get(snap.sha256!))!), snap.sha256);
      }
      const shown = await sourceWithArchive(t.db, source.id);
      assert.equal(shown!.archive.status, 'captured');
      assert.equal(shown!.archive.sha256, (await row(edited.id)).sha256);
      assert.ok(shown!.archive.originalGoneAt instanceof Date, 'the page says the original is gone');
    });

    test('a PDF judgment is captured with its text layer', async () => {
      const pdf = await pdfWith(
        'The Tribunal finds that the officer breached the Standards of Professional Behaviour.',
      );
      web.set('/judgment.pdf', { body: pdf, type: 'application/pdf' });
      const source = await makeSource(t.db, { url: web.url('/judgment.pdf'), kind: 'court_judgment' });
      const { id } = await capture(source.id);
      const snap = await row(id);
      assert.equal(snap.media_type, 'application/pdf');
      assert.equal(snap.sha256, sha256Hex(pdf));
      assert.match(snap.extracted_text!, /breached the Standards of Professional Behaviour/);
    });

    test('a server error is retried, then recorded as a failure the editor can read', async () => {
      web.set('/flaky', { status: 503, body: 'busy' });
      const source = await makeSource(t.db, { url: web.url('/flaky') });
      const { id, outcome } = await capture(source.id, false);
      assert.deepEqual(outcome, { status: 'retry', error: 'The site answered HTTP 503' });
      assert.equal((await row(id)).capture_status, 'not_yet_captured');
      const last = await captureSnapshot(t.db, blobs.store, id, LIMITS, true);
      assert.equal(last.status, 'failed');
      const snap = await row(id);
      assert.equal(snap.capture_status, 'failed');
      assert.equal(snap.attempts, 2);
      assert.equal(snap.error, 'The site answered HTTP 503');
    });

    test('a refused address fails at once, whatever attempt it is', async () => {
      const source = await makeSource(t.db, { url: 'http://169.254.169.254/latest/meta-data/' });
      const id = await requestCapture(t.db, ACTOR, source.id);
      const outcome = await captureSnapshot(t.db, blobs.store, id, { ...LIMITS, allowPrivate: false }, false);
      assert.equal(outcome.status, 'failed');
      assert.match((await row(id)).error!, /private or reserved/);
    });

    test('editors are warned while a cited source has no archived copy, and not once it is captured', async () => {
      web.set('/cited', { body: notice('') });
      const source = await makeSource(t.db, { url: web.url('/cited') });
      const incident = await makeIncident(t.db);
      await inTransaction(t.db, (trx) =>
        saveClaim(trx, ACTOR, {
          subjectType: 'incident',
          subjectId: incident.id,
          sourceId: source.id,
          passageNote: 'x',
        }),
      );
      const r4 = async () =>
        (await publicationChecks(t.db, 'incidents', incident.id)).warnings.filter((w) => w.rule === 'R4');
      assert.match((await r4())[0]?.message ?? '', /1 cited source\(s\) have no archived copy yet/);
      await capture(source.id);
      assert.deepEqual(await r4(), []);
    });

    test('asking twice while a capture waits gives the same snapshot', async () => {
      const source = await makeSource(t.db, { url: web.url('/never-fetched') });
      assert.equal(
        await requestCapture(t.db, ACTOR, source.id),
        await requestCapture(t.db, ACTOR, source.id),
      );
    });
  });
}

// The same suite on both stores: what is archived must survive whichever the operator chose.
for (const started of await startBlobStores()) {
  if ('skip' in started)
    describe(`capturing sources (${started.name})`, { skip: started.skip }, () => undefined);
  else captureSuite(started.name, async () => started.harness);
}

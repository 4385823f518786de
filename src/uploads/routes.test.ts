import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { sha256Hex, type BlobStore } from '../blobs/store.ts';
import { verifyOriginals } from '../verify/service.ts';
import { saveClaim } from '../sources/service.ts';
import { testApp, testBlobs } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { EditorClient } from '../../test/helpers/editor.ts';
import { ACTOR, makeIncident, makeSource } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';

const FIXTURES = path.resolve('test/fixtures/uploads');
const gpsJpeg = fs.readFileSync(path.join(FIXTURES, 'photo-gps.jpg'));
const pdf = fs.readFileSync(path.join(FIXTURES, 'statement.pdf'));

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

function upload(client: EditorClient, sourceId: string, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.set('_csrf', client.csrf);
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return client.app.request(`/editor/sources/${sourceId}/upload`, {
    method: 'POST',
    headers: { cookie: `custodiet_session=${client.token}` },
    body: form,
  });
}

/** Marker segments before the scan (an independent reading, not the stripper's own parser). */
function jpegMarkers(bytes: Buffer): number[] {
  const out: number[] = [];
  let at = 2;
  while (bytes[at] === 0xff && bytes[at + 1] !== 0xda) {
    out.push(bytes[at + 1]!);
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return out;
}

function identifyVerbose(bytes: Buffer): string | null {
  if (spawnSync('identify', ['-version']).status !== 0) {
    assert.notEqual(process.env.CI, 'true', 'ImageMagick identify is required on CI');
    console.warn('\n*** SKIPPED: `identify` is not installed; the stored copy was not decoded ***\n');
    return null;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-up-')), 'x.jpg');
  fs.writeFileSync(file, bytes);
  const r = spawnSync('identify', ['-verbose', file], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

const snapshotOf = (id: string) =>
  t.db.selectFrom('source_snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('a JPEG with GPS EXIF: the stored public copy has none; the sealed original keeps it for moderators', async () => {
  assert.match(identifyVerbose(gpsJpeg) ?? 'GPS', /GPS/, 'the fixture really carries GPS');
  const app = testApp(t);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const source = await makeSource(t.db, { kind: 'submission', url: undefined });
  const res = await upload(editor, source.id, gpsJpeg, 'IMG_jane_witness_home.jpg', 'image/jpeg');
  assert.equal(res.status, 303);
  const snapshotId = /\/editor\/snapshots\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
  const snap = await snapshotOf(snapshotId);
  assert.equal(snap.origin, 'upload');
  assert.equal(snap.media_type, 'image/jpeg');
  // Re-read what was stored, from the blob store itself.
  const stored = (await testBlobs.get(snap.sha256!))!;
  assert.equal(sha256Hex(stored), snap.sha256);
  assert.deepEqual(
    jpegMarkers(stored).filter((m) => m === 0xe1 || m === 0xed || m === 0xfe),
    [],
    'no APP1 (EXIF/XMP), APP13 or comment',
  );
  for (const s of ['Exif', 'Jane Witness', 'TestCam', 'IMG_jane_witness_home'])
    assert.equal(stored.includes(Buffer.from(s)), false, s);
  const described = identifyVerbose(stored);
  if (described !== null) assert.doesNotMatch(described, /GPS|exif:/i);
  // The snapshot page says what was removed; the original is not in the clear anywhere.
  const page = await editor.page(`/editor/snapshots/${snapshotId}`);
  assert.match(page.html, /Removed from the public copy: JPEG APP1 Exif; JPEG APP1 XMP/);
  assert.match(page.html, /Only moderators and admins can open it/);
  assert.doesNotMatch(page.html, /IMG_jane_witness_home/);
  assert.equal((await editor.get(`/editor/snapshots/${snapshotId}/original`)).status, 403);
  const moderator = await EditorClient.as(app, t.db, 'moderator');
  const original = await moderator.get(`/editor/snapshots/${snapshotId}/original`);
  assert.equal(original.status, 200);
  assert.equal(original.headers.get('content-disposition'), 'attachment; filename="original.bin"');
  assert.deepEqual(Buffer.from(await original.arrayBuffer()), gpsJpeg);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['actor', 'action'])
    .where('action', '=', 'evidence.original_read')
    .execute();
  assert.deepEqual(audit, [{ actor: `user:${moderator.user.id}`, action: 'evidence.original_read' }]);
});

test('the public copy is served only once a published record cites it; images inline, PDFs as downloads', async () => {
  const app = testApp(t);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const source = await makeSource(t.db, { kind: 'submission', url: undefined });
  const jpg = await upload(editor, source.id, gpsJpeg, 'a.jpg', 'image/jpeg');
  const jpgSnap = await snapshotOf(/snapshots\/([0-9a-f-]{36})/.exec(jpg.headers.get('location')!)![1]!);
  const doc = await upload(editor, source.id, pdf, 'statement.pdf', 'application/pdf');
  const pdfSnap = await snapshotOf(/snapshots\/([0-9a-f-]{36})/.exec(doc.headers.get('location')!)![1]!);
  assert.equal(
    (await app.request(`/evidence/${jpgSnap.sha256}`)).status,
    404,
    'not cited by anything public',
  );
  const inc = await makeIncident(t.db);
  await inTransaction(t.db, async (trx) => {
    await saveClaim(trx, ACTOR, {
      subjectType: 'incident',
      subjectId: inc.id,
      sourceId: source.id,
      passageNote: 'Photo.',
    });
    await publish(trx, 'incidents', inc.id);
  });
  const image = await app.request(`/evidence/${jpgSnap.sha256}`);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/jpeg');
  assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(Buffer.from(await image.arrayBuffer()).includes(Buffer.from('Jane Witness')), false);
  const file = await app.request(`/evidence/${pdfSnap.sha256}`);
  assert.equal(file.headers.get('content-type'), 'application/octet-stream');
  assert.match(file.headers.get('content-disposition')!, /^attachment/);
  assert.equal((await app.request(`/evidence/${'0'.repeat(64)}`)).status, 404);
  assert.equal((await app.request('/evidence/not-a-hash')).status, 404);
});

test('a file we cannot clean is refused and nothing is stored', async () => {
  const app = testApp(t);
  const editor = await EditorClient.as(app, t.db, 'editor');
  const source = await makeSource(t.db, { kind: 'submission', url: undefined });
  const before = await t.db
    .selectFrom('source_snapshots')
    .select('id')
    .where('source_id', '=', source.id)
    .execute();
  for (const [bytes, name, type] of [
    [Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg'],
    [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
      'x.svg',
      'image/svg+xml',
    ],
    [gpsJpeg.subarray(0, 400), 'cut.jpg', 'image/jpeg'],
  ] as const) {
    const res = await upload(editor, source.id, bytes, name, type);
    assert.ok([415, 422].includes(res.status), `${name}: ${res.status}`);
    assert.match(await res.text(), /Upload a file/);
  }
  const after = await t.db
    .selectFrom('source_snapshots')
    .select('id')
    .where('source_id', '=', source.id)
    .execute();
  assert.deepEqual(after, before);
});

test('custodiet verify re-hashes sealed originals and names one that changed or went missing', async () => {
  const rows = await t.db.selectFrom('upload_originals').select(['snapshot_id', 'envelope_sha256']).execute();
  assert.ok(rows.length > 0);
  assert.deepEqual((await verifyOriginals(t.db, testBlobs)).problems, []);
  const [first, second] = rows;
  // A store whose copy of one envelope was altered, and which lost another.
  const damaged: BlobStore = {
    ...testBlobs,
    get: async (sha) => {
      if (sha === first!.envelope_sha256) return Buffer.from('tampered');
      if (sha === second?.envelope_sha256) return null;
      return testBlobs.get(sha);
    },
  };
  const report = await verifyOriginals(t.db, damaged);
  assert.deepEqual(
    report.problems.map((p) => p.problem).sort(),
    second ? ['changed', 'missing'] : ['changed'],
  );
  assert.equal(report.problems.find((p) => p.problem === 'changed')!.snapshotId, first!.snapshot_id);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { met } from '../../test/helpers/factories.ts';
import { containsText, dumpDatabase, filesUnder } from '../../test/helpers/dump.ts';
import { testBlobDir, testBlobs, testReceipts } from '../../test/helpers/app.ts';
import { makeUser } from '../../test/helpers/editor.ts';
import { assertClean, has, JPEG } from '../../test/helpers/upload-fixtures.ts';
import { convertSubmission } from './convert.ts';
import { normaliseCodename } from './crypto.ts';
import {
  askSubmitter,
  changeModerationPassphrase,
  createModerationKey,
  readAttachment,
  readSubmission,
  setSubmissionState,
  unlockedKey,
  unlockModeration,
} from './moderation.ts';
import { verifyReceipt } from './receipt.ts';
import { openInbox, readInbox, replyAsSubmitter, resumeInbox, submitReport } from './service.ts';

let t: TestDatabase;
let forceId: string;
const PASSPHRASE = 'correct horse battery staple moderation';
// Distinctive strings, so finding one in storage can only mean a leak.
const SECRET_TEXT = 'Sergeant Quillfeather kicked the detainee in cell 7 at Brixtonvale';
const INSIDER_TEXT = 'I reported Inspector Marrowbone for racist messages in the Whatsapp group';
const REPLY_TEXT = 'The second officer was PC Lanternjaw, shoulder number 4471ZX';

before(async () => {
  t = await createTestDatabase();
  forceId = (await met(t.db)).id;
});
after(() => t.close());

/** An editor session row, as signing in makes one (unlocks belong to a session). */
async function sessionFor(userId: string, tokenHash: string) {
  await t.db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: userId,
      csrf_token: 'c'.repeat(43),
      expires_at: new Date(Date.now() + 3600_000),
    })
    .execute();
}

const deps = () => ({ db: t.db, blobs: testBlobs, receipts: testReceipts });
const pk = () => Buffer.from(testReceipts.publicKeyBase64, 'base64');

test('submissions are refused until the moderation key exists', async () => {
  await assert.rejects(
    submitReport(deps(), 'public', { whatHappened: SECRET_TEXT }, []),
    (e: Error & { code?: string }) => e.code === 'CUS_UNAVAILABLE',
  );
  await createModerationKey(t.db, { actor: 'test:setup', userId: null }, PASSPHRASE);
  await assert.rejects(
    createModerationKey(t.db, { actor: 'test:setup', userId: null }, PASSPHRASE),
    /already exists/,
  );
});

test('a report with a GPS photo: codename, receipt, and only ciphertext in the database and the blob store', async () => {
  const { codename, receipt } = await submitReport(
    deps(),
    'public',
    {
      whatHappened: SECRET_TEXT,
      place: 'Brixtonvale Road',
      forceId,
      shoulderNumbers: '1234CW',
      occurredOn: '2026-10-01',
    },
    [{ bytes: JPEG, filename: 'IMG_0001.jpg', declaredType: 'image/jpeg' }],
  );
  assert.ok(normaliseCodename(codename), 'a seven-word codename from the list');
  const check = verifyReceipt(receipt, pk());
  assert.equal(check.ok, true);
  if (check.ok) assert.equal(check.statement.attachmentSha256.length, 1);
  const dump = await dumpDatabase(t.db);
  for (const s of [SECRET_TEXT, 'Brixtonvale Road', '1234CW', 'IMG_0001.jpg', codename])
    assert.equal(containsText(dump, s), false, `the database holds "${s}" in the clear`);
  for (const f of filesUnder(testBlobDir)) {
    assert.equal(containsText(f.bytes, SECRET_TEXT), false, `${f.file} holds the text`);
    // No copy readable without the private key carries the EXIF block or any identifying tag.
    assert.equal(has(f.bytes, 'Exif'), false, `${f.file} holds EXIF`);
    assertClean(f.bytes);
  }
});

test('the inbox, the conversation, and a moderator reading it all', async () => {
  const moderator = await makeUser(t.db, 'moderator');
  const editor = { id: moderator.id, role: 'moderator' };
  const { codename } = await submitReport(
    deps(),
    'insider',
    {
      whatHappened: INSIDER_TEXT + ' and was told to apologise to him',
      challenged: 'Racist messages shared by a supervisor',
      reportedTo: 'Professional Standards',
      reportedOn: '2026-09-02',
      retaliation: [{ on: '2026-09-20', what: 'Moved to a night-shift posting' }],
    },
    [],
  );
  await assert.rejects(openInbox(t.db, 'not a codename at all'), /does not open an inbox/);
  const wrong = codename.split(' ').reverse().join(' ');
  if (wrong !== codename) await assert.rejects(openInbox(t.db, wrong), /does not open an inbox/);
  const token = await openInbox(t.db, `  ${codename.toUpperCase()} `);
  const inbox = await resumeInbox(t.db, token);
  assert.ok(inbox);
  assert.equal(
    await readInbox(t.db, inbox).then((i) => i.content.report.challenged),
    'Racist messages shared by a supervisor',
  );
  assert.equal(await resumeInbox(t.db, token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')), null);

  // The moderator cannot read without unlocking; a wrong passphrase unlocks nothing.
  const sessionHash = 'a'.repeat(64);
  await sessionFor(moderator.id, sessionHash);
  const id = inbox.submissionId;
  await assert.rejects(readSubmission(t.db, editor, id, null), /Unlock/);
  await assert.rejects(
    unlockModeration(t.db, editor, sessionHash, 'wrong passphrase here'),
    /does not unlock/,
  );
  const unlock = await unlockModeration(t.db, editor, sessionHash, PASSPHRASE);
  assert.equal(await unlockedKey(t.db, sessionHash, 'x'.repeat(43)), null, 'another cookie opens nothing');
  const key = await unlockedKey(t.db, sessionHash, unlock);
  assert.ok(key);
  const read = await readSubmission(t.db, editor, id, key);
  assert.match(read.content.report.whatHappened, /told to apologise/);
  assert.equal(read.content.report.retaliation?.[0]?.what, 'Moved to a night-shift posting');

  await askSubmitter({ db: t.db, blobs: testBlobs }, editor, id, {
    text: 'Which station were you posted to?',
  });
  const after1 = await readInbox(t.db, inbox);
  assert.equal(after1.state, 'needs_information');
  assert.equal(after1.messages[0]?.text, 'Which station were you posted to?');

  const receipt = await replyAsSubmitter(
    deps(),
    inbox,
    { text: REPLY_TEXT, retaliation: [{ on: '2026-10-05', what: 'Disciplinary threat' }] },
    [{ bytes: JPEG, filename: 'threat.jpg', declaredType: 'image/jpeg' }],
  );
  assert.equal(verifyReceipt(receipt, pk()).ok, true);
  const read2 = await readSubmission(t.db, editor, id, key);
  const reply = read2.messages[1]!;
  assert.equal(reply.text, REPLY_TEXT);
  assert.equal(reply.retaliation[0]?.what, 'Disciplinary threat');
  const file = await readAttachment(
    { db: t.db, blobs: testBlobs },
    editor,
    id,
    reply.attachments[0]!.blob,
    key,
  );
  assert.equal(has(file.bytes, 'Exif'), false, 'the moderator copy is clean too');
  assert.ok(file.bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])), 'still a JPEG');

  const dump = await dumpDatabase(t.db);
  for (const s of [
    INSIDER_TEXT,
    REPLY_TEXT,
    'Which station were you posted to?',
    'Moved to a night-shift posting',
    '4471ZX',
  ])
    assert.equal(containsText(dump, s), false, `the database holds "${s}" in the clear`);
  const actions = (
    await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'submissions')
      .where('entity_id', '=', id)
      .execute()
  ).map((r) => r.action);
  assert.ok(
    actions.includes('submission.read') &&
      actions.includes('submission.message') &&
      actions.includes('submission.attachment_open'),
  );
});

test('duplicate and conversion: a draft incident and allegation, provenance kept, the state final', async () => {
  const moderator = await makeUser(t.db, 'moderator');
  const editor = { id: moderator.id, role: 'moderator' };
  const { codename } = await submitReport(
    deps(),
    'public',
    { whatHappened: 'An officer pushed my brother down the stairs of the station.' },
    [],
  );
  const inbox = (await resumeInbox(t.db, await openInbox(t.db, codename)))!;
  const id = inbox.submissionId;
  await assert.rejects(setSubmissionState(t.db, editor, id, { state: 'duplicate' }), /choose the incident/);
  await assert.rejects(convertSubmission(t.db, editor, id, null, {}), /Unlock/);
  const fakeKey = { id: 'x', publicKey: Buffer.alloc(32), secretKey: Buffer.alloc(32) };
  const made = await convertSubmission(t.db, editor, id, fakeKey, {
    title: 'Man pushed down station stairs',
    summary: 'A man was pushed down the stairs of a police station, his brother says.',
    forceId,
    allegationSummary: 'An officer pushed a man down the stairs.',
    standard: 'use_of_force',
  });
  const incident = await t.db
    .selectFrom('incidents')
    .select(['publication_state', 'title'])
    .where('id', '=', made.incidentId)
    .executeTakeFirstOrThrow();
  assert.equal(incident.publication_state, 'draft');
  const allegation = await t.db
    .selectFrom('allegations')
    .select(['status_code', 'unidentified_officer'])
    .where('id', '=', made.allegationId!)
    .executeTakeFirstOrThrow();
  assert.equal(allegation.status_code, 'reported');
  const conv = await t.db
    .selectFrom('submission_conversions')
    .select('record_table')
    .where('submission_id', '=', id)
    .execute();
  assert.deepEqual(conv.map((c) => c.record_table).sort(), ['allegations', 'incidents']);
  assert.equal((await readInbox(t.db, inbox)).state, 'converted');
  await assert.rejects(setSubmissionState(t.db, editor, id, { state: 'rejected' }), /final/);
  await assert.rejects(
    convertSubmission(t.db, editor, id, fakeKey, { title: 'x', summary: 'y', forceId }),
    /already/,
  );
  // Editors without the moderation permission can do none of this.
  const plain = { id: (await makeUser(t.db, 'editor')).id, role: 'editor' };
  await assert.rejects(readSubmission(t.db, plain, id, fakeKey), /cannot/);
});

test('changing the passphrase revokes every unlock; the new one opens the same submissions', async () => {
  const moderator = await makeUser(t.db, 'moderator');
  const editor = { id: moderator.id, role: 'moderator' };
  const sessionHash = 'b'.repeat(64);
  await sessionFor(moderator.id, sessionHash);
  const before = await unlockModeration(t.db, editor, sessionHash, PASSPHRASE);
  await assert.rejects(
    changeModerationPassphrase(t.db, { actor: 'test' }, 'not the passphrase', 'a brand new passphrase'),
    /does not unlock/,
  );
  await assert.rejects(
    changeModerationPassphrase(t.db, { actor: 'test' }, PASSPHRASE, 'short'),
    /at least 12/,
  );
  await changeModerationPassphrase(t.db, { actor: 'test' }, PASSPHRASE, 'a brand new passphrase');
  assert.equal(await unlockedKey(t.db, sessionHash, before), null, 'the old unlock is gone');
  await assert.rejects(unlockModeration(t.db, editor, sessionHash, PASSPHRASE), /does not unlock/);
  const key = await unlockedKey(
    t.db,
    sessionHash,
    await unlockModeration(t.db, editor, sessionHash, 'a brand new passphrase'),
  );
  const first = (await t.db.selectFrom('submissions').select('id').orderBy('id').executeTakeFirstOrThrow())
    .id;
  assert.match((await readSubmission(t.db, editor, first, key)).content.report.whatHappened, /Quillfeather/);
});

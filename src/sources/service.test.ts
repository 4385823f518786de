import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeIncident, makeSource } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { normaliseForMatch, saveClaim, saveSnapshot } from './service.ts';

describe('sources, snapshots and claims', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  const captured = async (text: string) => {
    const source = await makeSource(t.db);
    const snap = await inTransaction(t.db, (trx) =>
      saveSnapshot(trx, ACTOR, {
        sourceId: source.id,
        captureStatus: 'captured',
        sha256: 'a'.repeat(64),
        mediaType: 'text/html',
        byteSize: 100,
        fetchedAt: new Date(),
        extractedText: text,
      }),
    );
    return { source, snap };
  };

  test('a passage that occurs in the snapshot (whitespace and quote styles aside) is saved', async () => {
    const incident = await makeIncident(t.db);
    const { source, snap } = await captured(
      'The panel found the allegation\n  proven, and the officer “was dismissed” without notice.',
    );
    const claim = await inTransaction(t.db, (trx) =>
      saveClaim(trx, ACTOR, {
        subjectType: 'incident',
        subjectId: incident.id,
        sourceId: source.id,
        snapshotId: snap.id,
        quotedPassage: 'allegation proven, and the officer "was dismissed"',
      }),
    );
    assert.equal(claim.incident_id, incident.id);
  });

  test('a passage that is not in the snapshot cannot be saved', async () => {
    const incident = await makeIncident(t.db);
    const { source, snap } = await captured('The panel found the allegation not proven.');
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveClaim(trx, ACTOR, {
          subjectType: 'incident',
          subjectId: incident.id,
          sourceId: source.id,
          snapshotId: snap.id,
          quotedPassage: 'The panel found the allegation proven.',
        }),
      ),
      (e: unknown) =>
        isAppError(e) && e.code === 'CUS_CLAIM_INVALID' && e.fields[0]?.field === 'quotedPassage',
    );
  });

  test('a snapshot of another source is refused', async () => {
    const incident = await makeIncident(t.db);
    const { snap } = await captured('text');
    const other = await makeSource(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveClaim(trx, ACTOR, {
          subjectType: 'incident',
          subjectId: incident.id,
          sourceId: other.id,
          snapshotId: snap.id,
          passageNote: 'n',
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_CLAIM_INVALID',
    );
  });

  test('a captured snapshot must carry its hash; a pending one must not', async () => {
    const source = await makeSource(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveSnapshot(trx, ACTOR, { sourceId: source.id, captureStatus: 'captured' }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_CONSTRAINT',
    );
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveSnapshot(trx, ACTOR, {
          sourceId: source.id,
          captureStatus: 'not_yet_captured',
          sha256: 'b'.repeat(64),
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_CONSTRAINT',
    );
  });

  test('overlong passages and non-http URLs are refused at the edge', async () => {
    const incident = await makeIncident(t.db);
    const source = await makeSource(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveClaim(trx, ACTOR, {
          subjectType: 'incident',
          subjectId: incident.id,
          sourceId: source.id,
          quotedPassage: 'word '.repeat(61),
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_VALIDATION',
    );
    await assert.rejects(
      inTransaction(t.db, (trx) => makeSource(trx, { url: 'javascript:alert(1)' })),
      (e: unknown) => isAppError(e) && e.fields[0]?.field === 'url',
    );
  });

  test('matching normalises case, whitespace and typographic quotes', () => {
    assert.equal(normaliseForMatch('  “Quoted”\n\ttext’s  '), '"quoted" text\'s');
  });
});

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, describe, test } from 'node:test';
import type { BlobStore } from '../blobs/store.ts';
import type { Db } from '../db/client.ts';
import { saveSnapshot } from '../sources/service.ts';
import { startBlobStores, type StoreHarness } from '../../test/helpers/blob-stores.ts';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeSource } from '../../test/helpers/factories.ts';
import { verifySnapshots } from './service.ts';

/** Archives bytes in the store and records a captured snapshot of a new source pointing at them. */
async function archive(db: Db, blobs: BlobStore, bytes: Buffer) {
  const sha256 = await blobs.put(bytes);
  const source = await makeSource(db);
  const snapshot = await saveSnapshot(db, ACTOR, {
    sourceId: source.id,
    captureStatus: 'captured',
    sha256,
    mediaType: 'text/html',
    byteSize: bytes.length,
    fetchedAt: new Date('2025-01-02T03:04:05Z'),
  });
  return { id: snapshot.id, sha256 };
}

/** verifySnapshots re-hashes what the store holds, whatever kind of store it is. */
function verifyContract(h: () => StoreHarness) {
  test('every captured snapshot is re-hashed; changed and missing bytes are named', async () => {
    const { db, close } = await createTestDatabase();
    try {
      const { store } = h();
      const intact = await archive(db, store, crypto.randomBytes(2000));
      const changed = await archive(db, store, Buffer.from(`<p>original ${crypto.randomUUID()}</p>`));
      const missing = await archive(db, store, crypto.randomBytes(3000));
      // Not captured, so there is nothing to check.
      await saveSnapshot(db, ACTOR, {
        sourceId: (await makeSource(db)).id,
        captureStatus: 'not_yet_captured',
      });

      assert.deepEqual(await verifySnapshots(db, store), { checked: 3, problems: [] });

      await h().overwrite(changed.sha256, Buffer.from('<p>quietly edited</p>'));
      await h().remove(missing.sha256);
      const report = await verifySnapshots(db, store);
      assert.equal(report.checked, 3);
      const byId = (a: { snapshotId: string }, b: { snapshotId: string }) =>
        a.snapshotId.localeCompare(b.snapshotId);
      assert.deepEqual(
        report.problems.sort(byId),
        [
          { snapshotId: changed.id, sha256: changed.sha256, problem: 'changed' },
          { snapshotId: missing.id, sha256: missing.sha256, problem: 'missing' },
        ].sort(byId),
      );
      assert.equal(await store.has(intact.sha256), true);
    } finally {
      await close();
    }
  });
}

for (const started of await startBlobStores()) {
  if ('skip' in started) {
    describe(`verifySnapshots with the ${started.name}`, { skip: started.skip }, () => {});
    continue;
  }
  describe(`verifySnapshots with the ${started.name}`, () => {
    after(() => started.harness.close());
    verifyContract(() => started.harness);
  });
}

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, describe, test } from 'node:test';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { startBlobStores, type StoreHarness } from '../../test/helpers/blob-stores.ts';
import { s3BlobKey, s3BlobStore, s3ClientFor } from './s3.ts';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// Computed independently of the store's own sha256Hex, so a bug there cannot hide itself.
const digest = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** What every BlobStore must do, whichever backend keeps the bytes. */
function blobStoreContract(h: () => StoreHarness) {
  test('put returns the SHA-256 of the bytes, and the same digest when put twice', async () => {
    const bytes = Buffer.from(`hello ${crypto.randomUUID()}`);
    const sha = await h().store.put(bytes);
    assert.equal(sha, digest(bytes));
    assert.equal(await h().store.put(bytes), sha);
    assert.equal(await h().store.put(new Uint8Array(bytes)), sha);
  });

  test('get returns identical bytes; an unknown digest is null', async () => {
    const bytes = crypto.randomBytes(1000);
    const sha = await h().store.put(bytes);
    const back = await h().store.get(sha);
    assert.ok(back && Buffer.isBuffer(back));
    assert.ok(back.equals(bytes));
    assert.equal(await h().store.get(digest(crypto.randomBytes(8))), null);
  });

  test('has is true for stored digests and false for others', async () => {
    const sha = await h().store.put(crypto.randomBytes(10));
    assert.equal(await h().store.has(sha), true);
    assert.equal(await h().store.has(digest(crypto.randomBytes(8))), false);
  });

  test('anything but a lowercase SHA-256 hex digest is refused', async () => {
    const good = digest(Buffer.from('x'));
    for (const bad of [
      '',
      'abc',
      good.toUpperCase(),
      `${good}0`,
      `../../${good.slice(6)}`,
      `${good.slice(1)}/`,
    ]) {
      await assert.rejects(h().store.get(bad), /Not a SHA-256 digest/, bad);
      await assert.rejects(h().store.has(bad), /Not a SHA-256 digest/, bad);
    }
  });

  test('a 3 MB random blob round-trips', async () => {
    const bytes = crypto.randomBytes(3 * 1024 * 1024);
    const sha = await h().store.put(bytes);
    assert.equal(sha, digest(bytes));
    assert.ok((await h().store.get(sha))?.equals(bytes));
  });

  test('empty bytes round-trip', async () => {
    assert.equal(await h().store.put(new Uint8Array(0)), EMPTY_SHA256);
    assert.equal(await h().store.has(EMPTY_SHA256), true);
    assert.equal((await h().store.get(EMPTY_SHA256))?.length, 0);
  });

  test('put skips bytes already present rather than rewriting them (verify is what re-hashes)', async () => {
    const bytes = crypto.randomBytes(64);
    const sha = await h().store.put(bytes);
    await h().overwrite(sha, Buffer.from('tampered'));
    assert.equal(await h().store.put(bytes), sha);
    assert.equal((await h().store.get(sha))?.toString(), 'tampered');
  });
}

/** What only the S3 store promises: its key layout, object labels, and errors that say where. */
function s3Specifics(h: () => StoreHarness) {
  test('objects live under <prefix>blobs/ab/cd/<digest>, typed as bytes and labelled with their digest', async () => {
    const opts = h().s3!;
    const sha = await h().store.put(Buffer.from('layout'));
    const key = s3BlobKey(sha, opts.prefix);
    assert.equal(key, `test/blobs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);
    const client = s3ClientFor(opts);
    const head = await client.send(new HeadObjectCommand({ Bucket: opts.bucket, Key: key }));
    client.destroy();
    assert.equal(head.ContentType, 'application/octet-stream');
    assert.equal(head.Metadata?.sha256, sha);
    assert.match(h().store.describe, /^s3 s3:\/\/custodiet-test\/test\/ at http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('a missing bucket is an error naming the object, not a missing blob', async () => {
    const opts = { ...h().s3!, bucket: 'no-such-bucket' };
    const client = s3ClientFor(opts);
    const wrong = s3BlobStore(opts, client);
    await assert.rejects(
      wrong.get(EMPTY_SHA256),
      /S3 GET s3:\/\/no-such-bucket\/test\/blobs\/e3\/b0\/.*NoSuchBucket/,
    );
    await assert.rejects(wrong.put(Buffer.from('x')), /S3 PUT s3:\/\/no-such-bucket\/.*NoSuchBucket/);
    client.destroy();
  });
}

for (const started of await startBlobStores()) {
  if ('skip' in started) {
    describe(started.name, { skip: started.skip }, () => {});
    continue;
  }
  describe(started.name, () => {
    after(() => started.harness.close());
    blobStoreContract(() => started.harness);
    if (started.harness.s3) s3Specifics(() => started.harness);
  });
}

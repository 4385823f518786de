import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../config/config.ts';
import { blobStoreFromConfig } from './from-config.ts';

test('blobs go to BLOB_DIR unless S3_BUCKET is set, then to the bucket', async () => {
  assert.equal(
    (await blobStoreFromConfig(loadConfig({ BLOB_DIR: '/srv/blobs' }))).describe,
    'local /srv/blobs',
  );
  const s3 = loadConfig({
    S3_BUCKET: 'custodiet-blobs',
    S3_ENDPOINT: 'http://127.0.0.1:9000',
    S3_PREFIX: 'c',
  });
  // Building the store makes no request, so no server is needed to see which store was chosen.
  assert.equal(
    (await blobStoreFromConfig(s3)).describe,
    's3 s3://custodiet-blobs/c/ at http://127.0.0.1:9000',
  );
});

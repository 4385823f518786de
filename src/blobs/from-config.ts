import type { Config } from '../config/config.ts';
import { s3BlobStore } from './s3.ts';
import { localBlobStore, type BlobStore } from './store.ts';

/** The configured blob store: the S3 bucket when S3_BUCKET is set, else the local BLOB_DIR. */
export function blobStoreFromConfig(config: Pick<Config, 'blobDir' | 's3'>): BlobStore {
  return config.s3 ? s3BlobStore(config.s3) : localBlobStore(config.blobDir);
}

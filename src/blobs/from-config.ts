import type { Config } from '../config/config.ts';
import { localBlobStore, type BlobStore } from './store.ts';

/**
 * The configured blob store: the S3 bucket when S3_BUCKET is set, else the local BLOB_DIR. The
 * AWS SDK is imported only when a bucket is configured: it takes a noticeable fraction of a
 * second to load, which every command (and the server's start) would otherwise pay.
 */
export async function blobStoreFromConfig(config: Pick<Config, 'blobDir' | 's3'>): Promise<BlobStore> {
  if (!config.s3) return localBlobStore(config.blobDir);
  const { s3BlobStore } = await import('./s3.ts');
  return s3BlobStore(config.s3);
}

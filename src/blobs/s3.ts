import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertSha256, sha256Hex, type BlobStore } from './store.ts';

/** Where and how to reach an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, s3rver…). */
export interface S3BlobStoreOptions {
  /** Service URL of an S3-compatible provider; unset means AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Static credentials; when unset the AWS SDK's default chain applies (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** bucket-in-path URLs rather than bucket-as-subdomain; most S3-compatible servers need this. */
  forcePathStyle: boolean;
  /** Prepended to every key: empty, or ending in `/` (e.g. `custodiet/`). */
  prefix?: string;
}

/** The object key for a digest: fanned out as `<prefix>blobs/ab/cd/<digest>`, like the local store's folders. */
export function s3BlobKey(sha256: string, prefix = ''): string {
  assertSha256(sha256);
  return `${prefix}blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** An S3 client for these options (exported so tests and tools talk to the bucket exactly as the store does). */
export function s3ClientFor(opts: S3BlobStoreOptions): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    credentials:
      opts.accessKeyId && opts.secretAccessKey
        ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
        : undefined,
    // Newer SDKs add CRC32 checksums (as aws-chunked trailers) to every upload by default, which a
    // number of S3-compatible servers reject. We send our own SHA-256 checksum instead, and every
    // read is re-hashed by whoever needs certainty (`custodiet verify`), so only send what is required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

interface AwsError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

// "No such object" only: a missing bucket is a configuration problem and must not read as
// "every blob is missing". (A HEAD response has no body, so there a missing bucket is just 404.)
function isNotFound(err: unknown): boolean {
  const e = err as AwsError;
  if (e.name === 'NoSuchBucket') return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

// Name the operation and object in failures: the SDK's own messages ("Access Denied") say neither.
function failure(op: string, url: string, err: unknown): never {
  const e = err as AwsError;
  throw new Error(`S3 ${op} ${url} failed (${e.name ?? 'Error'}: ${e.message ?? String(err)})`, {
    cause: err,
  });
}

// The upload carries its SHA-256 so S3 rejects bytes damaged on the way; the metadata keeps the
// digest visible to anyone browsing the bucket without knowing the key scheme.
function putCommand(Bucket: string, Key: string, bytes: Uint8Array, sha: string): PutObjectCommand {
  return new PutObjectCommand({
    Bucket,
    Key,
    Body: bytes,
    ContentLength: bytes.byteLength,
    ContentType: 'application/octet-stream',
    ChecksumSHA256: Buffer.from(sha, 'hex').toString('base64'),
    Metadata: { sha256: sha },
  });
}

/**
 * Blobs in an S3-compatible bucket under `<prefix>blobs/ab/cd/<digest>`. Uploads are idempotent
 * (HEAD first) and carry their SHA-256, so S3 itself refuses bytes damaged in transit.
 */
export function s3BlobStore(opts: S3BlobStoreOptions, client: S3Client = s3ClientFor(opts)): BlobStore {
  const Bucket = opts.bucket;
  const keyFor = (sha: string) => s3BlobKey(sha, opts.prefix ?? '');
  const fail = (op: string, key: string, err: unknown) => failure(op, `s3://${Bucket}/${key}`, err);

  async function has(sha: string): Promise<boolean> {
    const Key = keyFor(sha);
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      return fail('HEAD', Key, err);
    }
  }

  return {
    describe: `s3 s3://${Bucket}/${opts.prefix ?? ''}${opts.endpoint ? ` at ${opts.endpoint}` : ''}`,
    has,
    async put(bytes) {
      const sha = sha256Hex(bytes);
      // Content-addressed: an object under this key already holds these bytes (tampering is for
      // `custodiet verify` to find), so skip the upload.
      if (await has(sha)) return sha;
      const Key = keyFor(sha);
      try {
        await client.send(putCommand(Bucket, Key, bytes, sha));
      } catch (err) {
        fail('PUT', Key, err);
      }
      return sha;
    },
    async get(sha) {
      const Key = keyFor(sha);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key }));
        return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (isNotFound(err)) return null;
        return fail('GET', Key, err);
      }
    },
  };
}

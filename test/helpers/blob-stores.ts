// The blob stores the tests run against: a local folder and an S3 bucket served in-process by
// s3rver. Each comes with back-door access to its storage so tests can tamper behind the store.
import fs from 'node:fs';
import os from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3BlobKey, s3BlobStore, s3ClientFor, type S3BlobStoreOptions } from '../../src/blobs/s3.ts';
import { localBlobStore, type BlobStore } from '../../src/blobs/store.ts';

/** A running store plus ways to change its storage without going through it. */
export interface StoreHarness {
  store: BlobStore;
  /** Replaces the bytes kept under a digest, as a bit flip or a malicious operator would. */
  overwrite(sha256: string, bytes: Uint8Array): Promise<void>;
  /** Deletes whatever is kept under a digest. */
  remove(sha256: string): Promise<void>;
  close(): Promise<void>;
  /** How the store reaches its bucket (S3 stores only). */
  s3?: S3BlobStoreOptions;
}

/** One store to run a suite against: started, or skipped with the reason. */
export type StartedStore = { name: string; harness: StoreHarness } | { name: string; skip: string };

/** A local store in a fresh temporary folder. */
export async function localHarness(): Promise<StoreHarness> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-blobs-'));
  const file = (sha: string) => path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    store: localBlobStore(root),
    overwrite: async (sha, bytes) => fs.writeFileSync(file(sha), bytes),
    remove: async (sha) => fs.rmSync(file(sha)),
    close: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The bucket s3rver creates for the tests. */
export const TEST_BUCKET = 'custodiet-test';

/**
 * s3rver on a free port of 127.0.0.1. Not `run()`: that listens without an 'error' handler, so a
 * failure to bind crashes the process instead of rejecting, and the S3 suite could not be skipped.
 * Imported here, not at the top, so a broken s3rver install is a reason to skip rather than a crash.
 */
async function startS3rver(directory: string): Promise<{ server: Server; port: number }> {
  const { default: S3rver } = await import('s3rver');
  const s3rver = new S3rver({ silent: true, directory, configureBuckets: [{ name: TEST_BUCKET }] });
  await s3rver.configureBuckets();
  const server = await new Promise<Server>((resolve, reject) => {
    const listening: Server = s3rver.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** An S3 store against an s3rver on a free local port, with a key prefix so prefixing is exercised. */
export async function s3rverHarness(): Promise<StoreHarness> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-s3rver-'));
  const { server, port } = await startS3rver(directory).catch((err: unknown) => {
    fs.rmSync(directory, { recursive: true, force: true });
    throw err;
  });
  const opts: S3BlobStoreOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: TEST_BUCKET,
    accessKeyId: 'S3RVER', // s3rver's fixed credentials
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'test/',
  };
  const client = s3ClientFor(opts);
  const Key = (sha: string) => s3BlobKey(sha, opts.prefix);
  return {
    s3: opts,
    store: s3BlobStore(opts, client),
    overwrite: async (sha, bytes) => {
      await client.send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: Key(sha), Body: bytes }));
    },
    remove: async (sha) => {
      await client.send(new DeleteObjectCommand({ Bucket: TEST_BUCKET, Key: Key(sha) }));
    },
    close: async () => {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Starts both stores. If s3rver will not start, CI fails (an S3 store nobody tests is a store that
 * silently breaks); elsewhere the S3 suite is skipped with the reason printed where it is seen.
 */
export async function startBlobStores(): Promise<StartedStore[]> {
  const local = await localHarness();
  const stores: StartedStore[] = [{ name: 'local store', harness: local }];
  try {
    stores.push({ name: 'S3 store (s3rver)', harness: await s3rverHarness() });
  } catch (err) {
    if (process.env.CI === 'true') {
      await local.close();
      throw err;
    }
    const skip = `s3rver did not start, so the S3 store is UNTESTED here: ${(err as Error).message}`;
    console.warn(`\n*** ${skip} ***\n`);
    stores.push({ name: 'S3 store (s3rver)', skip });
  }
  return stores;
}

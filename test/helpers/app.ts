import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { localBlobStore } from '../../src/blobs/store.ts';
import { createApp, type AppDeps } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import { openVault } from '../../src/uploads/vault.ts';
import { openReceiptSigner } from '../../src/submissions/receipt.ts';
import type { TestDatabase } from './db.ts';

// One blob folder and one originals key per test process, removed when it exits.
/** The folder behind `testBlobs`, for tests that search every stored byte. */
export const testBlobDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-test-blobs-'));
process.once('exit', () => fs.rmSync(testBlobDir, { recursive: true, force: true }));

/** The blob store test apps write to (tests re-read stored files through it). */
export const testBlobs = localBlobStore(testBlobDir);
/** The vault test apps seal originals with. */
export const testVault = await openVault(crypto.randomBytes(32));
/** The signer test apps give receipts with (and check them against). */
export const testReceipts = await openReceiptSigner(crypto.randomBytes(32));

/** The real app over a test database, with logging silenced. */
export function testApp(t: TestDatabase, overrides: Partial<AppDeps> = {}): Hono {
  return createApp({
    db: t.db,
    backend: t.backend,
    logger: createLogger('silent'),
    blobs: testBlobs,
    vault: testVault,
    receipts: testReceipts,
    // Captures and URL ingestion as served, but quick to give up: tests never reach the network.
    captureLimits: { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 2, allowPrivate: false },
    // Rate limits are tested on their own (src/api/api.test.ts); suites that sweep every route
    // from one client would otherwise trip them.
    api: { rateLimit: 0, tokenRateLimit: 0, trustProxy: false },
    ...overrides,
  });
}

// The web server behind `custodiet serve`. Kept apart from the command's description so the
// other commands do not load the whole app (some 300 modules) just to start.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { blobStoreFromConfig } from '../blobs/from-config.ts';
import { startCaptureQueue, type CaptureQueue } from '../capture/queue.ts';
import { openDatabase } from '../db/client.ts';
import { listenForWrites } from '../db/write-notices.ts';
import { loadVaultKey, openVault } from '../uploads/vault.ts';
import { loadReceiptKey, openReceiptSigner } from '../submissions/receipt.ts';
import { migrate } from '../db/migrations.ts';
import { demoSeeded, seedDemo } from '../demo/seed.ts';
import { createApp, type AppDeps } from '../http/app.ts';
import { createLogger, type Logger } from '../http/logger.ts';
import type { Config } from '../config/config.ts';
import type { CommandContext } from './command.ts';
import { startJobs, type Jobs } from '../jobs/boss.ts';
import { startPatternRefresh } from '../patterns/queue.ts';
import { startWebhooks } from '../follow/queue.ts';
import { startDigests } from '../follow/digest-queue.ts';
import { smtpMailer } from '../follow/mailer.ts';
import { ed25519Signer } from '../config/signing.ts';
import { loadExportKey } from '../exports/bundle.ts';
import { startDownloads } from '../downloads/queue.ts';

/** How long a shutdown may take before the process ends regardless (queues get 10 s to stop). */
const SHUTDOWN_GRACE_MS = 30_000;

/** Opens (and migrates) the database, optionally seeds the demo cases, and serves HTTP until stopped. */
export async function runServe({ values, config, out }: CommandContext): Promise<number> {
  const port = values.port === undefined ? config.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${values.port}`);
  const host = (values.host as string | undefined) ?? config.host;
  const started = performance.now();
  const database = await openDatabase(config, 'serve');
  const logger = createLogger(config.logLevel);
  try {
    const { applied } = await migrate(database.db);
    if (applied.length > 0) out(`Applied ${applied.length} migration(s).`);
    if (values.demo && !(await demoSeeded(database.db))) {
      const report = await seedDemo(database.db);
      out(
        `Loaded demo data: ${report.counts.incidents} incidents, ${report.counts.officers} officers, ${report.counts.sources} sources.`,
      );
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: AppDeps = {
    db: database.db,
    backend: database.backend,
    logger,
    publicUrl: config.publicUrl,
    contactEmail: config.contactEmail,
    blobs: await blobStoreFromConfig(config),
    vault: await openVault(loadVaultKey(config.originals)),
    captureLimits: config.capture,
    receipts: await openReceiptSigner(loadReceiptKey(config.receipts)),
    matching: config.matching,
    api: config.api,
    searchCacheSeconds: config.searchCacheSeconds,
    ...(config.smtp ? { mailer: smtpMailer(config.smtp) } : {}),
  };
  // Other instances' writes must reach this one's caches (render-guard verdicts, counts).
  const notices = config.databaseUrl ? listenForWrites(config.databaseUrl, logger) : undefined;
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  out(
    `Custodiet listening on http://${host}:${address.port}/ (${database.describe}, ready in ${Math.round(performance.now() - started)} ms)`,
  );
  // The capture queue starts once pages are being served: its first start creates pg-boss's schema,
  // which readers should not wait for. Routes read deps.capture when they run.
  deps.capture = await startCaptureWorker(config, deps, logger);
  const jobs = await startBackgroundJobs(config, deps, logger);
  await new Promise<void>((resolve) => {
    const stop = () => {
      out('Shutting down…');
      // A clean shutdown ends the process by itself. Should anything hold it open (a queue that
      // does not stop, a handle left behind), end it anyway rather than run on unserved: a
      // supervisor or test waiting for the exit would wait for ever. Unref'd: it never delays one.
      setTimeout(() => {
        out(`Shutdown did not finish within ${SHUTDOWN_GRACE_MS / 1000} s; exiting.`);
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      server.close(() => resolve());
      // Idle keep-alive connections would hold close() open.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await deps.capture?.stop();
  await jobs?.stop();
  await notices?.stop();
  deps.mailer?.close();
  await database.close();
  return 0;
}

/** Starts the background capture queue unless CAPTURE_WORKER=false; a failure is logged, not fatal. */
async function startCaptureWorker(
  config: Config,
  deps: AppDeps,
  logger: Logger,
): Promise<CaptureQueue | undefined> {
  if (!config.capture.worker || !deps.blobs) return undefined;
  try {
    // pg-boss shares the database, so several app instances share the work.
    const queue = await startCaptureQueue({ db: deps.db, blobs: deps.blobs, limits: config.capture, logger });
    await queue.sweep();
    return queue;
  } catch (err) {
    logger.error('the capture queue did not start; sources will wait for `custodiet capture`', err);
    return undefined;
  }
}

/** Pattern refreshes, the public download, webhook deliveries and e-mail digests (same switch as captures); a failure is logged, not fatal. */
async function startBackgroundJobs(config: Config, deps: AppDeps, logger: Logger): Promise<Jobs | undefined> {
  if (!config.capture.worker) return undefined;
  try {
    const jobs = await startJobs(deps.db, logger);
    await startPatternRefresh(jobs, deps.db, config.patternsRefreshMinutes, logger);
    await startWebhooks(jobs, deps.db, { baseUrl: config.publicUrl, logger });
    await startDownloads(jobs, deps.db, {
      signer: ed25519Signer(loadExportKey(config.exports)),
      publicUrl: config.publicUrlGiven ? config.publicUrl : undefined,
      logger,
    });
    if (deps.mailer)
      await startDigests(jobs, deps.db, { mailer: deps.mailer, baseUrl: config.publicUrl, logger });
    return jobs;
  } catch (err) {
    logger.error('background jobs did not start; pattern figures and webhooks wait for the next start', err);
    return undefined;
  }
}

import type { Ed25519Signer } from '../config/signing.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import type { Jobs } from '../jobs/boss.ts';
import { downloadState, publishExport, recordCount } from './service.ts';

/** The pg-boss queue that remakes the public download. */
export const DOWNLOAD_QUEUE = 'public-download';

/** How often the job looks whether the download is out of date (it is remade only then). */
export const DOWNLOAD_CHECK_SECONDS = 30;

/** One run: a new export when there is none, or the stored one is out of date; else nothing. */
export async function refreshDownload(
  db: Db,
  opts: { signer: Ed25519Signer; publicUrl?: string | undefined; logger?: Logger | undefined },
): Promise<'made' | 'current'> {
  const state = await downloadState(db);
  if (state.kind === 'current') return 'current';
  const started = Date.now();
  const made = await publishExport(db, opts);
  const rows = recordCount(made);
  opts.logger?.info(
    `public download made: ${made.files.length} files, ${rows} rows, ${Date.now() - started} ms` +
      (state.kind === 'outdated' ? ` (${state.reason === 'new-day' ? 'a new day' : 'records changed'})` : ''),
  );
  return 'made';
}

/**
 * Registers the worker and checks every DOWNLOAD_CHECK_SECONDS. 'stately' keeps one run at a
 * time with at most one waiting, across every app instance, so a slow export never piles up.
 */
export async function startDownloads(
  jobs: Jobs,
  db: Db,
  opts: { signer: Ed25519Signer; publicUrl?: string | undefined; logger?: Logger },
): Promise<void> {
  await jobs.boss.createQueue(DOWNLOAD_QUEUE, {
    name: DOWNLOAD_QUEUE,
    policy: 'stately',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 3600,
  });
  await jobs.boss.work(DOWNLOAD_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    await refreshDownload(db, opts);
  });
  await jobs.every(DOWNLOAD_QUEUE, DOWNLOAD_CHECK_SECONDS);
}

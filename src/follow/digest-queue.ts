import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import type { Jobs } from '../jobs/boss.ts';
import { sendDueDigests } from './digests.ts';
import type { Mailer } from './mailer.ts';

/** The pg-boss queue that sends the daily and weekly digests. */
export const DIGEST_QUEUE = 'email-digests';

/**
 * Runs the digest job now and every `everySeconds` (an hour by default: each subscription is sent
 * when its day or week is up). 'stately', so instances sharing the database never send twice at once.
 */
export async function startDigests(
  jobs: Jobs,
  db: Db,
  opts: { mailer: Mailer; baseUrl: string; everySeconds?: number; pollingSeconds?: number; logger?: Logger },
): Promise<void> {
  await jobs.boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, policy: 'stately', expireInSeconds: 1800 });
  await jobs.boss.work(
    DIGEST_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: opts.pollingSeconds ?? 5 },
    async () => {
      const run = await sendDueDigests(db, opts.mailer, opts.baseUrl);
      // Counts only: addresses are never logged.
      opts.logger?.info(
        `e-mail digests: ${run.due} due, ${run.sent} sent, ${run.failed} failed, ${run.purged} unconfirmed deleted`,
      );
    },
  );
  await jobs.every(DIGEST_QUEUE, opts.everySeconds ?? 3600);
}

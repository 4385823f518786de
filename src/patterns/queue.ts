import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import type { Jobs } from '../jobs/boss.ts';
import { refreshPatterns } from './refresh.ts';

/** The pg-boss queue that rebuilds the pattern tables. */
export const REFRESH_QUEUE = 'patterns-refresh';

/**
 * Registers the refresh worker and queues a refresh now and every `minutes`. The queue is
 * 'stately': one refresh runs at a time with at most one more waiting, so a slow refresh never
 * piles up behind itself, and several app instances share one schedule.
 */
export async function startPatternRefresh(
  jobs: Jobs,
  db: Db,
  minutes: number,
  logger?: Logger,
): Promise<void> {
  await jobs.boss.createQueue(REFRESH_QUEUE, {
    name: REFRESH_QUEUE,
    policy: 'stately',
    retryLimit: 2,
    retryDelay: 60,
    expireInSeconds: 3600,
  });
  await jobs.boss.work(REFRESH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    const report = await refreshPatterns(db);
    logger?.info(
      `patterns refreshed: ${report.tables.map((t) => `${t.name} ${t.rows} rows ${t.ms} ms`).join(', ')}`,
    );
  });
  await jobs.every(REFRESH_QUEUE, minutes * 60);
}

import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import type { Jobs } from '../jobs/boss.ts';
import { announce, deliver, giveUp } from './webhooks.ts';

export const ANNOUNCE_QUEUE = 'webhook-announce';
export const DELIVER_QUEUE = 'webhook-deliver';

/** Options; tests shorten the delays. */
export interface WebhookQueueOptions {
  baseUrl: string;
  everySeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingSeconds?: number;
  logger?: Logger;
}

/**
 * Looks for newly published records every `everySeconds` and delivers each announcement as its
 * own job: a receiver that is down gets the delivery again after a growing delay, up to
 * `retryLimit` times, then it is marked failed (and listed as such in the editor).
 */
export async function startWebhooks(jobs: Jobs, db: Db, opts: WebhookQueueOptions): Promise<void> {
  const polling = opts.pollingSeconds ?? 2;
  await jobs.boss.createQueue(ANNOUNCE_QUEUE, {
    name: ANNOUNCE_QUEUE,
    policy: 'stately',
    expireInSeconds: 600,
  });
  await jobs.boss.createQueue(DELIVER_QUEUE, {
    name: DELIVER_QUEUE,
    retryLimit: opts.retryLimit ?? 8,
    retryDelay: opts.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  await jobs.boss.work(ANNOUNCE_QUEUE, { batchSize: 1, pollingIntervalSeconds: polling }, async () => {
    for (const id of await announce(db, opts.baseUrl))
      await jobs.boss.send(DELIVER_QUEUE, { id }, { singletonKey: id });
  });
  await jobs.boss.work<{ id: string }>(
    DELIVER_QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: polling },
    async ([job]) => {
      if (!job) return;
      const outcome = await deliver(db, job.data.id);
      opts.logger?.info(`webhook delivery ${job.data.id}: ${outcome.status}`);
      if (outcome.status !== 'retry') return outcome;
      if (job.retryCount >= job.retryLimit) {
        await giveUp(db, job.data.id);
        return outcome;
      }
      throw new Error(outcome.error);
    },
  );
  await jobs.every(ANNOUNCE_QUEUE, opts.everySeconds ?? 60);
}

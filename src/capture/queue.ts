import PgBoss from 'pg-boss';
import type { BlobStore } from '../blobs/store.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';
import { bossExecutor } from '../jobs/executor.ts';
import type { FetchLimits } from './fetch.ts';
import { captureSnapshot, pendingCaptures } from './service.ts';

const QUEUE = 'capture-snapshot';

/** The background capture queue (pg-boss) as the rest of the app sees it. */
export interface CaptureQueue {
  /** Queues one waiting snapshot; asking twice while it waits queues it once. */
  enqueue(snapshotId: string): Promise<void>;
  /** Queues every snapshot still waiting (after a restart, or rows written by other paths). */
  sweep(): Promise<number>;
  /** Resolves when nothing is waiting, running or due for retry. */
  idle(pollMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Options for the capture worker; tests shorten the delays. */
export interface CaptureQueueOptions {
  db: Db;
  blobs: BlobStore;
  limits: FetchLimits;
  logger?: Logger;
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingSeconds?: number;
  /** How often to look for snapshots that are waiting but not queued; 0 turns the sweep off. */
  sweepEverySeconds?: number;
}

/** Starts pg-boss over the app's database and a worker that captures one snapshot at a time. */
export async function startCaptureQueue(opts: CaptureQueueOptions): Promise<CaptureQueue> {
  const boss = new PgBoss({ db: bossExecutor(opts.db), schedule: false, supervise: true, migrate: true });
  boss.on('error', (err) => opts.logger?.error('capture queue error', err));
  await boss.start();
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    // 'short': at most one waiting job per snapshot, so sweeps and clicks never double a capture.
    policy: 'short',
    retryLimit: opts.retryLimit ?? 4,
    retryDelay: opts.retryDelaySeconds ?? 30,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await boss.work<{ snapshotId: string }>(
    QUEUE,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingSeconds ?? 2 },
    async ([job]) => {
      if (!job) return;
      const last = job.retryCount >= job.retryLimit;
      const outcome = await captureSnapshot(opts.db, opts.blobs, job.data.snapshotId, opts.limits, last);
      opts.logger?.info(
        `capture ${job.data.snapshotId}: ${outcome.status}${'error' in outcome ? ` (${outcome.error})` : ''}`,
      );
      // Throwing hands the job back to pg-boss, which runs it again after the (growing) delay.
      if (outcome.status === 'retry') throw new Error(outcome.error);
      return outcome;
    },
  );
  // The job's id is the snapshot's: a second send (a sweep on another instance while this one is
  // capturing or waiting to retry) is a no-op, so a snapshot is captured by one job only.
  const enqueue = async (snapshotId: string) => {
    await boss.send(QUEUE, { snapshotId }, { id: snapshotId, singletonKey: snapshotId });
  };
  const sweep = async () => {
    const ids = await pendingCaptures(opts.db);
    for (const id of ids) await enqueue(id);
    return ids.length;
  };
  const every = opts.sweepEverySeconds ?? 60;
  const timer = every > 0 ? setInterval(() => void sweep().catch(() => undefined), every * 1000) : undefined;
  timer?.unref();
  return {
    enqueue,
    sweep,
    async idle(pollMs = 200) {
      while ((await boss.getQueueSize(QUEUE, { before: 'completed' })) > 0)
        await new Promise((r) => setTimeout(r, pollMs));
    },
    async stop() {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

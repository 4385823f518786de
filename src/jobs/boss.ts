// One pg-boss instance for the periodic jobs (pattern refresh, webhook deliveries, digests),
// over the app's own database handle as the capture queue does (src/capture/queue.ts).
import PgBoss from 'pg-boss';
import { bossExecutor } from './executor.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../http/logger.ts';

/** A started pg-boss and the timers that feed its periodic queues. */
export interface Jobs {
  boss: PgBoss;
  /** Sends a job to `queue` now and then every `seconds` (0: only now). */
  every(queue: string, seconds: number): Promise<void>;
  /** Resolves when nothing is waiting, running or due for retry in `queue`. */
  idle(queue: string, pollMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts pg-boss over `db`. */
export async function startJobs(db: Db, logger?: Logger): Promise<Jobs> {
  const boss = new PgBoss({ db: bossExecutor(db), schedule: false, supervise: true, migrate: true });
  boss.on('error', (err) => logger?.error('job queue error', err));
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  return {
    boss,
    async every(queue, seconds) {
      const send = () => boss.send(queue, {}).catch((err) => logger?.error(`${queue}: not queued`, err));
      await send();
      if (seconds > 0) {
        const t = setInterval(() => void send(), seconds * 1000);
        t.unref();
        timers.push(t);
      }
    },
    async idle(queue, pollMs = 100) {
      while ((await boss.getQueueSize(queue, { before: 'completed' })) > 0)
        await new Promise((r) => setTimeout(r, pollMs));
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

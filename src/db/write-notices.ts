// Cross-instance cache invalidation. Every insert into the audit log notifies the channel
// `custodiet_writes` (migration 20261201040000); each app instance listens on its own connection
// and drops its cached figures and render-guard verdicts when another instance wrote. Without
// this, a reporting restriction recorded on one instance would leave the page up on the others
// for the cache's lifetime. PGlite is one process, so it needs none of this.
import pg from 'pg';
import type { Logger } from '../http/logger.ts';
import { bumpWriteGeneration, setWriteNoticesLive } from './cache.ts';

/** The channel the audit-log trigger notifies. */
export const WRITE_CHANNEL = 'custodiet_writes';

/** A running listener; `stop` ends it and its reconnect loop. */
export interface WriteNotices {
  stop(): Promise<void>;
}

/**
 * Listens for other instances' writes on PostgreSQL. The cache is bypassed until the first
 * LISTEN succeeds and whenever the connection drops (reconnecting with a growing delay, at most
 * 10 s), so a missed notice can never leave a stale verdict in place.
 */
export function listenForWrites(connectionString: string, logger: Logger): WriteNotices {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = 250;
  setWriteNoticesLive(false);

  const connect = async () => {
    const c = new pg.Client({ connectionString });
    c.on('notification', () => bumpWriteGeneration());
    c.on('error', (err) => logger.error('write-notice connection failed', err));
    c.on('end', () => {
      if (client === c) client = null;
      setWriteNoticesLive(false);
      schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${WRITE_CHANNEL}`);
      if (stopped) return void (await c.end().catch(() => undefined));
      client = c;
      delay = 250;
      setWriteNoticesLive(true);
    } catch (err) {
      logger.error('could not listen for other instances’ writes; caches are bypassed', err);
      await c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
      setWriteNoticesLive(true);
    },
  };
}

import { blobStoreFromConfig } from '../../blobs/from-config.ts';
import { startCaptureQueue } from '../../capture/queue.ts';
import { createLogger } from '../../http/logger.ts';
import type { Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** Captures every source waiting for its archived copy, then exits (for when `serve` is not running). */
export const captureCommand: Command = {
  name: 'capture',
  summary: 'Fetch and archive every source waiting for capture, then exit',
  usage: 'custodiet capture',
  details:
    '`serve` runs captures in the background; this runs the same queue (with retries) until nothing is\n' +
    'waiting. Limits come from CAPTURE_TIMEOUT_MS, CAPTURE_MAX_BYTES, CAPTURE_MAX_REDIRECTS and\n' +
    'CAPTURE_ALLOW_PRIVATE (off: private and loopback addresses are refused).',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    return withDatabase(config, 'capture', 'require-current', async ({ db }) => {
      const queue = await startCaptureQueue({
        db,
        blobs: await blobStoreFromConfig(config),
        limits: config.capture,
        logger: createLogger(config.logLevel),
        sweepEverySeconds: 0,
        pollingSeconds: 0.5,
      });
      try {
        const queued = await queue.sweep();
        out(`Queued ${queued} capture(s).`);
        await queue.idle();
      } finally {
        await queue.stop();
      }
      const counts = await db
        .selectFrom('source_snapshots')
        .select(['capture_status', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('capture_status')
        .orderBy('capture_status')
        .execute();
      out(counts.map((c) => `${c.capture_status}: ${c.n}`).join(', '));
      return 0;
    });
  },
};

import type { MiddlewareHandler } from 'hono';

/** Minimal structured logger. It never receives client addresses or user agents (rule R18). */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, err?: unknown): void;
}

/** Logger writing one JSON line per event to stdout/stderr, or nothing when silent. */
export function createLogger(level: 'silent' | 'error' | 'info' | 'debug'): Logger {
  return {
    info(message, fields) {
      if (level === 'info' || level === 'debug')
        process.stdout.write(
          JSON.stringify({ t: new Date().toISOString(), level: 'info', message, ...fields }) + '\n',
        );
    },
    error(message, err) {
      if (level === 'silent') return;
      const detail =
        err instanceof Error
          ? { error: err.message, stack: level === 'debug' ? err.stack : undefined }
          : { error: String(err) };
      process.stderr.write(
        JSON.stringify({ t: new Date().toISOString(), level: 'error', message, ...detail }) + '\n',
      );
    },
  };
}

/**
 * Access log: method, path (without the query string, which may hold search terms), status and
 * duration. Deliberately no IP address, user agent or referrer.
 */
export function accessLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

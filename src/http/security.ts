import type { MiddlewareHandler } from 'hono';

/**
 * Security headers on every response. Pages load nothing from other origins and may not be
 * framed. The site has no inline script at all (and no script today), so the policy allows
 * none: no 'unsafe-inline', nothing a nonce would need to unlock; a future script is a file
 * under /static. HSTS is sent when the public URL is https (browsers ignore it over http).
 */
export function securityHeaders(opts: { https?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (opts.https) c.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  };
}

// Rate limits for /api/v1: a token bucket per API token, or per anonymous client. A client is
// counted under HMAC-SHA256(salt, address): the salt is random, made when the process starts
// and never written anywhere, the buckets live in memory only, and the address itself is
// neither stored nor logged — after a restart not even this process could link a bucket to an
// address. Each app instance counts on its own (docs/api.md says so and how a proxy adds a
// global cap); limits slow abuse, they carry no state other instances must see.
import crypto from 'node:crypto';

/** The outcome for one request. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again (RateLimit-Reset), or until one request is allowed (Retry-After). */
  resetSeconds: number;
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most; the least recently used go first (a flood of addresses cannot exhaust memory). */
const MAX_BUCKETS = 50_000;

/** A limiter allowing `perMinute` requests a minute per key, in bursts of up to `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly salt = crypto.randomBytes(32);

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The in-memory key for a client address: never the address itself. */
  clientKey(address: string): string {
    return 'c:' + crypto.createHmac('sha256', this.salt).update(address).digest('base64url').slice(0, 22);
  }

  /** Takes one request from the key's bucket. A limit of 0 allows everything. */
  take(key: string): RateDecision {
    const limit = this.perMinute;
    if (limit === 0) return { allowed: true, limit, remaining: 0, resetSeconds: 0, retryAfterSeconds: 0 };
    const now = this.now();
    const perMs = limit / 60_000;
    const old = this.buckets.get(key);
    const tokens = old ? Math.min(limit, old.tokens + (now - old.at) * perMs) : limit;
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    this.buckets.delete(key); // re-inserted last: the Map's order is least recently used first
    this.buckets.set(key, { tokens: left, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    return {
      allowed,
      limit,
      remaining: Math.floor(left),
      resetSeconds: Math.ceil((limit - left) / perMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / perMs / 1000)),
    };
  }
}

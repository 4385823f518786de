import path from 'node:path';
import { z } from 'zod';

/** Validated runtime configuration; every field comes from the environment. */
export interface Config {
  /** Folder holding the embedded PGlite database and its lock file (ignored when databaseUrl is set). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** Folder for content-addressed blobs (snapshots, uploads). */
  blobDir: string;
  /** Public base URL, used in links that leave the app (feeds, receipts). */
  publicUrl: string;
  /** Whether PUBLIC_URL was set (publicUrl is otherwise a local default, not an address to publish). */
  publicUrlGiven: boolean;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Where people named in a record send replies, corrections and complaints; unset until the operator gives one. */
  contactEmail: string | undefined;
  /** Bounds on fetching sources for the archive (see src/capture/fetch.ts). */
  capture: {
    timeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    allowPrivate: boolean;
    worker: boolean;
  };
  /** Key sealing uploaded originals: ORIGINALS_KEY (base64, 32 bytes), else a file made once in DATA_DIR. */
  originals: { keyBase64: string | undefined; keyFile: string };
  /** Ed25519 seed signing proof-of-report receipts: RECEIPT_SIGNING_KEY (base64, 32 bytes), else a file made once in DATA_DIR. */
  receipts: { keyBase64: string | undefined; keyFile: string };
  /** Ed25519 seed signing export bundles: EXPORT_SIGNING_KEY (base64, 32 bytes), else a file made once in DATA_DIR. */
  exports: { keyBase64: string | undefined; keyFile: string };
  /** S3-compatible blob storage; present only when S3_BUCKET is set, and then used instead of blobDir. */
  s3?: S3Config;
  /** Cross-source matching: whether high-confidence officer matches merge without a person (MATCH_AUTO_MERGE). */
  matching: { autoMerge: boolean };
  /** How often the pattern tables are rebuilt (PATTERNS_REFRESH_MINUTES). */
  patternsRefreshMinutes: number;
  /** Limits of the /api/v1 endpoints (docs/api.md). */
  api: ApiConfig;
  /** How long identical searches share one run's results (0: off); any write drops them sooner. */
  searchCacheSeconds: number;
  /** The SMTP server e-mail digests are sent through; present only when SMTP_HOST is set. */
  smtp?: SmtpConfig;
}

/** Rate limits of the public API (requests per minute; 0 turns a limit off). */
export interface ApiConfig {
  /** Per anonymous client, counted under a salted hash of its address kept in memory only. */
  rateLimit: number;
  /** Per API token. */
  tokenRateLimit: number;
  /** Take the client address from X-Real-IP / X-Forwarded-For (only behind a proxy that sets them). */
  trustProxy: boolean;
}

/** Outgoing mail (e-mail digests). */
export interface SmtpConfig {
  host: string;
  port: number;
  /** implicit: TLS from the start (port 465); starttls: upgrade, refusing to send without it; none: a local relay only. */
  tls: 'implicit' | 'starttls' | 'none';
  user: string | undefined;
  password: string | undefined;
  /** The From header: an address, or "Name <address>". */
  from: string;
}

/** Where blobs go when they are kept in an S3-compatible bucket rather than in blobDir. */
export interface S3Config {
  bucket: string;
  region: string;
  /** Service URL of an S3-compatible provider; undefined means AWS S3 itself. */
  endpoint: string | undefined;
  /** Static credentials; when both are undefined the AWS SDK's default chain applies (env, profile, role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** bucket-in-path URLs (most S3-compatible servers) rather than bucket-as-subdomain (AWS). */
  forcePathStyle: boolean;
  /** Prepended to every object key; empty, or ending in `/`. */
  prefix: string;
}

const portSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const positiveInt = (max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, `must be between 1 and ${max}`)
    .max(max, `must be between 1 and ${max}`);
// An unset and an empty variable mean the same, so `S3_ENDPOINT=` in an env file switches it off.
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

// An address, or a display name and an address in angle brackets (no line breaks: header injection).
const FROM = /^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/;

// A 32-byte secret given in the environment (a libsodium key or an Ed25519 seed); unset means a key file.
const base64Key = optionalText.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
  message: 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
});

const perMinute = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 (off) or more')
  .max(1_000_000, 'must be at most 1000000');

const envSchema = z.object({
  DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with postgres:// or postgresql://',
    }),
  PORT: portSchema.default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  BLOB_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: 'must be an http(s) URL such as https://custodiet.example.org',
    }),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  CAPTURE_TIMEOUT_MS: positiveInt(600_000).default(20_000),
  CAPTURE_MAX_BYTES: positiveInt(1024 * 1024 * 1024).default(25 * 1024 * 1024),
  CAPTURE_MAX_REDIRECTS: positiveInt(20).default(5),
  // Off by default: an address typed into the editor must not reach our own network.
  CAPTURE_ALLOW_PRIVATE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  // Off for instances that should only serve pages while others run the queue.
  CAPTURE_WORKER: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  // On by default, and only ever for two independent identifiers plus a near-identical name (rule R11).
  MATCH_AUTO_MERGE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  ORIGINALS_KEY: base64Key,
  RECEIPT_SIGNING_KEY: base64Key,
  // Its own key, not the receipts' one: each can then be rotated, or its file given to a separate
  // export job, without touching the other.
  EXPORT_SIGNING_KEY: base64Key,
  // How stale pattern figures may get; each rebuild reads every published record.
  PATTERNS_REFRESH_MINUTES: positiveInt(24 * 60).default(15),
  CONTACT_EMAIL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || z.email().safeParse(v).success, {
      message: 'must be an email address such as corrections@custodiet.example.org',
    }),
  SMTP_HOST: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9.:[\]-]+$/.test(v), {
    message: 'must be a host name or address such as smtp.example.org',
  }),
  SMTP_PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    portSchema.optional(),
  ),
  SMTP_TLS: optionalText.pipe(
    z.enum(['implicit', 'starttls', 'none'], { error: 'must be implicit, starttls or none' }).optional(),
  ),
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: optionalText.refine((v) => v === undefined || FROM.test(v), {
    message: 'must be an address or "Name <address>", such as Custodiet <alerts@custodiet.example.org>',
  }),
  S3_BUCKET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9._-]+$/.test(v), {
    message: 'must be a bare bucket name such as custodiet-blobs (no s3:// or slashes)',
  }),
  S3_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http(s) URL such as https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000',
  }),
  S3_REGION: optionalText.transform((v) => v ?? 'us-east-1'),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: optionalText.refine((v) => v === undefined || v === 'true' || v === 'false', {
    message: 'must be true or false',
  }),
  S3_PREFIX: optionalText.refine((v) => v === undefined || !v.startsWith('/'), {
    message: 'must not start with / (use a key prefix such as custodiet/)',
  }),
  API_RATE_LIMIT: perMinute.default(300),
  API_TOKEN_RATE_LIMIT: perMinute.default(1200),
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  SEARCH_CACHE_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 3600')
    .max(3600, 'must be between 0 and 3600')
    .default(30),
});

type Env = z.output<typeof envSchema>;

// Settings that only mean something with SMTP_HOST, as for S3 below: given alone they would be ignored.
const SMTP_DEPENDENT = ['SMTP_PORT', 'SMTP_TLS', 'SMTP_USER', 'SMTP_PASSWORD', 'SMTP_FROM'] as const;

/** Problems that span several SMTP variables. */
function smtpProblems(env: NodeJS.ProcessEnv): string[] {
  const given = (name: string) => (env[name] ?? '').trim() !== '';
  if (!given('SMTP_HOST')) {
    const orphans = SMTP_DEPENDENT.filter(given);
    return orphans.length > 0
      ? [
          `SMTP_HOST: must be set when ${orphans.join(', ')} ${orphans.length === 1 ? 'is' : 'are'} set (or unset them: e-mail digests are optional)`,
        ]
      : [];
  }
  const problems: string[] = [];
  if (!given('SMTP_FROM'))
    problems.push('SMTP_FROM: must be set with SMTP_HOST (the address digests are sent from)');
  // Links in mails must reach the public site, not a local default address.
  if (!given('PUBLIC_URL')) problems.push('PUBLIC_URL: must be set with SMTP_HOST (mails link to the site)');
  if (given('SMTP_USER') !== given('SMTP_PASSWORD'))
    problems.push(
      `${given('SMTP_USER') ? 'SMTP_PASSWORD' : 'SMTP_USER'}: must be set together with the other (or neither)`,
    );
  return problems;
}

/** The SMTP settings, or undefined when e-mail digests are off. */
function smtpConfig(e: Env): SmtpConfig | undefined {
  if (e.SMTP_HOST === undefined || e.SMTP_FROM === undefined) return undefined;
  const tls = e.SMTP_TLS ?? (e.SMTP_PORT === 465 ? 'implicit' : 'starttls');
  return {
    host: e.SMTP_HOST,
    port: e.SMTP_PORT ?? (tls === 'implicit' ? 465 : 587),
    tls,
    user: e.SMTP_USER,
    password: e.SMTP_PASSWORD,
    from: e.SMTP_FROM,
  };
}

// Settings that only mean something with a bucket: given without S3_BUCKET they would be silently
// ignored and blobs would land on local disk while the operator believes they are in S3.
const S3_DEPENDENT = [
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
] as const;

/** Problems that span several S3 variables; read from the raw environment so they are reported alongside per-variable ones. */
function s3Problems(env: NodeJS.ProcessEnv): string[] {
  const given = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  const orphans = S3_DEPENDENT.filter(given);
  if (!given('S3_BUCKET') && orphans.length > 0) {
    problems.push(
      `S3_BUCKET: must be set when ${orphans.join(', ')} ${orphans.length === 1 ? 'is' : 'are'} set ` +
        '(or unset them to keep blobs in BLOB_DIR)',
    );
  }
  if (given('S3_ACCESS_KEY_ID') !== given('S3_SECRET_ACCESS_KEY')) {
    const missing = given('S3_ACCESS_KEY_ID') ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    problems.push(
      `${missing}: must be set together with the other key (S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)`,
    );
  }
  return problems;
}

/** The S3 settings, or undefined when blobs stay on local disk. */
function s3Config(e: Env): S3Config | undefined {
  if (e.S3_BUCKET === undefined) return undefined;
  const prefix = e.S3_PREFIX ?? '';
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    // Custom endpoints (MinIO, Ceph, s3rver…) rarely have wildcard DNS for bucket subdomains; AWS prefers them.
    forcePathStyle:
      e.S3_FORCE_PATH_STYLE === undefined ? e.S3_ENDPOINT !== undefined : e.S3_FORCE_PATH_STYLE === 'true',
    // `custodiet` and `custodiet/` mean the same folder-like prefix.
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
}

/** Raised when the environment is invalid; the message lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates configuration. Relative paths resolve against `cwd` so the
 * app behaves the same whether started by npm, the `custodiet` bin or a test.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues ?? []).map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    ...s3Problems(env),
    ...smtpProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const s3 = s3Config(e);
  const smtp = smtpConfig(e);
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    blobDir: path.resolve(cwd, e.BLOB_DIR ?? path.join(e.DATA_DIR, 'blobs')),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    publicUrlGiven: e.PUBLIC_URL !== undefined && e.PUBLIC_URL !== '',
    logLevel: e.LOG_LEVEL,
    contactEmail: e.CONTACT_EMAIL,
    patternsRefreshMinutes: e.PATTERNS_REFRESH_MINUTES,
    capture: {
      timeoutMs: e.CAPTURE_TIMEOUT_MS,
      maxBytes: e.CAPTURE_MAX_BYTES,
      maxRedirects: e.CAPTURE_MAX_REDIRECTS,
      allowPrivate: e.CAPTURE_ALLOW_PRIVATE === 'true',
      worker: e.CAPTURE_WORKER === 'true',
    },
    originals: { keyBase64: e.ORIGINALS_KEY, keyFile: path.join(dataDir, 'keys', 'originals.key') },
    receipts: { keyBase64: e.RECEIPT_SIGNING_KEY, keyFile: path.join(dataDir, 'keys', 'receipts.key') },
    exports: { keyBase64: e.EXPORT_SIGNING_KEY, keyFile: path.join(dataDir, 'keys', 'exports.key') },
    matching: { autoMerge: e.MATCH_AUTO_MERGE === 'true' },
    api: {
      rateLimit: e.API_RATE_LIMIT,
      tokenRateLimit: e.API_TOKEN_RATE_LIMIT,
      trustProxy: e.TRUST_PROXY === 'true',
    },
    searchCacheSeconds: e.SEARCH_CACHE_SECONDS,
    ...(s3 ? { s3 } : {}),
    ...(smtp ? { smtp } : {}),
  };
}

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
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Where people named in a record send replies, corrections and complaints; unset until the operator gives one. */
  contactEmail: string | undefined;
  /** Bounds on fetching sources for the archive (see src/capture/fetch.ts). */
  capture: { timeoutMs: number; maxBytes: number; maxRedirects: number; allowPrivate: boolean };
  /** Key sealing uploaded originals: ORIGINALS_KEY (base64, 32 bytes), else a file made once in DATA_DIR. */
  originals: { keyBase64: string | undefined; keyFile: string };
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
  ORIGINALS_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
    }),
  CONTACT_EMAIL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || z.email().safeParse(v).success, {
      message: 'must be an email address such as corrections@custodiet.example.org',
    }),
});

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
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    blobDir: path.resolve(cwd, e.BLOB_DIR ?? path.join(e.DATA_DIR, 'blobs')),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    contactEmail: e.CONTACT_EMAIL,
    capture: {
      timeoutMs: e.CAPTURE_TIMEOUT_MS,
      maxBytes: e.CAPTURE_MAX_BYTES,
      maxRedirects: e.CAPTURE_MAX_REDIRECTS,
      allowPrivate: e.CAPTURE_ALLOW_PRIVATE === 'true',
    },
    originals: { keyBase64: e.ORIGINALS_KEY, keyFile: path.join(dataDir, 'keys', 'originals.key') },
  };
}

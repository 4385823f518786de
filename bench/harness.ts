// What the load and soak benchmarks share: a prepared database on either backend, a real
// `custodiet serve` process (or another server script) on loopback, RSS sampling, and a driven
// autocannon run whose every response time is kept (autocannon reports no p95 of its own).
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from '../src/db/kysely.ts';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { demoSeeded, seedDemo } from '../src/demo/seed.ts';
import { generate, generateStopSearches, type Scale } from './generate.ts';
import { rssMiB } from './startup.ts';

/** Where a benchmark's database lives. */
export type Target =
  { backend: 'pglite'; dataDir: string } | { backend: 'postgres'; url: string; drop(): Promise<void> };

/** The PostgreSQL server the benchmarks may use (BENCH_PG_URL, PG_URL or DATABASE_URL), if it answers. */
export async function benchPostgres(): Promise<string | null> {
  const url = process.env.BENCH_PG_URL ?? process.env.PG_URL ?? process.env.DATABASE_URL;
  if (!url) return null;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return url;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * A fresh database named custodiet_bench_… on the server, dropped by `drop`; or with
 * BENCH_PG_DATABASE=name one that is kept (and its generated data reused) between runs.
 */
export async function postgresTarget(adminUrl: string): Promise<Target> {
  const kept = process.env.BENCH_PG_DATABASE;
  if (kept && !/^[a-z_][a-z0-9_]*$/.test(kept)) throw new Error('BENCH_PG_DATABASE must be a plain name');
  const name = kept ?? `custodiet_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    backend: 'postgres',
    url: u.toString(),
    async drop() {
      if (kept) return;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A PGlite data directory: BENCH_DATA_DIR to keep (and reuse) one, else a temporary one. */
export function pgliteTarget(): Target {
  const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  return { backend: 'pglite', dataDir };
}

/** Environment for a server process on this target. */
export function targetEnv(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base =
    target.backend === 'pglite'
      ? { DATA_DIR: target.dataDir, DATABASE_URL: '' }
      : { DATABASE_URL: target.url, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-dd-')) };
  return {
    ...process.env,
    ...base,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    CAPTURE_WORKER: 'false',
    ...extra,
  };
}

/** Opens the target's database. */
export function openTarget(target: Target): Promise<Database> {
  return openDatabase(
    target.backend === 'pglite'
      ? { dataDir: target.dataDir, databaseUrl: undefined }
      : { dataDir: os.tmpdir(), databaseUrl: target.url },
    'bench',
  );
}

/** Migrates, loads the demo cases and the synthetic data once; returns the timings and row counts. */
export async function prepare(database: Database, scale: Scale) {
  await migrate(database.db);
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM officers WHERE slug LIKE 'bench-%'`.execute(database.db);
  let generationMs: Record<string, number> | 'reused' = 'reused';
  const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM police_powers_events`.execute(
    database.db,
  );
  if (rows[0]!.n === 0 || (scale.policePowersEvents && events.rows[0]!.n === 0)) {
    if (!(await demoSeeded(database.db))) await seedDemo(database.db);
    // A data directory whose generation stopped before the events (BENCH_DATA_DIR) is completed.
    generationMs =
      rows[0]!.n === 0
        ? await generate(database.db, scale)
        : { ...(await generateStopSearches(database.db, scale.policePowersEvents!)), analyze: 0 };
    if (rows[0]!.n !== 0) await sql`ANALYZE`.execute(database.db);
    // What autovacuum does on PostgreSQL soon after a bulk load; PGlite runs none (and needs none
    // for reads: its GIN indexes have no pending list).
    if (database.backend === 'postgres') await sql`VACUUM ANALYZE`.execute(database.db);
  }
  const counts = await sql<Record<string, number>>`SELECT
      (SELECT count(*)::int FROM officers) AS officers, (SELECT count(*)::int FROM incidents) AS incidents,
      (SELECT count(*)::int FROM allegations) AS allegations,
      (SELECT count(*)::int FROM police_powers_events) AS police_powers_events`.execute(database.db);
  return { generationMs, rows: counts.rows[0]! };
}

/** A server process on loopback and its base URL. */
export interface Server {
  child: ChildProcess;
  base: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Spawns `node ARGS…` and waits for its "listening on http://…" line. */
export function startServer(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server not ready:\n${out}`)), timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          base: m[1]!.replace(/\/$/, ''),
          stop: (signal = 'SIGTERM') =>
            new Promise((r) => {
              if (child.exitCode !== null || child.signalCode !== null) return r();
              child.once('exit', () => r());
              child.kill(signal);
            }),
        });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

/** `custodiet serve` on the target. */
export function startApp(target: Target, extra: Record<string, string> = {}): Promise<Server> {
  return startServer(
    [path.resolve('bin/custodiet.js'), 'serve'],
    targetEnv(target, { API_RATE_LIMIT: '0', API_TOKEN_RATE_LIMIT: '0', ...extra }),
  );
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/** One load run's figures. */
export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  rssMaxMiB: number | null;
}

/** Drives `url` with autocannon (16 connections by default) for `seconds`, sampling `pid`'s RSS. */
export async function drive(
  url: string,
  seconds: number,
  pid?: number,
  connections = 16,
): Promise<LoadFigures> {
  const samples: number[] = [];
  let rssMax = 0;
  const sampler = pid
    ? setInterval(() => {
        rssMax = Math.max(rssMax, rssMiB(pid));
      }, 250)
    : undefined;
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      samples.push(ms);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  if (sampler) clearInterval(sampler);
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length,
    rps: round(samples.length / seconds),
    p50: round(pct(samples, 50)),
    p95: round(pct(samples, 95)),
    p99: round(pct(samples, 99)),
    non2xx,
    errors: result.errors + result.timeouts,
    rssMaxMiB: pid ? round(rssMax) : null,
  };
}

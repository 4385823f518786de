// `npm run bench -- load`: page and API latency under concurrent load at national scale (100k
// officers, 300k incidents, 1M allegations, 5M stop-and-search events), on PGlite and on
// PostgreSQL. A real `custodiet serve` process is driven over loopback by autocannon with 16
// connections; then, in the same run, a bare server (bench/baseline-server.ts) answers the same
// URLs by running exactly the SQL the app ran for them (recorded from the app, warm, or cold when
// the warm app runs none) straight on the driver and rendering the rows with no templates: the
// difference is what the app adds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LogEvent } from 'kysely';
import { bumpWriteGeneration } from '../src/db/cache.ts';
import { sql } from '../src/db/kysely.ts';
import { kyselyForPglite, kyselyForPostgres, type Db } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';
import { createLogger } from '../src/http/logger.ts';
import { NATIONAL_SCALE, type Scale } from './generate.ts';
import {
  benchPostgres,
  drive,
  openTarget,
  pgliteTarget,
  postgresTarget,
  prepare,
  startApp,
  startServer,
  targetEnv,
  type LoadFigures,
  type Target,
} from './harness.ts';
import { busiest } from './page-cases.tsx';

const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_SECONDS = 2;
// BENCH_SCALE=0.05 runs the same benchmark on 5% of the data (to try it out quickly).
const FRACTION = Number(process.env.BENCH_SCALE ?? 1);

function scale(): Scale {
  const s = (n: number) => Math.max(1, Math.round(n * FRACTION));
  return {
    officers: s(NATIONAL_SCALE.officers),
    incidents: s(NATIONAL_SCALE.incidents),
    allegations: s(NATIONAL_SCALE.allegations),
    policePowersEvents: s(NATIONAL_SCALE.policePowersEvents!),
  };
}

/** One measured URL. */
interface Case {
  name: string;
  url: string;
}

async function cases(db: Db): Promise<Case[]> {
  const incident = await busiest(db, 'incident_id', 'incidents');
  const officer = await busiest(db, 'officer_id', 'officers');
  const { rows } = await sql<{ slug: string }>`
    SELECT u.slug FROM units u JOIN incident_units iu ON iu.unit_id = u.id
    WHERE u.force_id = (SELECT id FROM forces WHERE slug = 'metropolitan') AND u.slug LIKE 'bench-station-%'
    GROUP BY u.slug ORDER BY count(*) DESC, u.slug LIMIT 1`.execute(db);
  const unit = rows[0]!.slug;
  const pages: Case[] = [
    { name: 'home', url: '/' },
    { name: 'search "Charing Cross"', url: '/search?q=Charing+Cross' },
    { name: 'search "excessive force"', url: '/search?q=excessive+force' },
    { name: `incident (busiest, ${incident.n} allegations)`, url: `/incidents/${incident.slug}` },
    { name: `officer (busiest, ${officer.n} allegations)`, url: `/officers/${officer.slug}` },
    { name: `unit (station ${unit})`, url: `/forces/metropolitan/units/${unit}` },
    { name: 'force (the Met, 300k incidents)', url: '/forces/metropolitan' },
  ];
  const api: Case[] = [
    { name: 'API overview', url: '/api/v1/overview' },
    { name: 'API search "Charing Cross"', url: '/api/v1/search?q=Charing+Cross' },
    { name: 'API search "excessive force"', url: '/api/v1/search?q=excessive+force' },
    { name: 'API incident', url: `/api/v1/incidents/${incident.slug}` },
    { name: 'API officer', url: `/api/v1/officers/${officer.slug}` },
    { name: 'API unit', url: `/api/v1/forces/metropolitan/units/${unit}` },
    { name: 'API force', url: '/api/v1/forces/metropolitan' },
    { name: 'API list of allegations (200)', url: '/api/v1/allegations?limit=200' },
    { name: 'API list of stop-and-search events (200)', url: '/api/v1/police-powers-events?limit=200' },
  ];
  // BENCH_SKIP=regex leaves out the cases whose names match (and says so in the results).
  const skip = process.env.BENCH_SKIP ? new RegExp(process.env.BENCH_SKIP, 'i') : null;
  return [...pages, ...api].filter((c) => !skip?.test(c.name));
}

type Recorded = { sql: string; parameters: readonly unknown[] }[];

/** The SQL the app runs for each URL once warm (caches as under load), in order. */
async function recordQueries(target: Target, database: Awaited<ReturnType<typeof openTarget>>, list: Case[]) {
  let current: Recorded | null = null;
  const log = (e: LogEvent) => {
    if (e.level === 'query' && current) current.push({ sql: e.query.sql, parameters: e.query.parameters });
  };
  const db =
    target.backend === 'pglite'
      ? kyselyForPglite(database.pglite!, log)
      : kyselyForPostgres(target.url, 10, log);
  // The search cache off: the baseline must run the search's own SQL, not skip it.
  const app = createApp({
    db,
    backend: database.backend,
    logger: createLogger('silent'),
    api: { rateLimit: 0, tokenRateLimit: 0, trustProxy: false },
    searchCacheSeconds: 0,
  });
  const recorded: Record<string, Recorded> = {};
  const coldMs: Record<string, number> = {};
  const fromCold: string[] = [];
  for (const c of list) {
    const cold: Recorded = [];
    current = cold;
    // Cold for this URL even when an earlier one filled the caches it shares (a page and its API).
    bumpWriteGeneration();
    const t0 = performance.now();
    const first = await app.request(c.url);
    await first.arrayBuffer();
    coldMs[c.url] = Math.round(performance.now() - t0);
    console.log(`  first request (cold caches) ${c.url}: ${coldMs[c.url]} ms`);
    if (first.status !== 200) throw new Error(`${c.url} answered ${first.status}`);
    const warm: Recorded = [];
    current = warm;
    await (await app.request(c.url)).text();
    // A page the warm app answers from its caches alone runs no SQL: the baseline then runs what
    // the page needs when computed (the cold request's SQL), not nothing.
    recorded[c.url] = warm.length > 0 ? warm : cold;
    if (warm.length === 0) fromCold.push(c.url);
    current = null;
  }
  if (fromCold.length > 0)
    console.log(`  no SQL when warm, baseline from the cold request: ${fromCold.join(' ')}`);
  // The PGlite handle belongs to `database`; only the pool is ours to end.
  await db.destroy();
  return { recorded, coldMs, fromCold };
}

async function measure(base: string, list: Case[], pid: number) {
  const out: Record<string, LoadFigures> = {};
  for (const c of list) {
    await drive(base + c.url, WARMUP_SECONDS, undefined);
    out[c.url] = await drive(base + c.url, SECONDS, pid);
    const f = out[c.url]!;
    console.log(
      `  ${c.name.padEnd(44)} p50 ${String(f.p50).padStart(7)} ms  p95 ${String(f.p95).padStart(7)} ms  ${String(f.rps).padStart(7)} req/s  RSS ${f.rssMaxMiB} MiB${f.non2xx || f.errors ? `  (${f.non2xx} non-2xx, ${f.errors} errors)` : ''}`,
    );
  }
  return out;
}

async function runBackend(target: Target) {
  console.log(`\n== ${target.backend} ==`);
  const database = await openTarget(target);
  let prepared, list: Case[], recorded, coldMs: Record<string, number>, fromCold: string[];
  try {
    prepared = await prepare(database, scale());
    console.log('rows', prepared.rows, 'generation ms', prepared.generationMs);
    list = await cases(database.db);
    ({ recorded, coldMs, fromCold } = await recordQueries(target, database, list));
  } finally {
    await database.close();
  }
  const queriesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-q-')), 'queries.json');
  fs.writeFileSync(queriesFile, JSON.stringify(recorded));

  console.log('app (custodiet serve):');
  const app = await startApp(target);
  let appFigures;
  try {
    appFigures = await measure(app.base, list, app.child.pid!);
  } finally {
    await app.stop();
  }
  console.log('app with the search cache off (SEARCH_CACHE_SECONDS=0), search only:');
  const searches = list.filter((c) => c.url.includes('/search?'));
  const uncached = await startApp(target, { SEARCH_CACHE_SECONDS: '0' });
  let uncachedFigures;
  try {
    uncachedFigures = await measure(uncached.base, searches, uncached.child.pid!);
  } finally {
    await uncached.stop();
  }
  console.log('baseline (the same SQL on the bare driver, bare render):');
  const baseline = await startServer(
    ['--import', 'tsx', path.resolve('bench/baseline-server.ts'), queriesFile],
    targetEnv(target),
  );
  let baseFigures;
  try {
    baseFigures = await measure(baseline.base, list, baseline.child.pid!);
  } finally {
    await baseline.stop();
  }
  const rows = list.map((c) => {
    const a = appFigures[c.url]!;
    const b = baseFigures[c.url]!;
    const u = uncachedFigures[c.url];
    return {
      name: c.name,
      url: c.url,
      queries: recorded[c.url]!.length,
      ...(fromCold.includes(c.url) ? { baselineSql: 'cold request (no SQL when warm)' } : {}),
      firstRequestColdMs: coldMs[c.url],
      app: a,
      ...(u ? { appSearchCacheOff: u } : {}),
      baseline: b,
      // Against the baseline, search counts with its cache off: the baseline runs its SQL every time.
      p95VsBaseline: Math.round(((u ?? a).p95 / b.p95) * 10) / 10,
    };
  });
  return {
    rows: prepared.rows,
    generationMs: prepared.generationMs,
    rssMaxMiB: Math.max(...Object.values(appFigures).map((f) => f.rssMaxMiB ?? 0)),
    endpoints: rows,
  };
}

/** Runs the load benchmark on PGlite and (when reachable) PostgreSQL. */
export async function loadBenchmark(): Promise<Record<string, unknown>> {
  const only = process.env.BENCH_BACKENDS?.split(',');
  const results: Record<string, unknown> = {};
  if (!only || only.includes('pglite')) results.pglite = await runBackend(pgliteTarget());
  if (!only || only.includes('postgres')) {
    const url = await benchPostgres();
    if (!url)
      console.warn('*** PostgreSQL not reachable (BENCH_PG_URL, PG_URL or DATABASE_URL): skipped ***');
    else {
      const target = await postgresTarget(url);
      try {
        results.postgres = await runBackend(target);
      } finally {
        if (target.backend === 'postgres' && !process.env.BENCH_KEEP) await target.drop();
      }
    }
  }
  return {
    scale: scale(),
    connections: 16,
    ...(process.env.BENCH_SKIP ? { skipped: process.env.BENCH_SKIP } : {}),
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    backends: results,
  };
}

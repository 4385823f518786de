// Server time of every pattern and promise page at a million allegations (goal: p95 ≤ 200 ms),
// on PGlite, and on PostgreSQL too when DATABASE_URL is set (a fresh database, dropped after).
// The refresh job's own time is reported alongside: it is what the reader's "figures as of" waits for.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../src/db/kysely.ts';
import pg from 'pg';
import { kyselyForPostgres, openDatabase, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createApp } from '../src/http/app.ts';
import { createLogger } from '../src/http/logger.ts';
import { refreshPatterns } from '../src/patterns/refresh.ts';
import { generate } from './generate.ts';
import { generatePatternLoad } from './generate-patterns.ts';
import { time } from './pages.ts';

const ALLEGATIONS = Number(process.env.BENCH_ALLEGATIONS ?? 1_000_000);

async function pick(db: Db, query: ReturnType<typeof sql<{ v: string }>>): Promise<string> {
  const { rows } = await query.execute(db);
  if (!rows[0]) throw new Error('the generated data lacks a page to measure');
  return rows[0].v;
}

export async function cases(db: Db): Promise<{ name: string; url: string }[]> {
  const busiest = await pick(
    db,
    sql<{ v: string }>`SELECT o.slug AS v FROM pattern_officer_counts c JOIN officers o ON o.id = c.officer_id
      WHERE c.year = 0 AND o.publication_state = 'published' ORDER BY c.allegations DESC, o.slug LIMIT 1`,
  );
  const bcu = await pick(db, sql<{ v: string }>`SELECT slug AS v FROM units WHERE slug = 'bench-bcu-1'`);
  const station = await pick(
    db,
    sql<{ v: string }>`SELECT slug AS v FROM units WHERE slug = 'bench-station-1'`,
  );
  const leader = await pick(
    db,
    sql<{
      v: string;
    }>`SELECT speaker_name AS v FROM statements WHERE is_promise AND publication_state = 'published'
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const { leaderSlug } = await import('../src/promises/repository.ts');
  return [
    { name: 'Patterns index', url: '/patterns' },
    { name: 'Officer pattern (busiest)', url: `/patterns/officers/${busiest}` },
    { name: 'Officer pattern, one year', url: `/patterns/officers/${busiest}?year=2020` },
    { name: 'Network: command unit (3 stations)', url: `/patterns/forces/metropolitan/units/${bcu}/network` },
    { name: 'Network JSON: station', url: `/patterns/forces/metropolitan/units/${station}/network.json` },
    { name: 'Units and stations (Met)', url: '/patterns/forces/metropolitan/units' },
    { name: 'Stop and search (officer-defined)', url: '/patterns/forces/metropolitan/stop-search' },
    {
      name: 'Stop and search (self-defined, one month)',
      url: '/patterns/forces/metropolitan/stop-search?basis=self&month=2016-06',
    },
    { name: 'Lifecycle timings', url: '/patterns/lifecycle' },
    { name: 'Promise tracker index', url: '/promises' },
    { name: 'Promises of a leader', url: `/promises/leaders/${leaderSlug(leader)}` },
    { name: 'Promises of a force (Met)', url: '/promises/forces/metropolitan' },
  ];
}

async function runOn(db: Db, backend: string): Promise<Record<string, unknown>> {
  await migrate(db);
  await seedDemo(db);
  const scale = {
    officers: Math.round(ALLEGATIONS / 10),
    incidents: Math.round(ALLEGATIONS * 0.3),
    allegations: ALLEGATIONS,
  };
  console.log(
    `[${backend}] generating ${scale.allegations} allegations, ${scale.incidents} incidents, ${scale.officers} officers…`,
  );
  const generation = await generate(db, scale);
  const patternLoad = await generatePatternLoad(db, { stopSearchMonths: 24, searchesPerMonth: 10_000 });
  console.log(`[${backend}] refreshing the pattern tables…`);
  const t0 = performance.now();
  const refresh = await refreshPatterns(db);
  const refreshMs = Math.round(performance.now() - t0);
  console.log(
    `[${backend}] refresh took ${refreshMs} ms: ${refresh.tables.map((t) => `${t.name} ${t.ms} ms`).join(', ')}`,
  );
  const app = createApp({ db, backend: backend as 'pglite' | 'postgres', logger: createLogger('silent') });
  const pages: Record<string, unknown>[] = [];
  for (const pc of await cases(db)) {
    const res = await app.request(pc.url);
    if (res.status !== 200)
      throw new Error(`${pc.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const server = await time(async () => (await app.request(pc.url)).text());
    pages.push({ page: pc.name, url: pc.url, server });
    console.log(
      `[${backend}] ${pc.name.padEnd(44)} p50 ${String(server.p50).padStart(7)} ms  p95 ${String(server.p95).padStart(7)} ms`,
    );
  }
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM allegations`.execute(db);
  return {
    backend,
    allegations: rows[0]!.n,
    generationMs: { records: generation, patternLoad },
    refreshMs,
    refresh,
    pages,
  };
}

/** Runs the pattern benchmark on PGlite (and PostgreSQL when DATABASE_URL is set). */
export async function patternsBenchmark(): Promise<Record<string, unknown>> {
  const runs: Record<string, unknown>[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-patterns-'));
  const database = await openDatabase({ dataDir, databaseUrl: undefined }, 'bench');
  try {
    runs.push(await runOn(database.db, 'pglite'));
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const admin = process.env.DATABASE_URL;
  if (admin) {
    const name = `custodiet_bench_${crypto.randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const db = kyselyForPostgres(url.toString(), 4);
    try {
      runs.push(await runOn(db, 'postgres'));
    } finally {
      await db.destroy();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
  }
  return { goalP95Ms: 200, runs };
}

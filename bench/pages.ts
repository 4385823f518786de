// Server time of the public pages on PGlite with the demo data plus synthetic load (100k
// allegations by default), next to a bare render of the same template from preloaded data in the
// same run: the difference is what the queries cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from '../src/db/kysely.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { createApp } from '../src/http/app.ts';
import { renderDocument } from '../src/http/cache.ts';
import { createLogger } from '../src/http/logger.ts';
import { generate } from './generate.ts';
import { pageCases, type PageCase } from './page-cases.tsx';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const ALLEGATIONS = Number(process.env.BENCH_ALLEGATIONS ?? 100_000);

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

/** Runs the page benchmark and returns its figures. */
export async function pagesBenchmark(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-pages-'));
  const database = await openDatabase({ dataDir, databaseUrl: undefined }, 'bench');
  try {
    await migrate(database.db);
    await seedDemo(database.db);
    const scale = {
      officers: Math.round(ALLEGATIONS / 10),
      incidents: Math.round(ALLEGATIONS * 0.3),
      allegations: ALLEGATIONS,
    };
    console.log(
      `Generating ${scale.allegations} allegations, ${scale.incidents} incidents, ${scale.officers} officers…`,
    );
    const generation = await generate(database.db, scale);
    // The search cache off: repeated identical searches would otherwise time the cache, not the search.
    const app = createApp({
      db: database.db,
      backend: database.backend,
      logger: createLogger('silent'),
      searchCacheSeconds: 0,
    });
    const cases: PageCase[] = await pageCases(database.db);
    const results: Record<string, unknown>[] = [];
    for (const pc of cases) {
      const res = await app.request(pc.url);
      if (res.status !== 200) throw new Error(`${pc.url} answered ${res.status}`);
      const server = await time(async () => (await app.request(pc.url)).text());
      const data = await pc.load();
      const bare = await time(() => renderDocument(pc.render(data)));
      results.push({ page: pc.name, url: pc.url, server, bareRender: bare });
      console.log(
        `${pc.name.padEnd(28)} server p50 ${String(server.p50).padStart(7)} ms  p95 ${String(server.p95).padStart(7)} ms   ` +
          `bare render p50 ${String(bare.p50).padStart(6)} ms  p95 ${String(bare.p95).padStart(6)} ms`,
      );
    }
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM allegations`.execute(
      database.db,
    );
    return {
      backend: 'pglite',
      allegations: rows[0]!.n,
      iterations: ITERATIONS,
      generationMs: generation,
      pages: results,
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

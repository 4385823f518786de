// `npm run bench -- soak`: a bounded fault run on loopback. Two `custodiet serve` instances on one
// PostgreSQL database take SOAK_SECONDS (default 300) of mixed reads and token writes from a
// client that balances between them (and, like a proxy, tries the other instance when one does
// not answer). Half-way, one instance is killed with SIGKILL and started again. Afterwards the
// database is checked for every write that was acknowledged (201): lost writes should be 0, and
// so should 5xx answers outside the kill window.
import { createUser } from '../src/accounts/service.ts';
import { createToken } from '../src/api/tokens.ts';
import { inTransaction } from '../src/audit/records.ts';
import { sql } from '../src/db/kysely.ts';
import {
  benchPostgres,
  openTarget,
  postgresTarget,
  prepare,
  startApp,
  type Server,
  type Target,
} from './harness.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const WORKERS = 8;
const WRITE_SHARE = 0.2;

interface Tally {
  reads: number;
  writes: number;
  acknowledged: { slug: string; id: string }[];
  /** Writes whose answer was lost with the connection: they may or may not have committed. */
  uncertain: string[];
  fiveXxInWindow: number;
  fiveXxOutside: { at: number; status: number; url: string }[];
  connectionErrors: number;
  latencies: number[];
}

async function readUrls(target: Target): Promise<string[]> {
  const database = await openTarget(target);
  try {
    const { rows } = await sql<{ slug: string }>`
      SELECT slug FROM incidents WHERE publication_state = 'published' ORDER BY slug LIMIT 20`.execute(
      database.db,
    );
    return [
      '/',
      '/search?q=excessive+force',
      '/api/v1/overview',
      '/api/v1/search?q=Charing+Cross',
      '/api/v1/incidents?limit=50',
      ...rows.flatMap((r) => [`/incidents/${r.slug}`, `/api/v1/incidents/${r.slug}`]),
    ];
  } finally {
    await database.close();
  }
}

async function setupToken(target: Target, forceId: { id: string }) {
  const database = await openTarget(target);
  try {
    const user = await inTransaction(database.db, (trx) =>
      createUser(trx, 'bench:soak', {
        email: `soak-${Date.now()}@example.org`,
        displayName: 'Soak writer',
        role: 'editor',
        password: 'a soak test passphrase',
      }),
    );
    const { token } = await createToken(database.db, 'bench:soak', {
      userId: user.id,
      name: 'soak',
      scopes: ['write:incidents'],
    });
    return { token, forceId: forceId.id };
  } finally {
    await database.close();
  }
}

/** Runs the soak/fault benchmark (PostgreSQL only: PGlite is one process by design). */
export async function soakBenchmark(): Promise<Record<string, unknown>> {
  const url = await benchPostgres();
  if (!url)
    throw new Error('The soak benchmark needs PostgreSQL: set BENCH_PG_URL (or PG_URL / DATABASE_URL).');
  const target = await postgresTarget(url);
  try {
    const database = await openTarget(target);
    let rows;
    let force;
    try {
      ({ rows } = await prepare(database, {
        officers: 10_000,
        incidents: 30_000,
        allegations: 100_000,
        policePowersEvents: 100_000,
      }));
      force = await database.db
        .selectFrom('forces')
        .select('id')
        .where('slug', '=', 'metropolitan')
        .executeTakeFirstOrThrow();
    } finally {
      await database.close();
    }
    const { token, forceId } = await setupToken(target, force);
    const reads = await readUrls(target);
    const servers: (Server | null)[] = [await startApp(target), await startApp(target)];
    const started = Date.now();
    const window = { from: Infinity, to: Infinity };
    const t: Tally = {
      reads: 0,
      writes: 0,
      acknowledged: [],
      uncertain: [],
      fiveXxInWindow: 0,
      fiveXxOutside: [],
      connectionErrors: 0,
      latencies: [],
    };
    let n = 0;

    const request = async (path: string, init?: RequestInit): Promise<Response | null> => {
      const first = n++ % 2;
      for (const i of [first, 1 - first]) {
        const s = servers[i];
        if (!s) continue;
        try {
          return await fetch(s.base + path, { ...init, signal: AbortSignal.timeout(10_000) });
        } catch {
          t.connectionErrors++;
        }
      }
      return null;
    };
    const note = (res: Response, path: string) => {
      if (res.status < 500) return;
      const at = Date.now();
      if (at >= window.from && at <= window.to) t.fiveXxInWindow++;
      else t.fiveXxOutside.push({ at: at - started, status: res.status, url: path });
    };
    const write = async (k: number) => {
      const slug = `soak-${started}-${k}`;
      const body = JSON.stringify({
        data: {
          slug,
          title: `Soak incident ${k}`,
          summary: 'Written during the soak run.',
          occurred: { on: '2025-01-01', precision: 'day' },
          forceId,
        },
      });
      const res = await request('/api/v1/records/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      t.writes++;
      if (!res) return void t.uncertain.push(slug);
      note(res, 'POST /api/v1/records/incidents');
      if (res.status === 201) t.acknowledged.push({ slug, id: ((await res.json()) as { id: string }).id });
      else if (res.status === 409)
        t.uncertain.push(slug); // a retry after a lost answer: it had committed
      else await res.arrayBuffer();
    };
    const worker = async (w: number) => {
      let k = 0;
      while (Date.now() - started < SECONDS * 1000) {
        const t0 = performance.now();
        if (Math.random() < WRITE_SHARE) await write(w * 1_000_000 + k++);
        else {
          const path = reads[Math.floor(Math.random() * reads.length)]!;
          const res = await request(path);
          t.reads++;
          if (res) {
            note(res, path);
            await res.arrayBuffer();
          }
        }
        t.latencies.push(performance.now() - t0);
      }
    };
    const fault = (async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      window.from = Date.now();
      const victim = servers[1]!;
      servers[1] = null;
      victim.child.kill('SIGKILL');
      console.log(
        `killed instance 2 (pid ${victim.child.pid}) with SIGKILL at ${Math.round((window.from - started) / 1000)} s`,
      );
      await new Promise((r) => setTimeout(r, 5000));
      servers[1] = await startApp(target);
      window.to = Date.now();
      console.log(`instance 2 back after ${Math.round((window.to - window.from) / 1000)} s`);
    })();
    await Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), fault]);
    for (const s of servers) await s?.stop();

    const check = await openTarget(target);
    let lost: string[];
    let uncertainCommitted: number;
    try {
      const slugs = t.acknowledged.map((a) => a.slug);
      const found = new Set(
        (
          await check.db
            .selectFrom('incidents')
            .select('slug')
            .where('slug', 'in', slugs.length ? slugs : ['-'])
            .execute()
        ).map((r) => r.slug),
      );
      lost = slugs.filter((s) => !found.has(s));
      uncertainCommitted = t.uncertain.length
        ? (await check.db.selectFrom('incidents').select('slug').where('slug', 'in', t.uncertain).execute())
            .length
        : 0;
    } finally {
      await check.close();
    }
    t.latencies.sort((a, b) => a - b);
    const p = (q: number) => Math.round(t.latencies[Math.floor(q * (t.latencies.length - 1))]! * 10) / 10;
    return {
      backend: 'postgres',
      instances: 2,
      seconds: SECONDS,
      workers: WORKERS,
      rows,
      reads: t.reads,
      writes: t.writes,
      acknowledgedWrites: t.acknowledged.length,
      committedWritesLost: lost.length,
      lostSlugs: lost.slice(0, 20),
      writesWithLostAnswer: t.uncertain.length,
      ofWhichCommitted: uncertainCommitted,
      killWindowSeconds: Math.round((window.to - window.from) / 100) / 10,
      fiveXxInsideKillWindow: t.fiveXxInWindow,
      fiveXxOutsideKillWindow: t.fiveXxOutside.length,
      fiveXxOutsideSamples: t.fiveXxOutside.slice(0, 10),
      connectionErrorsRetried: t.connectionErrors,
      latencyMs: { p50: p(0.5), p95: p(0.95), p99: p(0.99) },
    };
  } finally {
    if (target.backend === 'postgres') await target.drop();
  }
}

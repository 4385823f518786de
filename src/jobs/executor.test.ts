import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { kyselyForPostgres, type Db } from '../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { startJobs, type Jobs } from './boss.ts';

// Several app instances starting on a fresh database at once: each starts pg-boss (which installs
// its schema) and creates its queues. Unserialised, PostgreSQL aborted some of those creations as
// deadlocks and the instances concerned ran no background jobs until restarted. On PostgreSQL each
// instance has its own pool, as separate processes would; PGlite is one connection, so there the
// instances share the handle (as the capture queue and the periodic jobs of one process do).

const INSTANCES = 4;
let t: TestDatabase;
const handles: Db[] = [];

before(async () => {
  t = await createTestDatabase();
  for (let i = 0; i < INSTANCES; i++) handles.push(t.url ? kyselyForPostgres(t.url, 10) : t.db);
});
after(async () => {
  for (const h of handles) if (h !== t.db) await h.destroy();
  await t?.close();
});

const shared = ['refresh', 'download', 'announce', 'deliver', 'digest'];

async function startInstance(db: Db, i: number): Promise<Jobs> {
  const jobs = await startJobs(db);
  // Queues of this instance alone first (a queue's creation locks the job table whatever its
  // name), then the ones every instance creates, in an order of its own.
  for (const n of [0, 1, 2]) await jobs.boss.createQueue(`own-${i}-${n}`, { name: `own-${i}-${n}` });
  for (const q of i % 2 ? shared : [...shared].reverse())
    await jobs.boss.createQueue(q, { name: q, policy: 'stately' });
  return jobs;
}

test('pg-boss instances starting together on a fresh database all start and create every queue', async () => {
  const started = await Promise.allSettled(handles.map((db, i) => startInstance(db, i)));
  const failed = started
    .filter((s) => s.status === 'rejected')
    .map((s) => String((s as PromiseRejectedResult).reason));
  const jobs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    assert.deepEqual(failed, [], 'every instance started');
    const queues = await sql<{ name: string; n: number }>`
      SELECT name, count(*)::int AS n FROM pgboss.queue GROUP BY name ORDER BY name`.execute(t.db);
    const expected = [...shared, ...handles.flatMap((_, i) => [0, 1, 2].map((n) => `own-${i}-${n}`))].sort();
    assert.deepEqual(
      queues.rows.map((r) => r.name),
      expected,
    );
    assert.ok(queues.rows.every((r) => r.n === 1));
    // The queues work: a job sent through one instance is fetched through another.
    const id = await jobs[0]!.boss.send('deliver', { x: 1 });
    const [fetched] = await jobs[INSTANCES - 1]!.boss.fetch('deliver');
    assert.equal(fetched?.id, id);
  } finally {
    for (const j of jobs) await j.stop();
  }
});

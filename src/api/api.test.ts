import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR } from '../../test/helpers/factories.ts';
import {
  openRecordGraph,
  buildRecordGraph,
  CHILD_REAL_NAME,
  HIDDEN_OFFICER,
  plain,
  WARRANT_NUMBER,
  type RecordGraph,
} from '../../test/helpers/records.ts';
import { decodeCursor, encodeCursor } from './collections.ts';
import { refreshPatterns } from '../patterns/refresh.ts';
import { leaderSlug } from '../promises/repository.ts';

// The public API against a real database: the record graph of the page tests (published and
// unpublished officers, a child, a warrant number, corrections), read through /api/v1.

let t: TestDatabase;
let g: RecordGraph;
before(async () => ({ t, g } = await openRecordGraph()));
after(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => testApp(t).request(path, { headers });

async function json(path: string): Promise<Record<string, unknown>> {
  const res = await get(path);
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return (await res.json()) as Record<string, unknown>;
}

describe('what the API shows is what the pages show', () => {
  test('an incident: its record, allegations with findings and sanctions, and no unpublished name', async () => {
    const body = await json(`/api/v1/incidents/${g.incident.slug}`);
    assert.equal(body.kind, 'record');
    const incident = body.incident as { id: string; title: string };
    assert.equal(incident.id, g.incident.id);
    const allegations = body.allegations as {
      id: string;
      officer: { display: string; named: boolean; slug: string | null };
      findings: { sanctions: unknown[] }[];
    }[];
    const main = allegations.find((a) => a.id === g.allegations.main.id)!;
    assert.equal(main.officer.named, true);
    assert.equal(main.findings.length, 2, 'the first finding and the appeal that superseded it');
    assert.ok(main.findings.some((f) => f.sanctions.length === 1));
    const against = allegations.find((a) => a.id === g.allegations.against.id)!;
    assert.deepEqual(against.officer, {
      display: 'An officer not named in this record',
      named: false,
      slug: null,
    });
    const text = JSON.stringify(body);
    for (const secret of [HIDDEN_OFFICER, CHILD_REAL_NAME, WARRANT_NUMBER, g.hidden.id])
      assert.ok(!text.includes(secret), `the API leaks ${secret}`);
    assert.ok(!text.includes('publicationState'), 'editorial state is not part of the public record');
  });

  test('an officer, a statement, a force and a unit page, each by its slug', async () => {
    const officer = await json(`/api/v1/officers/${g.officer.slug}`);
    assert.equal((officer.officer as { id: string }).id, g.officer.id);
    assert.ok(!JSON.stringify(officer).includes(WARRANT_NUMBER), 'personnel numbers stay private (R10)');
    const statement = await json(`/api/v1/statements/${g.statement.slug}`);
    assert.equal((statement.statement as { id: string }).id, g.statement.id);
    const force = await json(`/api/v1/forces/metropolitan`);
    assert.ok((force.units as { id: string }[]).some((u) => u.id === g.station.id));
    const unit = await json(`/api/v1/forces/metropolitan/units/${g.station.slug}`);
    assert.equal((unit.unit as { id: string }).id, g.station.id);
    assert.equal(
      (await get(`/api/v1/officers/${g.hidden.slug}`)).status,
      404,
      'an unpublished officer has no record',
    );
  });

  test('lists are the export datasets: the hidden officer is neither listed nor referenced', async () => {
    const allegations = await json('/api/v1/allegations?limit=200');
    const items = allegations.items as { id: string; officerId: string | null; officer: string }[];
    const against = items.find((a) => a.id === g.allegations.against.id)!;
    assert.equal(against.officerId, null);
    assert.ok(!JSON.stringify(items).includes(HIDDEN_OFFICER));
    const officers = (await json('/api/v1/officers?limit=200')).items as { id: string }[];
    assert.ok(officers.some((o) => o.id === g.officer.id));
    assert.ok(!officers.some((o) => o.id === g.hidden.id));
  });

  test('search answers like the page, without highlight markers', async () => {
    const body = await json('/api/v1/search?q=Incident');
    const results = body.results as { type: string; id: string; title: string; snippet: string | null }[];
    assert.ok(results.some((r) => r.type === 'incident' && r.id === g.incident.id));
    assert.ok(!JSON.stringify(results).match(/[\uE000\uE001]/));
    const blank = await get('/api/v1/search');
    assert.equal(blank.status, 400);
  });

  test('one allegation by id; an unknown or malformed id is a 404 problem', async () => {
    const a = await json(`/api/v1/allegations/${g.allegations.main.id}`);
    assert.equal(a.id, g.allegations.main.id);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const res = await get(`/api/v1/allegations/${id}`);
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await res.json()) as { code: string }).code, 'CUS_NOT_FOUND');
    }
  });
  test('patterns and promises: the officer’s figures with a status label, the promise with what came after', async () => {
    await refreshPatterns(t.db);
    const pattern = await json(`/api/v1/patterns/officers/${g.officer.slug}`);
    const officer = pattern.officer as { slug: string; labels: { code: string }[] };
    assert.equal(officer.slug, g.officer.slug);
    assert.ok(officer.labels.length > 0, 'a status label beside the name (R1)');
    const byStandard = pattern.byStandard as { n: number }[];
    assert.ok(byStandard.length > 0 && byStandard.every((s) => s.n > 0));
    const leaderPath = `/api/v1/promises/leaders/${leaderSlug(g.statement.speaker_name)}`;
    const timeline = (await json(leaderPath)) as { promises: { slug: string; force: unknown }[] };
    assert.deepEqual(
      timeline.promises.map((p) => p.slug),
      [g.statement.slug],
    );
    const index = (await json('/api/v1/promises')) as { leaders: { name: string; promises: number }[] };
    assert.deepEqual(index.leaders, [expectedLeader(index.leaders, g.statement.speaker_name)]);
    const text = JSON.stringify([pattern, timeline, await json('/api/v1/patterns/lifecycle')]);
    for (const secret of [HIDDEN_OFFICER, CHILD_REAL_NAME, g.hidden.id])
      assert.ok(!text.includes(secret), `the API leaks ${secret}`);
    for (const path of [
      '/api/v1/patterns/officers/no-such-officer',
      '/api/v1/promises/forces/no-such-force',
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.equal(((await res.json()) as { code: string }).code, 'CUS_NOT_FOUND');
    }
  });
});

/** The one leader of the record graph, with the count the index must show. */
function expectedLeader(leaders: { name: string; promises: number }[], name: string) {
  const found = leaders.find((l) => l.name === name);
  assert.ok(found, `leader ${name} listed`);
  assert.equal(found.promises, 1);
  return found;
}

describe('paging, caching, CORS and errors', () => {
  test('cursor pages walk every row once, in id order, with a Link header', async () => {
    const seen: string[] = [];
    let path: string | null = '/api/v1/forces?limit=7';
    let pages = 0;
    while (path) {
      const res = await get(path);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { items: { id: string }[]; next: string | null };
      seen.push(...body.items.map((i) => i.id));
      const link = res.headers.get('link');
      if (body.next) assert.match(link ?? '', /rel="next"/);
      else assert.equal(link, null);
      path = body.next ? `/api/v1/forces?limit=7&cursor=${body.next}` : null;
      pages++;
    }
    assert.ok(pages > 3, 'several pages');
    assert.equal(new Set(seen).size, seen.length, 'no row twice');
    assert.deepEqual(seen, [...seen].sort(), 'id order');
    const { rows } = await t.db
      .selectFrom('forces')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .execute()
      .then((r) => ({ rows: r }));
    assert.equal(seen.length, Number(rows[0]!.n));
  });

  test('a cursor is opaque and checked; limits outside 1–200 are a 400 naming the parameter', async () => {
    assert.equal(decodeCursor(encodeCursor('42')), '42');
    for (const bad of [
      'x',
      encodeCursor('42').slice(0, -2) + '!!',
      Buffer.from("k1:1' OR 1=1").toString('base64url'),
    ]) {
      const res = await get(`/api/v1/incidents?cursor=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
    }
    const res = await get('/api/v1/incidents?limit=500');
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { code: string; errors: { field: string }[] };
    assert.equal(problem.code, 'CUS_BAD_REQUEST');
    assert.equal(problem.errors[0]!.field, 'limit');
  });

  test('ETag: If-None-Match (strong or weak form) gives 304 with no body; a change gives a new tag', async () => {
    const path = `/api/v1/statements/${g.statement.slug}`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await get(path, { 'if-none-match': inm });
      assert.equal(again.status, 304, inm);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
    }
    assert.equal((await get(path, { 'if-none-match': '"stale"' })).status, 200);
  });

  test('CORS: reads are open without credentials; a preflight allows only safe methods', async () => {
    const read = await get('/api/v1/forces?limit=1', { origin: 'https://elsewhere.example' });
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    assert.equal(read.headers.get('access-control-allow-credentials'), null);
    assert.match(read.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const pre = await testApp(t).request('/api/v1/records/incidents', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS');
    assert.doesNotMatch(pre.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.equal(pre.headers.get('access-control-allow-credentials'), null);
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await testApp(t).request('/api/v1/forces?limit=1', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('etag'));
  });

  test('rate limits: per client (salted hash, never the address), 429 with Retry-After as a problem', async () => {
    const app = testApp(t, { api: { rateLimit: 3, tokenRateLimit: 0, trustProxy: true } });
    const from = (ip: string) => app.request('/api/v1/forces?limit=1', { headers: { 'x-real-ip': ip } });
    for (let i = 0; i < 3; i++) assert.equal((await from('192.0.2.10')).status, 200);
    const limited = await from('192.0.2.10');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(limited.headers.get('ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await limited.json()) as { code: string }).code, 'CUS_RATE_LIMITED');
    assert.equal((await from('192.0.2.11')).status, 200, 'another client has its own allowance');
    assert.equal(limited.headers.get('access-control-allow-origin'), '*', 'browsers can read the 429');
  });

  test('an unknown endpoint and a wrong method are problems, not HTML', async () => {
    const res = await get('/api/v1/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const put = await testApp(t).request('/api/v1/incidents', { method: 'DELETE' });
    assert.ok(put.status === 404 || put.status === 405);
    assert.equal(put.headers.get('content-type'), 'application/problem+json');
  });
});

describe('the render guard and the R5 hold apply to the API', () => {
  test('an order made after publication takes the incident, its lists and its search hits out of the API', async () => {
    const local = await createTestDatabase();
    try {
      const graph = await buildRecordGraph(local.db, plain);
      const app = testApp(local);
      assert.equal((await app.request(`/api/v1/incidents/${graph.incident.slug}`)).status, 200);
      await inTransaction(local.db, (trx) =>
        saveRestriction(trx, ACTOR, {
          orderType: 'cca_1981_s4_2',
          caseReference: 'T20269999',
          scopeIncidentId: graph.incident.id,
          startsOn: new Date().toISOString().slice(0, 10),
        }),
      );
      const held = await app.request(`/api/v1/incidents/${graph.incident.slug}`);
      assert.equal(held.status, 451);
      assert.doesNotMatch(await held.text(), /T20269999/);
      assert.equal((await app.request(`/api/v1/allegations/${graph.allegations.main.id}`)).status, 451);
      const list = (await (await app.request('/api/v1/incidents?limit=200')).json()) as {
        items: { id: string }[];
      };
      assert.ok(!list.items.some((i) => i.id === graph.incident.id));
      const alleg = (await (await app.request('/api/v1/allegations?limit=200')).json()) as {
        items: { incidentId: string }[];
      };
      assert.ok(!alleg.items.some((a) => a.incidentId === graph.incident.id));
      const found = (await (await app.request('/api/v1/search?q=Incident')).json()) as {
        results: { id: string }[];
      };
      assert.ok(!found.results.some((r) => r.id === graph.incident.id));
    } finally {
      await local.close();
    }
  });
});

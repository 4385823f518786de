import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { inTransaction } from '../audit/records.ts';
import { runImport } from '../imports/framework.ts';
import { FORMATS } from '../imports/formats/index.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { saveOfficerPosting } from '../officers/service.ts';
import { saveUnit } from '../units/service.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import {
  ACTOR,
  makeAllegation,
  makeFinding,
  makeIncident,
  makeOfficer,
  met,
} from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { refreshPatterns } from './refresh.ts';

// Each figure on a small dataset whose answers were worked out by hand, and the stop-and-search
// figures on the police.uk fixture against an independent parse of the raw CSV.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const FIXTURE = 'test/fixtures/police-uk/2016-06-metropolitan-stop-and-search.csv';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function published(incidentDay: string, officers: string[], opts: { reportedOn?: string } = {}) {
  const incident = await makeIncident(t.db, { occurred: { on: incidentDay, precision: 'day' } });
  const ids: string[] = [];
  for (const officerId of officers)
    ids.push(
      (await makeAllegation(t.db, { incidentId: incident.id, officerId, reportedOn: opts.reportedOn })).id,
    );
  await inTransaction(t.db, async (trx) => {
    await publish(trx, 'incidents', incident.id);
    for (const id of ids) await publish(trx, 'allegations', id);
  });
  return { incident, allegations: ids };
}

let a: { id: string; slug: string };
let b: { id: string; slug: string };
let c: { id: string; slug: string };

test('hand dataset: officer counts, co-accusal and a held incident left out', async () => {
  a = await makeOfficer(t.db, { publishedName: 'PC Alpha Pattern' });
  b = await makeOfficer(t.db, { publishedName: 'PC Bravo Pattern' });
  c = await makeOfficer(t.db, { publishedName: 'PC Charlie Pattern' });
  await inTransaction(t.db, async (trx) => {
    for (const o of [a, b, c]) await publish(trx, 'officers', o.id);
  });
  const d = await makeOfficer(t.db, { publishedName: 'PC Delta Pattern' });
  await inTransaction(t.db, (trx) => publish(trx, 'officers', d.id));
  // Incident 1: A and B. Incident 2: A and C. Incident 3: A alone (2023). Incident 4: D, then held
  // by an order: the incident page and D's page (which shows it) are refused, so D counts nowhere.
  await published('2024-03-01', [a.id, b.id], { reportedOn: '2024-03-11' });
  await published('2024-04-01', [a.id, c.id], { reportedOn: '2024-04-21' });
  await published('2023-06-01', [a.id], { reportedOn: '2023-07-01' });
  const heldCase = await published('2024-05-01', [d.id], { reportedOn: '2024-05-11' });
  await inTransaction(t.db, (trx) =>
    saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T-PATTERN-1',
      scopeIncidentId: heldCase.incident.id,
      startsOn: new Date().toISOString().slice(0, 10),
    }),
  );
  const report = await refreshPatterns(t.db);
  assert.equal(report.held.incidents, 1, 'the incident under the order is held');
  assert.equal(report.held.officers, 1, "so is D's page, which shows it");
  const counts = await t.db
    .selectFrom('pattern_officer_counts')
    .select(['officer_id', 'year', 'allegations'])
    .where('officer_id', 'in', [a.id, b.id, c.id, d.id])
    .execute();
  const n = (o: { id: string }, year: number) =>
    counts.find((r) => r.officer_id === o.id && r.year === year)?.allegations;
  assert.equal(n(a, 0), 3);
  assert.equal(n(a, 2024), 2);
  assert.equal(n(a, 2023), 1);
  assert.equal(n(b, 0), 1);
  assert.equal(n(d, 0), undefined, "D's only allegation is on the held incident: not counted");
  assert.equal(n(c, 0), 1);
  const pairs = await t.db
    .selectFrom('pattern_coaccused')
    .selectAll()
    .where('officer_id', 'in', [a.id, b.id, c.id])
    .execute();
  const w = (x: { id: string }, y: { id: string }) =>
    pairs.find((p) => p.officer_id === x.id && p.other_id === y.id)?.incidents;
  assert.equal(w(a, b), 1);
  assert.equal(w(b, a), 1, 'both directions are stored');
  assert.equal(w(a, c), 1);
  assert.equal(w(b, c), undefined, 'B and C were never named together');
});

test('the officer pattern page: counts, co-accused with status labels, and no percentile for a tiny peer group', async () => {
  const res = await testApp(t).request(`/patterns/officers/${a.slug}`);
  assert.equal(res.status, 200);
  const page = text(await res.text());
  assert.match(page, /Where 3 allegations sit/);
  assert.match(page, /not shown \(fewer than 5 officers\)/, '3 officers in the force: no percentile');
  assert.match(page, /Authority, respect and courtesy 3/i);
  assert.match(
    page,
    /PC Bravo Pattern Allegation reported 1/,
    'co-accused named with their status label and shared incidents',
  );
  assert.match(page, /Figures as of/);
  assert.match(page, /How these figures are made/);
  const year = text(await (await testApp(t).request(`/patterns/officers/${a.slug}?year=2023`)).text());
  assert.match(year, /Where 1 allegation sit/);
  assert.equal((await testApp(t).request(`/patterns/officers/${a.slug}?year=abc`)).status, 400);
});

type NetJson = {
  nodes: { id: string; name: string; sharedIncidents: number }[];
  edges: { source: string; target: string; sharedIncidents: number }[];
};

test('co-accusal network of a command unit: members posted to it or its stations, links by shared incidents', async () => {
  const force = await met(t.db);
  const bcu = await inTransaction(t.db, (trx) =>
    saveUnit(trx, ACTOR, { forceId: force.id, slug: 'hand-bcu', name: 'Hand BCU', kind: 'bcu' }),
  );
  const station = await inTransaction(t.db, (trx) =>
    saveUnit(trx, ACTOR, {
      forceId: force.id,
      parentUnitId: bcu.id,
      slug: 'hand-station',
      name: 'Hand Station',
      kind: 'station',
    }),
  );
  // A and B at the station, C at the command unit itself: all three are members of the command unit.
  await inTransaction(t.db, async (trx) => {
    for (const [o, u] of [
      [a, station],
      [b, station],
      [c, bcu],
    ] as const)
      await saveOfficerPosting(trx, ACTOR, { officerId: o.id, unitId: u.id, validFrom: '2020-01-01' });
  });
  await refreshPatterns(t.db);
  const network = async (unit: string) =>
    (await (
      await testApp(t).request(`/patterns/forces/metropolitan/units/${unit}/network.json`)
    ).json()) as NetJson;
  const json = await network('hand-bcu');
  const name = new Map(json.nodes.map((n: { id: string; name: string }) => [n.id, n.name]));
  // A–B share incident 1, A–C incident 2: A weighs 2, B and C 1 each.
  const nodes = json.nodes.map((n: { name: string; sharedIncidents: number }) => [n.name, n.sharedIncidents]);
  assert.deepEqual(nodes[0], ['PC Alpha Pattern', 2], 'the most linked first');
  assert.deepEqual(nodes.slice(1).sort(), [
    ['PC Bravo Pattern', 1],
    ['PC Charlie Pattern', 1],
  ]);
  const edges = json.edges.map((e: { source: string; target: string; sharedIncidents: number }) => [
    [name.get(e.source), name.get(e.target)].sort().join(' & '),
    e.sharedIncidents,
  ]);
  assert.deepEqual(edges.sort(), [
    ['PC Alpha Pattern & PC Bravo Pattern', 1],
    ['PC Alpha Pattern & PC Charlie Pattern', 1],
  ]);
  // The station's network has only A and B.
  const st = await network('hand-station');
  assert.deepEqual(st.nodes.map((n: { name: string }) => n.name).sort(), [
    'PC Alpha Pattern',
    'PC Bravo Pattern',
  ]);
  const page = text(
    await (await testApp(t).request('/patterns/forces/metropolitan/units/hand-bcu/network')).text(),
  );
  assert.match(
    page,
    /Links between the officers drawn Officers Shared incidents PC \w+ Pattern and PC \w+ Pattern 1/,
  );
  assert.match(page, /<svg|Officers of Hand BCU named in the same incidents/);
});

test('percentile among peers: hand-computed on six more officers', async () => {
  // Peers' counts become A=3, B=1, C=1, and six officers with 1, 1, 2, 2, 4, 5 allegations.
  for (const k of [1, 1, 2, 2, 4, 5]) {
    const o = await makeOfficer(t.db, { publishedName: `PC Peer ${k}` });
    await inTransaction(t.db, (trx) => publish(trx, 'officers', o.id));
    for (let i = 0; i < k; i++) await published('2024-06-01', [o.id]);
  }
  await refreshPatterns(t.db);
  const force = await met(t.db);
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pattern_officer_counts WHERE force_id = ${force.id} AND year = 0`.execute(
    t.db,
  );
  assert.equal(rows[0]!.n, 9);
  // A has 3: below it 1,1,1,1,2,2 (6), level with it only A itself (1) → (6 + 0.5) / 9 = 72.2%.
  const page = text(await (await testApp(t).request(`/patterns/officers/${a.slug}`)).text());
  assert.match(page, /officers of Metropolitan Police Service 9 72/);
});

test('lifecycle: incident-to-complaint quartiles (hand-computed)', async () => {
  // Counted allegations with day-precision incidents: A/B 10 days (x2), A/C 20 (x2), A 30; peers have none.
  const force = await met(t.db);
  const row = await t.db
    .selectFrom('pattern_lifecycle')
    .selectAll()
    .where('force_id', '=', force.id)
    .where('stage', '=', 'incident_to_complaint')
    .executeTakeFirstOrThrow();
  // Days 10, 10, 20, 20, 30: p25 = 10, median = 20, p75 = 20 (linear interpolation at 1, 2, 3 of 0..4).
  assert.deepEqual([row.n, Number(row.p25), Number(row.median), Number(row.p75)], [5, 10, 20, 20]);
  const page = text(await (await testApp(t).request('/patterns/lifecycle')).text());
  assert.match(page, /Metropolitan Police Service 5 10 days 20 days 20 days/);
});

test('outcomes count in the per-day table, by the date decided', async () => {
  const { allegations } = await published('2024-07-01', [c.id]);
  await makeFinding(t.db, { allegationId: allegations[0], decidedOn: '2025-02-03' });
  await refreshPatterns(t.db);
  const force = await met(t.db);
  const day = await t.db
    .selectFrom('pattern_force_day')
    .selectAll()
    .where('force_id', '=', force.id)
    .where('day', '=', '2025-02-03')
    .executeTakeFirstOrThrow();
  assert.equal(day.outcomes, 1);
});

function independentCounts() {
  // The fixture has no quoted fields (see its README), so a split is an independent parse.
  const [header, ...lines] = fs.readFileSync(FIXTURE, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const eth = cols.indexOf('Officer-defined ethnicity');
  const out = cols.indexOf('Outcome');
  const counts = new Map<string, { searches: number; arrests: number; nfa: number }>();
  for (const line of lines) {
    const f = line.split(',');
    const g = f[eth] === '' ? 'not_recorded' : f[eth]!.toLowerCase();
    const c = counts.get(g) ?? { searches: 0, arrests: 0, nfa: 0 };
    c.searches++;
    if (f[out] === 'Suspect arrested') c.arrests++;
    if (f[out] === 'Nothing found - no further action') c.nfa++;
    counts.set(g, c);
  }
  return counts;
}

test('stop and search on the police.uk fixture matches an independent parse of the CSV', async () => {
  const report = await runImport(t.db, FORMATS['police-uk-stop-search']!, FIXTURE, { actor: ACTOR });
  assert.equal(report.rows, 10_490);
  await refreshPatterns(t.db);
  const rows = await t.db
    .selectFrom('pattern_stop_search')
    .selectAll()
    .where('basis', '=', 'officer')
    .execute();
  const expected = independentCounts();
  assert.deepEqual(
    Object.fromEntries(
      rows.map((r) => [
        r.ethnic_group,
        { searches: r.searches, arrests: r.arrests, nfa: r.no_further_action },
      ]),
    ),
    Object.fromEntries(expected),
  );
  assert.ok(
    rows.every((r) => r.month === '2016-06-01'),
    'every search falls in June 2016, London time',
  );
  const page = text(await (await testApp(t).request('/patterns/forces/metropolitan/stop-search')).text());
  assert.match(page, new RegExp(`White ${expected.get('white')!.searches.toLocaleString('en-GB')}`));
  assert.match(page, /No population baseline/);
});

test('rates per 1,000 and the ratio to White, against hand computation (test baseline, not census figures)', async () => {
  // Made-up residents for this test only: White 1,000,000, Black 250,000, Asian 400,000, Other 50,000, Mixed 50,000.
  const force = await met(t.db);
  const src = await t.db
    .insertInto('sources')
    .values({ kind: 'dataset', publisher: 'Test', title: 'Test baseline (not census data)', licence: 'none' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = await t.db
    .insertInto('dataset_files')
    .values({
      source_id: src.id,
      format: 'test',
      file_name: 't.csv',
      sha256: 'c'.repeat(64),
      byte_size: 0,
      retrieved_on: '2026-01-01',
      rows_imported: 5,
      imported_by: ACTOR,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pop = { white: 1_000_000, black: 250_000, asian: 400_000, other: 50_000, mixed: 50_000 };
  await t.db
    .insertInto('population_baselines')
    .values(
      Object.entries(pop).map(([g, n]) => ({
        force_id: force.id,
        area_code: 'E99999999',
        area_name: 'Test area',
        census: 'test_census',
        ethnic_group: g,
        population: n,
        dataset_file_id: file.id,
      })),
    )
    .execute();
  const page = text(await (await testApp(t).request('/patterns/forces/metropolitan/stop-search')).text());
  // White 4,474 / 1,000,000 × 1,000 = 4.474 → 4.47; Black 4,205 / 250,000 × 1,000 = 16.82.
  // Ratio 16.82 / 4.474 = 3.7595; SE = √(1/4205 + 1/4474) = 0.021474; × 1.96 = 0.042089 →
  // 3.7595 × e^∓0.042089 = 3.6046 to 3.9211. "Other" is compared with Other + Mixed residents
  // (100,000): 305 / 100,000 × 1,000 = 3.05.
  assert.match(page, /White 4,474 1,000,000 4\.47 —/);
  assert.match(page, /Black 4,205 250,000 16\.82 3\.76 \(3\.6 to 3\.92\)/);
  assert.match(page, /Other 305 100,000 3\.05/);
  assert.match(page, /log rate-ratio normal approximation/);
});

test('an officer whose page became held after the rebuild is no longer named as co-accused, without a rebuild', async () => {
  const before = text(await (await testApp(t).request(`/patterns/officers/${a.slug}`)).text());
  assert.match(before, /PC Charlie Pattern/);
  // An order whose term is in C's page (their name) and not in A's: C's page is refused from now on.
  await inTransaction(t.db, (trx) =>
    saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T-PATTERN-2',
      scopeTerms: 'Charlie Pattern',
      startsOn: new Date().toISOString().slice(0, 10),
    }),
  );
  const res = await testApp(t).request(`/patterns/officers/${a.slug}`);
  assert.equal(res.status, 200, "A's own page is not covered by the order");
  const after = text(await res.text());
  assert.doesNotMatch(after, /Charlie Pattern/);
  assert.match(after, /PC Bravo Pattern/);
  assert.equal(
    (await testApp(t).request(`/patterns/officers/${c.slug}`)).status,
    451,
    "C's pattern page is refused",
  );
});

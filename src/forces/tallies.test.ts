// The force and unit pages read counters kept by triggers (src/migrations/20261201060000_scope_tallies.sql).
// After every kind of write that moves a figure, the counters must equal a recount made here
// from the records with plain SQL, and the pages must show that recount.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { deleteRecord, inTransaction, unlinkRecord } from '../audit/records.ts';
import { saveAllegation } from '../allegations/service.ts';
import { bumpWriteGeneration } from '../db/cache.ts';
import type { Db } from '../db/client.ts';
import { addIncidentUnit, saveIncident } from '../incidents/service.ts';
import { loadHomePage } from '../incidents/routes.tsx';
import { setPublicationState } from '../publication/service.ts';
import { saveUnit } from '../units/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeIncident, makeOfficer, met, uniq } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { loadForcePage, loadUnitPage } from './routes.tsx';

type Figures = Record<string, string[]>;

// Every scope's figures, recounted from the records as the pages once counted them on read: a
// force's incidents by force_id, a unit's through its links and those of the units below it.
async function recount(db: Db): Promise<Figures> {
  const { rows } = await sql<{ scope: string; line: string }>`
    WITH RECURSIVE tree(top, id) AS (
      SELECT id, id FROM units
      UNION
      SELECT tree.top, u.id FROM units u JOIN tree ON u.parent_unit_id = tree.id),
    scoped(scope, incident_id) AS (
      SELECT force_id, id FROM incidents WHERE publication_state = 'published'
      UNION
      SELECT tree.top, iu.incident_id FROM tree JOIN incident_units iu ON iu.unit_id = tree.id
      JOIN incidents i ON i.id = iu.incident_id AND i.publication_state = 'published'),
    pa AS (SELECT * FROM allegations WHERE publication_state = 'published')
    SELECT s.scope, concat_ws(' ', 'year', extract(year FROM i.occurred_on)::int, count(DISTINCT i.id),
      count(DISTINCT pa.id)) AS line
    FROM scoped s JOIN incidents i ON i.id = s.incident_id LEFT JOIN pa ON pa.incident_id = i.id
    GROUP BY s.scope, extract(year FROM i.occurred_on)
    UNION ALL
    SELECT s.scope, concat_ws(' ', st.standard_code, count(*),
      count(*) FILTER (WHERE pa.status_code IN ('misconduct_proven', 'gross_misconduct_proven')))
    FROM scoped s JOIN pa ON pa.incident_id = s.incident_id
    JOIN allegation_standards st ON st.allegation_id = pa.id
    GROUP BY s.scope, st.standard_code`.execute(db);
  return group(rows);
}

// The counters as stored, leaving out rows that have fallen to zero (kept only for their dates).
async function tallies(db: Db): Promise<Figures> {
  const { rows } = await sql<{ scope: string; line: string }>`
    SELECT scope_id AS scope, concat_ws(' ', 'year', year, incidents, allegations) AS line
    FROM scope_year_tallies WHERE incidents > 0 OR allegations > 0
    UNION ALL
    SELECT scope_id, concat_ws(' ', standard_code, allegations, proven)
    FROM scope_standard_tallies WHERE allegations > 0 OR proven > 0`.execute(db);
  return group(rows);
}

function group(rows: { scope: string; line: string }[]): Figures {
  const out: Figures = {};
  for (const r of rows) (out[r.scope] ??= []).push(r.line);
  for (const lines of Object.values(out)) lines.sort();
  return out;
}

async function homeRecount(db: Db) {
  const { rows } = await sql<{
    incidents: number;
    allegations: number;
    officers: number;
    statements: number;
  }>`
    SELECT
      (SELECT count(*)::int FROM incidents WHERE publication_state = 'published') AS incidents,
      (SELECT count(*)::int FROM allegations a JOIN incidents i ON i.id = a.incident_id
        WHERE a.publication_state = 'published' AND i.publication_state = 'published') AS allegations,
      (SELECT count(*)::int FROM officers WHERE publication_state = 'published' AND published_name IS NOT NULL) AS officers,
      (SELECT count(*)::int FROM statements WHERE publication_state = 'published') AS statements`.execute(db);
  return rows[0]!;
}

// A page's figures in the recount's terms.
function pageFigures(data: Awaited<ReturnType<typeof loadForcePage>>['data']): string[] {
  return [
    ...data.years.map((y) =>
      ['year', y.year, y.incidents, y.allegations].filter((x) => x !== null).join(' '),
    ),
    ...data.standards.map((s) => `${s.code} ${s.allegations} ${s.proven}`),
  ].sort();
}

describe('scope tallies: the force and unit pages’ counters', () => {
  let t: TestDatabase;
  let forceId: string;
  let units: {
    a: { id: string; slug: string };
    s1: { id: string; slug: string };
    b: { id: string; slug: string };
  };
  let inc: { id: string }[];
  let alg: { id: string; incidentId: string }[];

  async function assertAgree(what: string) {
    const expected = await recount(t.db);
    assert.deepEqual(await tallies(t.db), expected, `${what}: the counters equal a recount`);
    const force = await loadForcePage(t.db, 'metropolitan');
    assert.deepEqual(pageFigures(force.data), expected[forceId] ?? [], `${what}: the force page`);
    for (const u of Object.values(units)) {
      const page = await loadUnitPage(t.db, 'metropolitan', u.slug);
      assert.deepEqual(pageFigures(page.data), expected[u.id] ?? [], `${what}: unit ${u.slug}`);
    }
    assert.deepEqual((await loadHomePage(t.db)).counts, await homeRecount(t.db), `${what}: home counts`);
  }

  before(async () => {
    t = await createTestDatabase();
    forceId = (await met(t.db)).id;
    const unit = (name: string, kind: 'bcu' | 'station', parentUnitId?: string) =>
      saveUnit(t.db, ACTOR, { forceId, parentUnitId, slug: uniq(name), name, kind });
    const a = await unit('area-a', 'bcu');
    const s1 = await unit('station-1', 'station', a.id);
    const b = await unit('area-b', 'bcu');
    units = { a, s1, b };
    const officer = await makeOfficer(t.db);
    inc = [
      await makeIncident(t.db, { occurred: { on: '2020-03-01', precision: 'day' } }),
      await makeIncident(t.db, { occurred: { on: '2021-06-01', precision: 'month' } }),
      await makeIncident(t.db, { occurred: { on: '2021-09-01', precision: 'month' } }),
    ];
    await addIncidentUnit(t.db, ACTOR, inc[0]!.id, s1.id);
    await addIncidentUnit(t.db, ACTOR, inc[1]!.id, b.id);
    await addIncidentUnit(t.db, ACTOR, inc[2]!.id, s1.id);
    const allege = (i: number, standards: string[], status: string) =>
      makeAllegation(t.db, { incidentId: inc[i]!.id, officerId: officer.id, standards, status });
    const made = [
      await allege(0, ['authority_respect_courtesy', 'honesty_integrity'], 'misconduct_proven'),
      await allege(0, ['honesty_integrity'], 'reported'),
      await allege(1, ['use_of_force'], 'gross_misconduct_proven'),
      await allege(2, ['use_of_force'], 'under_investigation'),
    ];
    alg = made.map((m) => ({ id: m.id, incidentId: m.incident_id }));
  });
  after(() => t.close());

  test('nothing counts until published; publishing counts it everywhere it is listed', async () => {
    await assertAgree('drafts');
    assert.deepEqual(await tallies(t.db), {});
    await inTransaction(t.db, async (trx) => {
      for (const a of alg.slice(0, 3)) await publish(trx, 'allegations', a.id);
      for (const i of inc) await publish(trx, 'incidents', i.id);
    });
    await assertAgree('published');
    const figures = await tallies(t.db);
    // Incident 0 through station 1 and the area above it; the draft allegation not counted.
    assert.deepEqual(figures[units.a.id], [
      'authority_respect_courtesy 1 1',
      'honesty_integrity 2 1',
      'year 2020 1 2',
      'year 2021 1 0',
    ]);
    assert.deepEqual(
      figures[forceId]!.filter((l) => l.startsWith('year')),
      ['year 2020 1 2', 'year 2021 2 1'],
    );
  });

  test('edits: the incident’s date, an allegation’s Standards and status', async () => {
    const i0 = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', inc[0]!.id)
      .executeTakeFirstOrThrow();
    await saveIncident(
      t.db,
      ACTOR,
      {
        slug: i0.slug,
        title: i0.title,
        summary: i0.summary,
        occurred: { on: '2019-12-30', precision: 'day' },
        forceId,
      },
      i0.id,
    );
    await assertAgree('incident re-dated');
    await editAllegation(alg[1]!, ['use_of_force', 'confidentiality'], 'misconduct_proven');
    await assertAgree('Standards and status changed');
  });

  async function editAllegation(a: { id: string; incidentId: string }, standards: string[], status: string) {
    const row = await t.db
      .selectFrom('allegations')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    await saveAllegation(
      t.db,
      ACTOR,
      {
        incidentId: a.incidentId,
        officerId: row.officer_id ?? undefined,
        summary: row.summary,
        standards,
        status,
      },
      a.id,
    );
  }

  test('withdrawal lowers the figures and moves Last-Modified on', async () => {
    const before = await loadForcePage(t.db, 'metropolitan');
    const asked = new Date();
    await setPublicationState(t.db, ACTOR, 'incidents', inc[1]!.id, 'withdrawn');
    await assertAgree('incident withdrawn');
    const afterwards = await loadForcePage(t.db, 'metropolitan');
    assert.ok(afterwards.data.countsChanged! >= asked, 'the counts are dated by the withdrawal');
    assert.ok(afterwards.lastModified! > before.lastModified!);
    const unitB = await loadUnitPage(t.db, 'metropolitan', units.b.slug);
    assert.deepEqual(unitB.data.years, [], 'area B has nothing published left');
    assert.ok(unitB.lastModified! >= asked, 'an emptied unit page still dates its change');
    await setPublicationState(t.db, ACTOR, 'allegations', alg[2]!.id, 'withdrawn');
    await publish(t.db, 'incidents', inc[1]!.id);
    await assertAgree('republished without its withdrawn allegation');
  });

  test('an allegation moved to another incident (as a merge does), and a new one published there', async () => {
    alg[0] = { ...alg[0]!, incidentId: inc[2]!.id };
    await editAllegation(alg[0], ['authority_respect_courtesy', 'honesty_integrity'], 'misconduct_proven');
    await assertAgree('allegation moved');
    await sql`UPDATE allegations SET incident_id = ${inc[1]!.id} WHERE incident_id = ${inc[2]!.id}`.execute(
      t.db,
    );
    bumpWriteGeneration(); // a write outside the audited path, which would have told the page cache
    await assertAgree('all of an incident’s allegations moved in one statement');
    await publish(t.db, 'allegations', alg[3]!.id);
    await assertAgree('a late allegation published');
  });

  test('relinking units, and moving a unit under another', async () => {
    await unlinkRecord(t.db, ACTOR, 'incident_units', { incident_id: inc[0]!.id, unit_id: units.s1.id });
    await assertAgree('unlinked');
    await addIncidentUnit(t.db, ACTOR, inc[0]!.id, units.b.id);
    await addIncidentUnit(t.db, ACTOR, inc[2]!.id, units.a.id);
    await assertAgree('linked to other units (and to a unit and its parent at once)');
    await saveUnit(
      t.db,
      ACTOR,
      { forceId, parentUnitId: units.b.id, slug: units.s1.slug, name: 'station-1', kind: 'station' },
      units.s1.id,
    );
    await assertAgree('station moved under area B');
    await saveUnit(
      t.db,
      ACTOR,
      { forceId, slug: units.s1.slug, name: 'station-1', kind: 'station' },
      units.s1.id,
    );
    await assertAgree('station made top-level');
  });

  test('deleting an allegation, an incident; a rebuild from scratch changes nothing', async () => {
    await deleteRecord(t.db, ACTOR, 'allegations', alg[1]!.id);
    await assertAgree('allegation deleted');
    await deleteRecord(t.db, ACTOR, 'incidents', inc[0]!.id);
    await assertAgree('incident deleted with its links');
    const kept = await tallies(t.db);
    await sql`SELECT scope_tallies_rebuild()`.execute(t.db);
    assert.deepEqual(await tallies(t.db), kept);
    await assertAgree('rebuilt');
  });
});

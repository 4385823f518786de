import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { verifyAuditChain } from '../audit/chain.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { DEMO_DATASET } from './dataset.ts';
import { demoDataset } from './schema.ts';
import { demoSeeded, seedDemo } from './seed.ts';

const data = demoDataset.parse(DEMO_DATASET);

describe('demo data', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('loads through the services and is idempotent', async () => {
    assert.equal(await demoSeeded(t.db), false);
    const first = await seedDemo(t.db);
    assert.ok(first.changes > 100);
    assert.equal(await demoSeeded(t.db), true);
    const second = await seedDemo(t.db);
    assert.equal(second.changes, 0, 'a second run changes nothing');
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM incidents WHERE publication_state = 'published'`.execute(t.db);
    assert.equal(rows[0]!.n, data.incidents.length);
    assert.equal((await verifyAuditChain(t.db)).broken, null);
  });

  test('the cases the foundation promises are there', () => {
    const titles = data.incidents.map((i) => `${i.title} ${i.summary}`).join('\n');
    for (const needle of [
      'Panorama',
      'Hotton',
      'Everard',
      'Carrick',
      'Casey',
      'Kaba',
      'Child Q',
      'Bianca Williams',
    ]) {
      assert.ok(titles.includes(needle), `demo data covers ${needle}`);
    }
  });

  test('every named officer is published with a status label and a source naming them (R1, R4)', async () => {
    const officers = await t.db
      .selectFrom('officers as o')
      .select(['o.id', 'o.published_name', 'o.publication_state'])
      .where('o.published_name', 'is not', null)
      .execute();
    assert.equal(officers.length, data.officers.length);
    for (const o of officers) {
      const labels = await t.db
        .selectFrom('allegations')
        .select('status_code')
        .where('officer_id', '=', o.id)
        .execute();
      assert.ok(labels.length > 0, `${o.published_name} is shown with at least one allegation and its label`);
      const nameClaims = await t.db
        .selectFrom('claims')
        .select(['quoted_passage'])
        .where('officer_id', '=', o.id)
        .where('field', '=', 'published_name')
        .execute();
      const surname = o.published_name!.split(' ').at(-1)!;
      assert.ok(
        nameClaims.some((c) => c.quoted_passage?.includes(surname)),
        `${o.published_name}: a quoted source names them`,
      );
    }
  });

  test('every fact has a source; passages are short and verbatim-labelled; snapshots await capture (R4)', async () => {
    const unsourced = await sql<{ kind: string; id: string }>`
      SELECT 'incident' AS kind, id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.incident_id = i.id)
      UNION ALL SELECT 'allegation', id FROM allegations a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.allegation_id = a.id)
      UNION ALL SELECT 'finding', id FROM findings f WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.finding_id = f.id)
      UNION ALL SELECT 'sanction', id FROM sanctions s WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.sanction_id = s.id)
      UNION ALL SELECT 'event', id FROM timeline_events e WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.timeline_event_id = e.id)`.execute(
      t.db,
    );
    assert.deepEqual(unsourced.rows, []);
    const claims = await t.db.selectFrom('claims').select(['quoted_passage', 'passage_note']).execute();
    for (const c of claims) {
      if (c.quoted_passage) {
        assert.ok(c.quoted_passage.trim().split(/\s+/).length <= 30, `passage too long: ${c.quoted_passage}`);
        assert.match(c.passage_note ?? '', /retrieved on \d{4}-\d{2}-\d{2}/);
      } else {
        assert.ok((c.passage_note ?? '').length > 10, 'a claim without a passage says why');
      }
    }
    const snapshots = await t.db.selectFrom('source_snapshots').select('capture_status').distinct().execute();
    assert.deepEqual(
      snapshots.map((s) => s.capture_status),
      ['not_yet_captured'],
    );
  });

  test('victims are protected: the child is never named; public names have a recorded basis (R7–R9)', async () => {
    const people = await t.db.selectFrom('people').selectAll().execute();
    const child = people.find((p) => p.pseudonym === 'Child Q');
    assert.ok(child);
    assert.equal(child.age_status, 'minor');
    assert.equal(child.public_name, null);
    assert.equal(child.official_pseudonym, true);
    for (const p of people.filter((p) => p.public_name)) {
      assert.equal(p.age_status, 'adult');
      assert.ok((p.public_name_basis ?? '').length > 10);
    }
  });

  test("later events win: the overturned Williams dismissals and Blake's acquittal are shown as such", async () => {
    const byName = async (name: string) =>
      (
        await t.db
          .selectFrom('allegations as a')
          .innerJoin('officers as o', 'o.id', 'a.officer_id')
          .select('a.status_code')
          .where('o.published_name', 'like', `%${name}%`)
          .execute()
      ).map((r) => r.status_code);
    assert.ok((await byName('Clapham')).includes('overturned_on_appeal'));
    assert.ok(!(await byName('Clapham')).includes('gross_misconduct_proven'));
    assert.ok((await byName('Blake')).includes('acquitted'));
    const arrested = await t.db
      .selectFrom('allegations')
      .select(['status_code', 'officer_id'])
      .where('status_code', '=', 'active_proceedings')
      .execute();
    assert.ok(
      arrested.length >= 1 && arrested.every((a) => a.officer_id === null),
      'people facing active proceedings stay unnamed',
    );
  });

  test('the home page shows the demo incidents with labels', async () => {
    const html = await (await testApp(t).request('/')).text();
    for (const i of data.incidents)
      assert.ok(
        html.includes(i.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').slice(0, 25)),
        `home lists ${i.title}`,
      );
    assert.ok((html.match(/class="label /g) ?? []).length >= data.officers.length);
  });
});

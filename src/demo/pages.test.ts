// The public pages over the real demo cases: what a reader of each case must (and must never) see.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { fetchPage } from '../../test/helpers/pages.ts';
import { DEMO_DATASET } from './dataset.ts';
import { demoDataset } from './schema.ts';
import { seedDemo } from './seed.ts';

const data = demoDataset.parse(DEMO_DATASET);

describe('public pages over the demo cases', () => {
  let t: TestDatabase;
  let app: Hono;
  before(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db);
    app = testApp(t);
  });
  after(() => t.close());

  async function html(path: string): Promise<string> {
    const page = await fetchPage(app, path);
    assert.equal(page.status, 200, path);
    return page.html;
  }

  test('Child Q: shown only by the official pseudonym; no other person is named on the page', async () => {
    const page = await html('/incidents/child-q');
    assert.ok(page.includes('<span>Child Q</span>'));
    const named = await t.db
      .selectFrom('people')
      .select('public_name')
      .where('public_name', 'is not', null)
      .execute();
    assert.ok(named.length > 0);
    for (const p of named)
      assert.ok(!page.includes(p.public_name!), `${p.public_name} is not on the Child Q page`);
    assert.ok(page.includes('A fourth police constable involved in the Child Q search'));
  });

  test('Williams: the 2023 finding and the Police Appeals Tribunal finding that supersedes it', async () => {
    const page = await html('/incidents/bianca-williams-ricardo-dos-santos');
    assert.match(page, /data-status="overturned_on_appeal">Overturned on appeal/);
    assert.ok(page.includes('Finding: Gross misconduct proven'), 'the 2023 finding is kept');
    assert.ok(page.includes('Finding: Appeal allowed: finding overturned'));
    assert.equal(
      page.match(/class="step finding superseded"/g)?.length,
      2,
      'both officers’ 2023 findings are superseded',
    );
    assert.ok(page.includes('<time datetime="2023-10-25">25 October 2023</time>'));
    assert.ok(
      page.includes('Police Appeals Tribunal decision of <time datetime="2024-10-04">4 October 2024</time>'),
    );
    assert.ok(
      page.includes('<span>Bianca Williams</span>'),
      'a complainant whose name is public, not linked',
    );
  });

  test('Martyn Blake: the cipher NX121 and both labels, Acquitted and Case to answer', async () => {
    const page = await html('/officers/martyn-blake');
    assert.ok(page.includes('<th scope="row">NX121</th>'));
    assert.match(page, /data-status="acquitted">Acquitted</);
    assert.match(page, /data-status="case_to_answer">Case to answer</);
    assert.ok(page.includes('href="/incidents/chris-kaba-martyn-blake#allegation-'));
  });

  test('Wayne Couzens: the conviction and the whole life order', async () => {
    const page = await html('/officers/wayne-couzens');
    assert.ok(page.includes('Sanction: Whole life order'));
    assert.match(page, /data-status="convicted">Convicted</);
    assert.ok(page.includes('href="/forces/metropolitan/units/parliamentary-and-diplomatic-protection"'));
  });

  test('the active-proceedings sergeant stays unnamed on the Panorama page', async () => {
    const page = await html('/incidents/panorama-charing-cross-2025');
    assert.match(
      page,
      /A sergeant based at Charing Cross police station \(not named in this record\)<\/span> <span class="label label-open" data-status="active_proceedings">/,
    );
  });

  test('every demo incident, officer, statement and unit has a public page', async () => {
    const paths = [
      ...data.incidents.map((i) => `/incidents/${i.slug}`),
      ...data.officers.map((o) => `/officers/${o.slug}`),
      ...data.statements.map((s) => `/statements/${s.slug}`),
      ...data.units.map((u) => `/forces/${u.force}/units/${u.slug}`),
      '/forces/metropolitan',
      '/corrections',
      '/methodology',
      '/right-of-reply',
    ];
    for (const path of paths) {
      const page = await html(path);
      assert.equal(page.match(/<h1[ >]/g)?.length, 1, `${path}: one h1`);
    }
  });
});

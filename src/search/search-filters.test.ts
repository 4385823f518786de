// Each filter, alone and combined, browsing without words, pagination and HTTP validators.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { requireForce } from '../forces/service.ts';
import { addIncidentUnit } from '../incidents/service.ts';
import { saveStatement } from '../statements/service.ts';
import { saveUnit } from '../units/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import {
  ACTOR,
  makeAllegation,
  makeIncident,
  makeOfficer,
  makeSource,
  met,
  uniq,
} from '../../test/helpers/factories.ts';
import { published, searchPage, word } from '../../test/helpers/search.ts';

const incidentHref = (i: { slug: string }) => `/incidents/${i.slug}`;
const allegationHref = (i: { slug: string }, a: { id: string }) => `/incidents/${i.slug}#allegation-${a.id}`;
const sorted = (xs: string[]) => [...xs].sort();

describe('search: filters, pagination and caching', () => {
  let t: TestDatabase;
  const w = word();
  let rec: Awaited<ReturnType<typeof build>>;

  // Two incidents in different forces, each with one allegation, a statement, and a unit tree.
  async function build() {
    return inTransaction(t.db, async (trx) => {
      const metForce = await met(trx);
      const city = await requireForce(trx, 'city-of-london');
      const bcu = await saveUnit(trx, ACTOR, {
        forceId: metForce.id,
        slug: uniq('bcu'),
        name: 'Test BCU',
        kind: 'bcu',
      });
      const station = await saveUnit(trx, ACTOR, {
        forceId: metForce.id,
        parentUnitId: bcu.id,
        slug: uniq('station'),
        name: 'Test station',
        kind: 'station',
      });
      const a = await makeIncident(trx, {
        summary: `Met matter about ${w}.`,
        occurred: { on: '2021-03-01', precision: 'month' },
        forceId: metForce.id,
      });
      const b = await makeIncident(trx, {
        summary: `City matter about ${w}.`,
        occurred: { on: '2023-06-15', precision: 'day' },
        forceId: city.id,
      });
      await addIncidentUnit(trx, ACTOR, a.id, station.id);
      const officer = await published(
        trx,
        'officers',
        await makeOfficer(trx, { publishedName: 'Filter Officer' }),
      );
      const a1 = await makeAllegation(trx, {
        incidentId: a.id,
        officerId: officer.id,
        summary: `Alleged ${w} rudeness.`,
        standards: ['honesty_integrity'],
        iopcCategory: 'use_of_force',
        status: 'reported',
      });
      const a2 = await makeAllegation(trx, {
        incidentId: b.id,
        unidentifiedOfficer: 'A City constable',
        summary: `Alleged ${w} remarks.`,
        standards: ['use_of_force'],
        iopcCategory: 'discriminatory_behaviour',
        status: 'misconduct_proven',
      });
      const source = await makeSource(trx);
      const s = await saveStatement(trx, ACTOR, {
        slug: uniq('statement'),
        speakerName: 'A Commissioner',
        speakerRole: 'Commissioner',
        forceId: metForce.id,
        saidOn: '2022-01-10',
        summary: `Said something about ${w}.`,
        sourceId: source.id,
      });
      for (const [table, r] of [
        ['incidents', a],
        ['incidents', b],
        ['allegations', a1],
        ['allegations', a2],
        ['statements', s],
      ] as const)
        await published(trx, table, r);
      return { a, b, a1, a2, s, officer, bcu, station };
    });
  }

  before(async () => {
    t = await createTestDatabase();
    rec = await build();
  });
  after(() => t.close());

  test('words alone find every kind of record, with a count for each kind', async () => {
    const { a, b, a1, a2, s } = rec;
    const page = await searchPage(t, `/search?q=${w}`);
    assert.deepEqual(
      sorted(page.hrefs),
      sorted([
        incidentHref(a),
        incidentHref(b),
        allegationHref(a, a1),
        allegationHref(b, a2),
        `/statements/${s.slug}`,
      ]),
    );
    assert.deepEqual(page.facets, {
      'All kinds': 5,
      Incidents: 2,
      Allegations: 2,
      Officers: 0,
      Units: 0,
      Statements: 1,
    });
    assert.match(
      page.html,
      /A City constable<\/a> <span class="label label-proven" data-status="misconduct_proven">/,
    );
    assert.match(page.html, /Filter Officer<\/a> <span class="label label-open" data-status="reported">/);
  });

  test('each filter narrows the results', async () => {
    const { a, b, a1, a2, s, station, bcu } = rec;
    const cases: [string, string[]][] = [
      ['force=city-of-london', [incidentHref(b), allegationHref(b, a2)]],
      ['force=metropolitan', [incidentHref(a), allegationHref(a, a1), `/statements/${s.slug}`]],
      [`unit=${station.slug}`, [incidentHref(a), allegationHref(a, a1)]],
      [`force=metropolitan&unit=${bcu.slug}`, [incidentHref(a), allegationHref(a, a1)]],
      ['standard=honesty_integrity', [incidentHref(a), allegationHref(a, a1)]],
      ['iopc=discriminatory_behaviour', [incidentHref(b), allegationHref(b, a2)]],
      ['status=misconduct_proven', [incidentHref(b), allegationHref(b, a2)]],
      ['from=2021-03-20&to=2021-03-25', [incidentHref(a), allegationHref(a, a1)]],
      ['from=2022-01-01&to=2022-12-31', [`/statements/${s.slug}`]],
      ['from=2023-01-01', [incidentHref(b), allegationHref(b, a2)]],
      ['to=2021-12-31', [incidentHref(a), allegationHref(a, a1)]],
      ['type=allegation', [allegationHref(a, a1), allegationHref(b, a2)]],
      ['type=statement', [`/statements/${s.slug}`]],
      ['type=allegation&force=metropolitan&status=reported', [allegationHref(a, a1)]],
      ['force=metropolitan&status=misconduct_proven', []],
      ['standard=use_of_force&from=2023-06-15&to=2023-06-15', [incidentHref(b), allegationHref(b, a2)]],
    ];
    for (const [filters, expected] of cases) {
      const page = await searchPage(t, `/search?q=${w}&${filters}`);
      assert.equal(page.status, 200, filters);
      assert.deepEqual(sorted(page.hrefs), sorted(expected), filters);
    }
  });

  test('filters without words browse: a unit lists its incidents, allegations, officers and itself', async () => {
    const { a, a1, officer, station } = rec;
    const page = await searchPage(t, `/search?force=metropolitan&unit=${station.slug}`);
    assert.deepEqual(
      sorted(page.hrefs),
      sorted([
        incidentHref(a),
        allegationHref(a, a1),
        `/officers/${officer.slug}`,
        `/forces/metropolitan/units/${station.slug}`,
      ]),
    );
    const blank = await searchPage(t, '/search');
    assert.equal(blank.status, 200);
    assert.deepEqual(blank.hrefs, [], 'no words and no filters: just the form');
  });

  test('pagination: 20 a page, page 2 continues, links keep every parameter', async () => {
    const p = word();
    await inTransaction(t.db, async (trx) => {
      for (let day = 1; day <= 23; day++) {
        const on = `2020-01-${String(day).padStart(2, '0')}`;
        await published(
          trx,
          'incidents',
          await makeIncident(trx, {
            slug: `page-${p}-${day}`,
            title: `${p} case`,
            occurred: { on, precision: 'day' },
          }),
        );
      }
    });
    const base = `/search?q=${p}&force=metropolitan&from=2020-01-01`;
    const one = await searchPage(t, base);
    assert.equal(one.results.length, 20);
    assert.equal(one.hrefs[0], `/incidents/page-${p}-23`, 'equal relevance: most recent first');
    assert.match(one.html, /23 results for/);
    assert.match(one.html, /Showing 1–20 of 23, page 1 of 2\./);
    const next = `/search?q=${p}&amp;force=metropolitan&amp;from=2020-01-01&amp;page=2`;
    assert.ok(
      one.html.includes(`<a href="${next}" rel="next">`),
      'the next link keeps the words and filters',
    );
    const two = await searchPage(t, `${base}&page=2`);
    assert.deepEqual(
      two.hrefs,
      [3, 2, 1].map((d) => `/incidents/page-${p}-${d}`),
    );
    assert.match(two.html, /Showing 21–23 of 23, page 2 of 2\./);
    assert.match(two.html, /<span aria-current="page"><span class="visually-hidden">Page <\/span>2<\/span>/);
    assert.ok(
      two.html.includes(`<a href="/search?q=${p}&amp;force=metropolitan&amp;from=2020-01-01" rel="prev">`),
    );
    const beyond = await searchPage(t, `${base}&page=3`);
    assert.equal(beyond.status, 200);
    assert.match(beyond.html, /There is no page 3/);
  });

  test('ETag and Last-Modified: a repeat gets 304, a new record changes the page', async () => {
    const url = `/search?q=${w}&force=metropolitan`;
    const first = await searchPage(t, url);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.ok(first.headers.get('last-modified'));
    assert.equal((await searchPage(t, url, { 'if-none-match': etag })).status, 304);
    await inTransaction(t.db, async (trx) =>
      published(trx, 'incidents', await makeIncident(trx, { summary: `Another ${w}.` })),
    );
    const after = await searchPage(t, url, { 'if-none-match': etag });
    assert.equal(after.status, 200);
    assert.equal(after.results.length, first.results.length + 1);
  });
});

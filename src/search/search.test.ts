import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { sql } from '../db/kysely.ts';
import { seedDemo } from '../demo/seed.ts';
import { saveOfficerIdentifier } from '../officers/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeIncident, makeOfficer, met } from '../../test/helpers/factories.ts';
import { published, searchPage, word } from '../../test/helpers/search.ts';
import { loadFilterOptions, resolveFilters } from './filters.ts';
import { runSearch } from './repository.ts';
import { searchQuery } from './schema.ts';

const incidentHref = (i: { slug: string }) => `/incidents/${i.slug}`;
const sorted = (xs: string[]) => [...xs].sort();

describe('search: relevance, names and numbers', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('a title match ranks above a mention in the summary', async () => {
    const w = word();
    const { inTitle, inSummary } = await inTransaction(t.db, async (trx) => ({
      inSummary: await published(
        trx,
        'incidents',
        await makeIncident(trx, { title: 'Another matter', summary: `This mentions ${w} once.` }),
      ),
      inTitle: await published(trx, 'incidents', await makeIncident(trx, { title: `The ${w} inquiry` })),
    }));
    const page = await searchPage(t, `/search?q=${w}`);
    assert.equal(page.status, 200);
    assert.deepEqual(page.hrefs, [incidentHref(inTitle), incidentHref(inSummary)]);
    assert.match(page.html, new RegExp(`The <mark>${w}</mark> inquiry`), 'the title is highlighted');
    assert.match(page.html, new RegExp(`This mentions <mark>${w}</mark> once`), 'the snippet is highlighted');
  });

  test('names are found whatever the accents, and by a fragment', async () => {
    const officer = await inTransaction(t.db, async (trx) =>
      published(trx, 'officers', await makeOfficer(trx, { publishedName: 'Zoë Ćwikłińska-McIlvenny' })),
    );
    for (const q of ['zoe cwiklinska', 'Ćwikłińska', 'CWIKLINSKA', 'McIlv', 'mcilven', 'Cwiklin']) {
      const page = await searchPage(t, `/search?q=${encodeURIComponent(q)}`);
      assert.deepEqual(page.hrefs, [`/officers/${officer.slug}`], `"${q}" finds the officer`);
      assert.ok(page.html.includes('Ćwikłińska'), 'the name is shown as published, accents and all');
    }
  });

  test('a fragment of a shoulder number finds the officer, shown with force and dates', async () => {
    const { officer, other } = await inTransaction(t.db, async (trx) => {
      const force = await met(trx);
      const officer = await published(
        trx,
        'officers',
        await makeOfficer(trx, { publishedName: 'Dana Example' }),
      );
      const other = await published(
        trx,
        'officers',
        await makeOfficer(trx, { publishedName: 'Eli Example' }),
      );
      for (const [o, identifier] of [
        [officer, '4821QW'],
        [other, '9930QW'],
      ] as const) {
        await saveOfficerIdentifier(trx, ACTOR, {
          officerId: o.id,
          forceId: force.id,
          identifierType: 'shoulder_number',
          identifier,
          validFrom: '2019-03-01',
          validTo: '2022-06-30',
        });
      }
      return { officer, other };
    });
    for (const q of ['4821', '21qw', '4821QW']) {
      const page = await searchPage(t, `/search?q=${q}`);
      assert.deepEqual(page.hrefs, [`/officers/${officer.slug}`], `"${q}" finds one officer`);
      assert.ok(
        page.html.includes(
          'Shoulder number <mark>4821QW</mark>, Metropolitan Police Service, held 1 March 2019 to 30 June 2022',
        ),
      );
    }
    const both = await searchPage(t, '/search?q=QW&type=officer');
    assert.deepEqual(both.hrefs, [], 'two characters are too few for a fragment search');
    const bothLonger = await searchPage(t, '/search?q=0QW&type=officer');
    assert.deepEqual(bothLonger.hrefs, [`/officers/${other.slug}`]);
  });

  test('every named officer carries the status labels of their published allegations', async () => {
    const w = word();
    const officer = await inTransaction(t.db, async (trx) => {
      const officer = await published(trx, 'officers', await makeOfficer(trx, { publishedName: `Sam ${w}` }));
      const incident = await published(trx, 'incidents', await makeIncident(trx));
      for (const status of ['misconduct_proven', 'not_proven'])
        await published(
          trx,
          'allegations',
          await makeAllegation(trx, { incidentId: incident.id, officerId: officer.id, status }),
        );
      return officer;
    });
    const page = await searchPage(t, `/search?q=${w}`);
    assert.deepEqual(page.hrefs, [`/officers/${officer.slug}`]);
    assert.match(
      page.html,
      /<\/a> <span class="label label-proven" data-status="misconduct_proven">Misconduct proven<\/span> <span class="label label-cleared" data-status="not_proven">Not proven<\/span><\/h3>/,
    );
  });
});

describe('search over the demo data', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await seedDemo(t.db);
  });
  after(() => t.close());

  test('"Charing Cross" finds the Panorama and Hotton incidents', async () => {
    const page = await searchPage(t, '/search?q=Charing+Cross&type=incident');
    assert.deepEqual(sorted(page.hrefs), [
      '/incidents/operation-hotton',
      '/incidents/panorama-charing-cross-2025',
    ]);
  });

  test('"NX121" finds Martyn Blake, with the cipher, its force and his status labels', async () => {
    const page = await searchPage(t, '/search?q=NX121');
    assert.equal(page.hrefs[0], '/officers/martyn-blake');
    assert.ok(
      page.html.includes('Cipher <mark>NX121</mark>, Metropolitan Police Service, dates held not recorded'),
    );
    assert.match(
      page.html,
      /Martyn Blake<\/a>( <span class="label [^"]+" data-status="\w+">[^<]+<\/span>)+<\/h3>/,
    );
  });

  test('a search turns parallel query off for itself only, and runs inside a transaction', async () => {
    const p = searchQuery.parse({ q: 'Charing Cross', type: 'incident' });
    const filters = await resolveFilters(t.db, p, await loadFilterOptions(t.db, p.force));
    const setting = sql<{ v: string }>`SELECT current_setting('max_parallel_workers_per_gather') AS v`;
    const found = (hits: { id: string }[]) => assert.equal(hits.length, 2, 'both incidents are found');
    // One connection throughout, so that a setting left behind would be seen (PGlite's default is
    // already 0, hence the explicit 2).
    await t.db.connection().execute(async (conn) => {
      await sql`SET max_parallel_workers_per_gather = 2`.execute(conn);
      found((await runSearch(conn, filters, p.q, 1)).hits);
      assert.equal((await setting.execute(conn)).rows[0]!.v, '2', 'the setting ends with the search');
      await sql`RESET max_parallel_workers_per_gather`.execute(conn);
    });
    await t.db.transaction().execute(async (trx) => found((await runSearch(trx, filters, p.q, 1)).hits));
  });
});

describe('search: the officer listing', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('officers are listed by surname, whatever the case, the full name breaking ties', async () => {
    const names = ['Aaron Zimmer', 'mary brown', 'Zoe Adams', 'Brian Brown'];
    const slugs = await inTransaction(t.db, async (trx) => {
      const bySlug = new Map<string, string>();
      for (const publishedName of names) {
        const o = await published(trx, 'officers', await makeOfficer(trx, { publishedName }));
        bySlug.set(publishedName, `/officers/${o.slug}`);
      }
      return bySlug;
    });
    const page = await searchPage(t, '/search?type=officer');
    assert.equal(page.status, 200);
    const expected = ['Zoe Adams', 'Brian Brown', 'mary brown', 'Aaron Zimmer'].map((n) => slugs.get(n));
    assert.deepEqual(page.hrefs, expected);
  });
});

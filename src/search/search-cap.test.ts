import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { COUNT_CAP, PAGE_SIZE, RANK_WINDOW } from './schema.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  // More matches than the counting cap, inserted in bulk (the services would take minutes).
  await sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, force_id, publication_state, published_at)
    SELECT 'zebra-' || g, 'Zebra crossing stop ' || g, 'A stop at a zebra crossing.', date '2020-01-01' + g, 'day',
           (SELECT id FROM forces WHERE slug = 'metropolitan'), 'published', now()
    FROM generate_series(1, ${COUNT_CAP + 150}) g`.execute(t.db);
  // More matches of one word than the ranking window, newest from 2020 back a day at a time, and
  // two records that say it many times (ranking higher): one recent, one years older than the rest.
  await sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, force_id, publication_state, published_at)
    SELECT slug, title, summary, day, 'day', (SELECT id FROM forces WHERE slug = 'metropolitan'), 'published', now()
    FROM (SELECT 'quagga-' || g AS slug, 'Quagga road stop ' || g AS title, 'A stop on Quagga Road.' AS summary,
                 date '2020-01-01' - g AS day FROM generate_series(1, ${RANK_WINDOW + 50}) g
          UNION ALL SELECT 'quagga-old', 'Quagga quagga quagga', 'Quagga, quagga and quagga again.', date '2000-06-01'
          UNION ALL SELECT 'quagga-new', 'Quagga quagga quagga', 'Quagga, quagga and quagga again.', date '2019-12-30') r`.execute(
    t.db,
  );
});
after(() => t.close());

const ids = (html: string, word = 'zebra') =>
  [...html.matchAll(new RegExp(`href="/incidents/(${word}-[a-z0-9]+)"`, 'g'))].map((m) => m[1]);

test('past the counting cap the page says "more than 1,000" and pages through the first 1,000 only', async () => {
  const app = testApp(t);
  const first = await (await app.request('/search?q=zebra')).text();
  assert.match(first, /More than 1,000 results/);
  assert.match(first, /Incidents <strong>1,000\+<\/strong>/);
  const lastPage = COUNT_CAP / PAGE_SIZE;
  const last = await (await app.request(`/search?q=zebra&page=${lastPage}`)).text();
  assert.equal(ids(last).length, PAGE_SIZE, 'the last pageable page is full');
  const beyond = await (await app.request(`/search?q=zebra&page=${lastPage + 1}`)).text();
  assert.match(beyond, new RegExp(`There is no page ${lastPage + 1}`));
  // Pages come from one ranking: no record appears on two pages.
  const p1 = ids(first);
  const p2 = ids(await (await app.request('/search?q=zebra&page=2')).text());
  assert.equal(p1.length, PAGE_SIZE);
  assert.equal(p2.length, PAGE_SIZE);
  assert.deepEqual(
    p1.filter((x) => p2.includes(x)),
    [],
  );
});

test('a broad search ranks its most recent matches; a date range reaches older, better ones', async () => {
  const app = testApp(t);
  const broad = await (await app.request('/search?q=quagga&type=incident')).text();
  const found = ids(broad, 'quagga');
  assert.equal(found[0], 'quagga-new', 'the best match among the recent ones comes first');
  assert.ok(!found.includes('quagga-old'), 'an old match outside the window is not ranked');
  assert.match(broad, /relevance is ranked among the 1,000 most recent of each; add a date range/);
  // The newest incidents are the zebra ones, so this search found its window through the word
  // index, sorted by date; up to 2019 the quagga ones are the newest, so it is read from the
  // recency index instead; from mid-2019 fewer match than the window holds. Both ways must rank
  // the same records first, however many match.
  const walked = await (await app.request('/search?q=quagga&type=incident&to=2019-12-31')).text();
  assert.deepEqual(ids(walked, 'quagga'), found);
  const fewer = await (await app.request('/search?q=quagga&type=incident&from=2019-06-01')).text();
  assert.deepEqual(ids(fewer, 'quagga'), found);
  const older = await (await app.request('/search?q=quagga&type=incident&to=2005-01-01')).text();
  assert.deepEqual(ids(older, 'quagga'), ['quagga-old']);
  assert.doesNotMatch(older, /most recent of each/, 'a narrow search ranks every match and says nothing');
});

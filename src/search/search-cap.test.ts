import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { COUNT_CAP, PAGE_SIZE } from './schema.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  // More matches than the counting cap, inserted in bulk (the services would take minutes).
  await sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, force_id, publication_state, published_at)
    SELECT 'zebra-' || g, 'Zebra crossing stop ' || g, 'A stop at a zebra crossing.', date '2020-01-01' + g, 'day',
           (SELECT id FROM forces WHERE slug = 'metropolitan'), 'published', now()
    FROM generate_series(1, ${COUNT_CAP + 150}) g`.execute(t.db);
});
after(() => t.close());

const ids = (html: string) => [...html.matchAll(/href="\/incidents\/(zebra-\d+)"/g)].map((m) => m[1]);

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

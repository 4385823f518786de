import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../demo/seed.ts';
import { refreshPatterns } from '../patterns/refresh.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { leaderSlug } from './repository.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  await refreshPatterns(t.db);
});
after(() => t.close());

test('leader slugs', () => {
  assert.equal(leaderSlug('Sir Mark Rowley'), 'sir-mark-rowley');
  assert.equal(leaderSlug('Dame Cressida Dick'), 'dame-cressida-dick');
});

test("the demo Commissioner's promises are shown with the later incidents linked and counts before and after", async () => {
  const app = testApp(t);
  const index = await (await app.request('/promises')).text();
  assert.match(index, /href="\/promises\/leaders\/sir-mark-rowley"/);
  const res = await app.request('/promises/leaders/sir-mark-rowley');
  assert.equal(res.status, 200);
  const html = await res.text();
  // Rowley's January 2023 "root out" promise came before the Panorama conduct (2024–25): linked.
  const jan2023 = html.indexOf('17 January 2023');
  assert.ok(jan2023 > 0, 'the January 2023 promise is on the timeline');
  const panorama = html.indexOf('href="/incidents/panorama-charing-cross-2025"', jan2023);
  assert.ok(panorama > jan2023, 'the Panorama incident is listed after the 2023 promise');
  assert.match(html, /a promise to root out wrongdoing/);
  assert.match(html, /12 months before and after/);
  assert.match(html, /Coming after is not being caused by/);
  const force = await (await app.request('/promises/forces/metropolitan')).text();
  assert.match(force, /Dame Cressida Dick/);
  assert.equal((await app.request('/promises/leaders/nobody-at-all')).status, 404);
});

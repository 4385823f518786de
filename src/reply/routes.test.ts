import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../http/app.ts';
import { createLogger } from '../http/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { fetchPage } from '../../test/helpers/pages.ts';

describe('right of reply page', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('explains the process and how fast we act', async () => {
    const page = await fetchPage(testApp(t), '/right-of-reply');
    assert.equal(page.status, 200);
    for (const text of [
      'What to tell us',
      'within 24 hours',
      'seven calendar days',
      'href="/corrections"',
      'href="/right-of-reply/complaint"',
      'Independent Office for Police Conduct',
      'aria-current="page">Right of reply',
    ])
      assert.ok(page.html.includes(text), text);
  });

  test('without CONTACT_EMAIL it says so; with it, it gives the address', async () => {
    const unset = await fetchPage(testApp(t), '/right-of-reply');
    assert.ok(unset.html.includes('Contact details have not been configured by this site&#39;s operator.'));
    assert.ok(!unset.html.includes('mailto:'));
    const app = createApp({
      db: t.db,
      backend: t.backend,
      logger: createLogger('silent'),
      contactEmail: 'corrections@custodiet.example.org',
    });
    const set = await fetchPage(app, '/right-of-reply');
    assert.ok(
      set.html.includes(
        '<a href="mailto:corrections@custodiet.example.org">corrections@custodiet.example.org</a>',
      ),
    );
    assert.ok(!set.html.includes('have not been configured'));
  });
});

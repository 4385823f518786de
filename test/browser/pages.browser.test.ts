// Every public page type in Chromium against the real server with the demo data, at desktop and
// phone widths: it answers, has one h1, holds without sideways scrolling, loads nothing from other
// origins, has no serious or critical axe-core (WCAG 2.2 AA) violation, and is photographed into
// test-results/screenshots. The home page also gets its own reader-facing checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  browserUnavailable,
  checkPageType,
  useDemoSite,
  VIEWPORTS,
  watchForeignRequests,
} from '../helpers/browser.ts';

const skip = browserUnavailable();

/** One URL per public page type; error pages included, since readers meet them too. */
const PAGE_TYPES: { name: string; url: string; status?: number }[] = [
  { name: 'home', url: '/' },
  { name: 'search-form', url: '/search' },
  { name: 'search-results', url: '/search?q=Charing+Cross' },
  { name: 'incident', url: '/incidents/bianca-williams-ricardo-dos-santos' },
  { name: 'incident-child-q', url: '/incidents/child-q' },
  { name: 'officer', url: '/officers/martyn-blake' },
  { name: 'forces', url: '/forces' },
  { name: 'data', url: '/data' },
  { name: 'force', url: '/forces/metropolitan' },
  { name: 'unit', url: '/forces/metropolitan/units/central-west' },
  { name: 'statement', url: '/statements/dick-commit-safety-2021' },
  { name: 'corrections', url: '/corrections' },
  { name: 'methodology', url: '/methodology' },
  { name: 'right-of-reply', url: '/right-of-reply' },
  { name: 'complaint-form', url: '/right-of-reply/complaint' },
  { name: 'not-found', url: '/incidents/no-such-incident', status: 404 },
  { name: 'bad-request', url: '/search?from=yesterday', status: 400 },
];

describe('public page types in Chromium', { skip: skip ?? false }, () => {
  // The demo is loaded and the download made before the server starts (its own background jobs
  // are off in tests), so /data is photographed with its files.
  const site = useDemoSite([], [{ args: ['seed-demo'] }, { args: ['publish-download'] }]);

  for (const viewport of VIEWPORTS) {
    test(`every public page type passes at ${viewport.name} width`, async () => {
      const page = await site.browser.newPage({ viewport });
      const foreign = watchForeignRequests(page, site.base);
      for (const t of PAGE_TYPES) {
        const res = await page.goto(site.base + t.url);
        assert.equal(res?.status(), t.status ?? 200, t.url);
        await checkPageType(page, t.name, viewport);
      }
      assert.deepEqual(foreign, [], 'no third-party requests');
      await page.close();
    });
  }

  test('home: the demo incidents, one status label per person shown, skip link first', async () => {
    const page = await site.browser.newPage({ viewport: VIEWPORTS[1] });
    await page.goto(site.base + '/');
    assert.equal(await page.title(), 'Police misconduct records · Custodiet');
    assert.ok((await page.locator('article.incident').count()) >= 8, 'all demo incidents are listed');
    const people = page.locator('ul.people li');
    assert.ok((await people.count()) > 0);
    for (let i = 0; i < (await people.count()); i++) {
      assert.equal(
        await people.nth(i).locator('.label').count(),
        1,
        'each person shown carries exactly one label',
      );
    }
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate<string | undefined>('document.activeElement?.textContent?.trim()'),
      'Skip to content',
    );
    await page.close();
  });
});

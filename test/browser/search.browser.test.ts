// A reader searches in a real browser, with JavaScript off: the form works, results carry
// status labels, pages pass axe-core's WCAG 2.2 AA checks and hold at phone width.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { axeViolations, browserUnavailable, SCREENSHOT_DIR, useDemoSite } from '../helpers/browser.ts';

const skip = browserUnavailable();

describe('public search in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite();

  test('searching from the header box without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.base);
    await page.getByLabel('Search records').fill('Charing Cross');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=Charing\+Cross$/);
    assert.equal(await page.locator('#search-q').inputValue(), 'Charing Cross');
    // Narrow with the filter form, again without scripts.
    await page.getByLabel('Kind of record').selectOption('incident');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await page.waitForURL(/type=incident/);
    const titles = await page.locator('ol.results h3 a').allTextContents();
    assert.equal(titles.length, 2);
    assert.ok(titles.some((t) => t.includes('Panorama')) && titles.some((t) => t.includes('Hotton')));
    await context.close();
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`results and the empty form are accessible (${viewport.name})`, async () => {
      const page = await site.browser.newPage({ viewport });
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(site.base)) foreign.push(r.url());
      });
      for (const url of ['/search', '/search?q=Charing+Cross', '/search?q=blake&force=metropolitan']) {
        const res = await page.goto(new URL(url, site.base).toString());
        assert.equal(res?.status(), 200);
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        assert.ok(overflow <= 0, `${url} scrolls sideways by ${overflow}px`);
        assert.deepEqual(await axeViolations(page), [], `${url}: no serious or critical violations`);
      }
      // Every officer result carries at least one status label beside the name.
      const officers = page.locator('ol.results h3:has(.badge:text-is("Officer"))');
      assert.ok((await officers.count()) > 0);
      for (let i = 0; i < (await officers.count()); i++)
        assert.ok((await officers.nth(i).locator('.label').count()) >= 1);
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `search-${viewport.name}.png`),
        fullPage: true,
      });
      assert.deepEqual(foreign, [], 'no third-party requests');
      await page.close();
    });
  }
});

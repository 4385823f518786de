// Every editor page type in Chromium: sign-in, dashboard, list, form, form with errors, record
// page with its publication checks, the publish confirmation, history and preview, at desktop and
// phone widths, with axe-core and screenshots like the public pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserUnavailable, checkPageType, useDemoSite, VIEWPORTS } from '../helpers/browser.ts';

const skip = browserUnavailable();
const EDITOR = {
  email: 'a11y.editor@example.org',
  password: 'another careful editor passphrase',
  role: 'editor',
};

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(base + '/login');
  await page.fill('[name="email"]', EDITOR.email);
  await page.fill('[name="password"]', EDITOR.password);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
}

describe('editor page types in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite([EDITOR]);

  for (const viewport of VIEWPORTS) {
    test(`every editor page type passes at ${viewport.name} width`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(site.base + '/login');
      await checkPageType(page, 'editor-sign-in', viewport);
      await signIn(page, site.base);
      await checkPageType(page, 'editor-dashboard', viewport);
      await page.goto(site.base + '/editor/incidents');
      await checkPageType(page, 'editor-list', viewport);
      await page.goto(site.base + '/editor/incidents/new');
      await checkPageType(page, 'editor-form', viewport);
      // A submission with mistakes: an error summary, messages by the fields, input kept.
      await page.fill('[name="title"]', 'A title that is kept');
      await page.fill('[name="slug"]', 'Not A Slug');
      await Promise.all([
        page.waitForNavigation(),
        page.click('main form:not([action="/logout"]) button[type="submit"]:not(.secondary)'),
      ]);
      assert.equal(await page.locator('.error-summary').count(), 1);
      assert.equal(await page.inputValue('[name="title"]'), 'A title that is kept');
      await checkPageType(page, 'editor-form-errors', viewport);
      const incident = await page
        .evaluate<string>(`fetch('/editor/incidents').then(() => '')`)
        .catch(() => '');
      assert.equal(incident, '');
      await page.goto(site.base + '/editor/incidents?state=published');
      const first = page.locator('main a[href^="/editor/incidents/"]').filter({ hasNotText: 'New' }).first();
      const href = await first.getAttribute('href');
      assert.ok(href && /\/editor\/incidents\/[0-9a-f-]{36}$/.test(href), `a record link (${href})`);
      await page.goto(site.base + href);
      await checkPageType(page, 'editor-record', viewport);
      await page.goto(`${site.base}${href}/history`);
      await checkPageType(page, 'editor-history', viewport);
      await page.goto(`${site.base}${href}/state?to=withdrawn`);
      await checkPageType(page, 'editor-state-change', viewport);
      await page.goto(`${site.base}${href.replace('/editor/incidents/', '/editor/preview/incidents/')}`);
      await checkPageType(page, 'editor-preview', viewport);
      await context.close();
    });
  }
});

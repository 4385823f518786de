// The match review in Chromium (plain forms: the app sends no script): a candidate made by an import (two
// officers of one synthetic CPDP profiles file with the same name and unit), merged by an editor
// from the review page, then undone from the history. Every page passes axe at both widths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserUnavailable, checkPageType, useDemoSite, VIEWPORTS } from '../helpers/browser.ts';

const skip = browserUnavailable();
const EDITOR = {
  email: 'match.editor@example.org',
  password: 'a careful matching passphrase',
  role: 'editor',
};

// Synthetic rows in the CPDP profiles layout: twice, two ids for what may be one officer (one pair
// for each viewport's run: the first run's pair is undone, and an undone pair is not proposed again).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-match-browser-'));
const profiles = path.join(dir, 'complaints-accused-profiles.csv');
fs.writeFileSync(
  profiles,
  [
    'complaints-accused_2000-2023_2023-08_p053540_ID,first_name,last_name,middle_initial,rank,current_unit,star,appointed_date',
    '900001,JANE,QUARTERMAINE,,POLICE OFFICER,44.0,31001.0,2001-01-01',
    '900002,JANE,QUARTERMAINE,,POLICE OFFICER,44.0,31002.0,2001-01-01',
    '900003,OSCAR,PENHALIGON,,SERGEANT OF POLICE,45.0,31003.0,1999-06-01',
    '900004,OSCAR,PENHALIGON,,SERGEANT OF POLICE,45.0,31004.0,1999-06-01',
    '',
  ].join('\n'),
);
process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(base + '/login');
  await page.fill('[name="email"]', EDITOR.email);
  await page.fill('[name="password"]', EDITOR.password);
  await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
}

describe('match review in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite([EDITOR], [{ args: ['import', 'cpdp-profiles', profiles] }]);

  for (const viewport of VIEWPORTS) {
    test(`review, merge and undo at ${viewport.name} width`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, site.base);
      await page.click('.editor-bar a[href="/editor/matches"]');
      const match = page.locator('article.match').first();
      const name = (await match.locator('h3').first().innerText()).trim();
      assert.match(name, /JANE QUARTERMAINE|OSCAR PENHALIGON/);
      assert.match(await match.innerText(), /Unit in common: Unit 04[45]/);
      await checkPageType(page, 'editor-matches', viewport);
      const detail = await match.locator('h2').getAttribute('id');
      await page.goto(`${site.base}/editor/matches/${detail!.slice(2)}`);
      await checkPageType(page, 'editor-match-candidate', viewport);
      await page.goto(`${site.base}/editor/matches?kind=officer`);
      const waiting = await page.locator('article.match').count();
      await Promise.all([
        page.waitForNavigation(),
        page.locator('article.match').first().locator('button:has-text("keeping the left record")').click(),
      ]);
      assert.match(await page.locator('[role="status"]').innerText(), /^Merged\./);
      assert.equal(await page.locator('article.match').count(), waiting - 1);
      await page.click('a[href="/editor/matches/history"]');
      assert.match(await page.locator('tbody tr').first().innerText(), new RegExp(name));
      await checkPageType(page, 'editor-merges', viewport);
      await Promise.all([
        page.waitForNavigation(),
        page.locator('tbody tr').first().locator('button:has-text("Undo")').click(),
      ]);
      assert.match(await page.locator('[role="status"]').innerText(), /^Undone/);
      assert.match(await page.locator('tbody tr').first().innerText(), /Undone/);
      await context.close();
    });
  }
});

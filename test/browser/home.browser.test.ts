// A reader opens the public home page in a real browser: the demo incidents are there, every
// named officer carries a status label, the page works at phone width, and nothing is fetched
// from another origin.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, browserUnavailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { childEnv, exited, startCli } from '../helpers/cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';

const skip = browserUnavailable();

describe('public home page in Chromium', { skip: skip ?? false }, () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startCli>>;
  let pg: TestDatabase | undefined;
  let base: string;

  before(async () => {
    pg = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
    const env = childEnv({
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-browser-')),
      DATABASE_URL: pg?.url,
      PORT: '0',
    });
    server = await startCli(['serve', '--demo'], env, /listening on (http:\/\/\S+)/);
    base = server.match[1]!;
    browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
    await pg?.close();
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`the demo incidents with status labels (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) foreign.push(r.url());
      });
      const res = await page.goto(base);
      assert.equal(res?.status(), 200);
      assert.equal(await page.title(), 'Police misconduct records · Custodiet');
      const incidents = page.locator('article.incident');
      assert.ok((await incidents.count()) >= 7, 'all demo incidents are listed');
      const named = page.locator('ul.people li');
      const n = await named.count();
      assert.ok(n > 0);
      for (let i = 0; i < n; i++) {
        assert.equal(
          await named.nth(i).locator('.label').count(),
          1,
          'each person shown carries exactly one status label',
        );
      }
      // Layout holds at this width: no horizontal scrolling.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `home-${viewport.name}.png`), fullPage: true });
      // Keyboard users reach the skip link first.
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate<string | undefined>('document.activeElement?.textContent?.trim()'),
        'Skip to content',
      );
      assert.deepEqual(foreign, [], 'no third-party requests');
      assert.deepEqual(await axeViolations(page), [], 'no serious or critical accessibility violations');
      await page.close();
    });
  }

  test('record pages hold at phone width, load nothing from elsewhere and pass axe', async () => {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      const page = await browser.newPage({ viewport });
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) foreign.push(r.url());
      });
      for (const path of [
        '/incidents/bianca-williams-ricardo-dos-santos',
        '/incidents/child-q',
        '/officers/martyn-blake',
        '/statements/dick-commit-safety-2021',
        '/forces/metropolitan',
        '/forces/metropolitan/units/central-west',
        '/corrections',
        '/methodology',
        '/right-of-reply',
      ]) {
        const res = await page.goto(new URL(path, base).href);
        assert.equal(res?.status(), 200, path);
        assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${viewport.width}px`);
        assert.deepEqual(await axeViolations(page), [], `${path} at ${viewport.width}px`);
      }
      assert.deepEqual(foreign, [], 'no third-party requests');
      await page.close();
    }
  });
});

// Must be true #1 of the site issue, in a real browser against a real server:
// a reader searches, opens an incident and follows an officer; an editor creates an incident
// with an officer, an allegation and sourced claims, previews it, publishes, and finds it
// through the public search.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserUnavailable, SCREENSHOT_DIR, useDemoSite } from '../helpers/browser.ts';

const skip = browserUnavailable();
const EMAIL = 'flow.editor@example.org';
const PASSWORD = 'a long and careful editor passphrase';
// The second person of the two-person rule: approves what the first editor wrote.
const REVIEWER = 'flow.reviewer@example.org';

describe('reader and editor journeys in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite([
    { email: EMAIL, password: PASSWORD, role: 'editor' },
    { email: REVIEWER, password: PASSWORD, role: 'editor' },
  ]);

  test('a reader searches, opens an incident and follows an officer', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.base + '/');
    await page.fill('#site-search-q', 'Charing Cross');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\?q=Charing\+Cross/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'flow-search-results.png'), fullPage: true });
    await page.click('a[href="/incidents/panorama-charing-cross-2025"]');
    await page.waitForURL(/\/incidents\/panorama-charing-cross-2025$/);
    assert.match((await page.locator('h1').textContent()) ?? '', /Panorama/);
    const officerLink = page.locator('a[href^="/officers/"]').first();
    const officerName = (await officerLink.textContent())!.trim();
    await officerLink.click();
    await page.waitForURL(/\/officers\//);
    assert.equal((await page.locator('h1').textContent())?.trim(), officerName);
    assert.ok((await page.locator('.label').count()) > 0, 'the officer page shows status labels');
    await page.close();
  });

  async function submit(
    page: Page,
    fields: Record<string, string>,
    selects: Record<string, string> = {},
  ): Promise<string> {
    for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value);
    for (const [name, value] of Object.entries(selects))
      await page.selectOption(`select[name="${name}"]`, value);
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form:not([action="/logout"]) button[type="submit"]:not(.secondary)'),
    ]);
    const m = /\/editor\/[a-z_]+\/([0-9a-f-]{36})/.exec(page.url());
    // The error summary is read only on failure: reading it eagerly would wait out Playwright's
    // 30 s locator timeout on every successful save.
    if (!m) {
      const errors = await page
        .locator('.error-summary')
        .textContent({ timeout: 1000 })
        .catch(() => '');
      assert.fail(`saved and redirected to the record (${page.url()}): ${errors}`);
    }
    return m[1]!;
  }

  async function signIn(page: Page, email: string) {
    await page.goto(site.base + '/login');
    await page.fill('[name="email"]', email);
    await page.fill('[name="password"]', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
    assert.match(page.url(), /\/editor/);
  }

  /** The author submits for review; the reviewer (another browser profile) approves; the author publishes. */
  async function publish(page: Page, reviewer: Page, type: string, id: string) {
    await page.goto(`${site.base}/editor/${type}/${id}`);
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[action$="/state"] button:has-text("review")'),
    ]);
    await page.goto(`${site.base}/editor/${type}/${id}/state?to=published`);
    assert.match((await page.locator('.checks-blocking').textContent()) ?? '', /TWO-PERSON/);
    assert.equal(await page.locator('form[action$="/approve"]').count(), 0, 'no self-approval');
    await reviewer.goto(`${site.base}/editor/${type}/${id}`);
    await Promise.all([
      reviewer.waitForNavigation(),
      reviewer.click('form[action$="/approve"] button[type="submit"]'),
    ]);
    assert.match((await reviewer.locator('[role="status"]').textContent()) ?? '', /Approved/);
    await page.goto(`${site.base}/editor/${type}/${id}/state?to=published`);
    assert.equal(await page.locator('.checks-blocking').count(), 0, `${type} ${id} has no blocking reasons`);
    await Promise.all([
      page.waitForNavigation(),
      page.click('main form[action$="/state"] button[type="submit"]'),
    ]);
    const state = await page.locator('main').textContent();
    assert.match(state ?? '', /published/i);
  }

  test('an editor creates, sources, previews and publishes an incident, then finds it in public search', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, EMAIL);
    const reviewer = await (await site.browser.newContext()).newPage();
    await signIn(reviewer, REVIEWER);

    await page.goto(site.base + '/editor/sources/new');
    const sourceId = await submit(
      page,
      {
        url: 'https://news.example.org/flow-story',
        publisher: 'Metropolitan Police Service',
        title: 'Officer dismissed after hearing',
      },
      // The force's own notice: no right-of-reply request is needed (R12, tested on its own).
      { kind: 'hearing_notice' },
    );
    await page.goto(site.base + '/editor/officers/new');
    const met = await page
      .locator('select[name="forceId"] option', { hasText: 'Metropolitan' })
      .first()
      .getAttribute('value');
    const officerId = await submit(
      page,
      { publishedName: 'Alexis Flowtester', slug: 'alexis-flowtester' },
      { forceId: met! },
    );
    await page.goto(`${site.base}/editor/claims/new?subjectType=officer&subjectId=${officerId}`);
    await submit(
      page,
      { field: 'published_name', quotedPassage: 'PC Alexis Flowtester was dismissed' },
      { sourceId },
    );

    await page.goto(site.base + '/editor/incidents/new');
    const incidentId = await submit(
      page,
      {
        title: 'Flowtester misconduct hearing',
        slug: 'flowtester-hearing',
        summary: 'A constable was alleged to have lied in a statement; a panel later heard the case.',
        'occurred.on': '2025-03-01',
        place: 'Example Street police station',
      },
      { 'occurred.precision': 'month', forceId: met! },
    );
    await page.goto(`${site.base}/editor/claims/new?subjectType=incident&subjectId=${incidentId}`);
    await submit(page, { quotedPassage: 'the hearing was told' }, { sourceId });
    await page.goto(`${site.base}/editor/incidents/${incidentId}/links`);
    await page.selectOption('select[name="officerId"]', officerId);
    await page.selectOption('select[name="officerRole"]', 'subject');
    await Promise.all([page.waitForNavigation(), page.click('form[action$="/links"] button[type="submit"]')]);

    await page.goto(`${site.base}/editor/allegations/new`);
    await page.check('input[name="standards"][value="honesty_integrity"]');
    const allegationId = await submit(
      page,
      { summary: 'Alleged to have given a dishonest account of a stop.' },
      { incidentId, officerId, status: 'case_to_answer' },
    );
    await page.goto(`${site.base}/editor/claims/new?subjectType=allegation&subjectId=${allegationId}`);
    await submit(page, { quotedPassage: 'faces a gross misconduct hearing' }, { sourceId });

    await publish(page, reviewer, 'officers', officerId);
    await publish(page, reviewer, 'allegations', allegationId);
    await page.goto(`${site.base}/editor/preview/incidents/${incidentId}`);
    assert.equal(await page.locator('.preview-banner').count(), 1);
    assert.match((await page.locator('h1').textContent()) ?? '', /Flowtester misconduct hearing/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'flow-editor-preview.png'), fullPage: true });
    await publish(page, reviewer, 'incidents', incidentId);

    const reader = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await reader.goto(`${site.base}/search?q=Flowtester`);
    await Promise.all([reader.waitForNavigation(), reader.click('a[href="/incidents/flowtester-hearing"]')]);
    const article = (await reader.locator('main').textContent()) ?? '';
    assert.match(article, /Alexis Flowtester/);
    assert.match(article, /Case to answer/);
    assert.equal(await reader.locator('.preview-banner').count(), 0);
    await reader.close();
    await page.close();
  });
});

// Must be true #1 of the submissions issue, in Chromium against the real server: a submitter
// (JavaScript off, as in Tor Browser's safest setting) files a report with a photo and gets a
// codename; a moderator unlocks the key and asks a question; the submitter answers through the
// codename inbox; the moderator converts the submission to a draft. The public pages pass axe.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { browserUnavailable, checkPageType, useDemoSite, VIEWPORTS } from '../helpers/browser.ts';

const skip = browserUnavailable();
const MODERATOR = 'moderator.submissions@example.org';
const PASSWORD = 'a moderator passphrase of decent length';
const KEY_PASSPHRASE = 'the shared moderation passphrase';
const PHOTO = path.resolve('test/fixtures/uploads/photo-gps.jpg');

async function submit(page: Page, selector = 'main form button[type="submit"]:not(.secondary)') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Signs the moderator in, enrolling the second factor their role requires. */
async function signInModerator(page: Page, base: string) {
  await page.goto(base + '/login');
  await page.fill('[name="email"]', MODERATOR);
  await page.fill('[name="password"]', PASSWORD);
  await submit(page);
  const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
  await page.fill('[name="code"]', await generate({ secret }));
  await submit(page);
  await page.goto(base + '/editor');
}

describe('anonymous submission and moderation in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite(
    [{ email: MODERATOR, password: PASSWORD, role: 'moderator' }],
    [{ args: ['moderation-key', 'create', '--passphrase-stdin'], input: KEY_PASSPHRASE }],
  );

  test('the submission pages pass axe at desktop and phone widths', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await site.browser.newPage({ viewport });
      for (const [route, name] of [
        ['/submit', 'submit-landing'],
        ['/submit/report', 'submit-report'],
        ['/submit/insider', 'submit-insider'],
        ['/submit/inbox', 'submit-inbox-sign-in'],
        ['/receipts/verify', 'receipt-verify'],
      ] as const) {
        await page.goto(site.base + route);
        await checkPageType(page, name, viewport);
      }
      await page.close();
    }
  });

  test('file, ask, answer through the codename, convert', { timeout: 180_000 }, async () => {
    const sender = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const s = await sender.newPage();
    const requests: string[] = [];
    s.on('request', (r) => requests.push(r.url()));
    await s.goto(site.base + '/submit');
    await submit(s, 'a[href="/submit/report"]');
    await s.fill(
      '[name="whatHappened"]',
      'Two officers held a man face down outside the station for ten minutes.',
    );
    await s.fill('[name="place"]', 'Outside Lewisham police station');
    await s.fill('[name="shoulderNumbers"]', '1234PL');
    await s.selectOption('select[name="forceId"]', { label: 'Metropolitan Police Service' });
    await s.setInputFiles('#f-files', PHOTO);
    await submit(s);
    assert.match((await s.locator('h1').textContent()) ?? '', /received/);
    const codename = ((await s.locator('#codename strong').textContent()) ?? '').trim();
    assert.equal(codename.split(' ').length, 7, `a seven-word codename: ${codename}`);
    const receipt = await s.locator('textarea#receipt').inputValue();
    assert.match(receipt, /BEGIN CUSTODIET RECEIPT/);
    assert.equal((await sender.cookies()).length, 0, 'sending a report sets no cookie');

    // The receipt checks out on the public page.
    await s.goto(site.base + '/receipts/verify');
    await s.fill('textarea', receipt);
    await submit(s);
    assert.match((await s.locator('main').textContent()) ?? '', /genuine/);

    const mod = await (await site.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInModerator(mod, site.base);
    await mod.goto(site.base + '/editor/submissions');
    await mod.fill('[name="passphrase"]', KEY_PASSPHRASE);
    await submit(mod, 'form[action="/editor/submissions/unlock"] button');
    await mod.click('a[href^="/editor/submissions/"]:has-text("Submission")');
    await mod.waitForURL(/\/editor\/submissions\/\d+$/);
    const submissionUrl = mod.url();
    assert.match((await mod.locator('main').textContent()) ?? '', /held a man face down/);
    assert.match((await mod.locator('main').textContent()) ?? '', /photo-gps\.jpg/);
    await mod.fill('form[action$="/messages"] textarea', 'Did anyone film it? Which day was it?');
    await submit(mod, 'form[action$="/messages"] button');

    await s.goto(site.base + '/submit/inbox');
    await s.fill('[name="codename"]', codename);
    await submit(s);
    assert.match((await s.locator('main').textContent()) ?? '', /Did anyone film it\?/);
    await s.fill('[name="text"]', 'A bus driver filmed it. It was Saturday 14 November.');
    await submit(s, 'form[action="/submit/inbox/reply"] button');
    assert.match((await s.locator('main').textContent()) ?? '', /Your message was sent/);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(site.base)),
      [],
      'the sender’s browser fetched nothing from another origin',
    );

    await mod.goto(submissionUrl);
    assert.match((await mod.locator('main').textContent()) ?? '', /A bus driver filmed it/);
    await mod.fill('[name="title"]', 'Man held face down outside Lewisham police station');
    await submit(mod, 'form[action$="/convert"] button');
    assert.match(mod.url(), /\/editor\/incidents\/[0-9a-f-]{36}$/);
    assert.match((await mod.locator('main').textContent()) ?? '', /Man held face down outside Lewisham/);
    await sender.close();
  });
});

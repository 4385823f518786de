// The account pages in Chromium, as an administrator meets them: two-factor enrolment at first
// sign-in (QR code, code, recovery codes), the code step at the next sign-in, then the account,
// accounts, audit-log and allowlist pages — each checked with axe at desktop and phone widths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { browserUnavailable, checkPageType, useDemoSite, VIEWPORTS } from '../helpers/browser.ts';

const skip = browserUnavailable();
const PASSWORD = 'an administrator passphrase of some length';
// One account per width: a TOTP code is accepted once, so each run needs its own secret.
const admins = VIEWPORTS.map((v) => ({
  email: `admin.${v.name}@example.org`,
  password: PASSWORD,
  role: 'admin',
}));

async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
}

async function signInWithPassword(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base + '/login');
  await page.fill('[name="email"]', email);
  await page.fill('[name="password"]', PASSWORD);
  await submit(page);
  assert.match(page.url(), /\/login\/2fa/);
}

describe('account pages in Chromium', { skip: skip ?? false }, () => {
  const site = useDemoSite(admins);

  for (const [i, viewport] of VIEWPORTS.entries()) {
    test(`enrolment, the code step and the admin pages pass at ${viewport.name} width`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await signInWithPassword(page, site.base, admins[i]!.email);
      await checkPageType(page, 'account-2fa-setup', viewport);
      const secret = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await page.fill('[name="code"]', await generate({ secret }));
      await submit(page);
      assert.equal(await page.locator('.recovery-codes li').count(), 10);
      await checkPageType(page, 'account-recovery-codes', viewport);
      // Signed out and in again: now the code step (a code from the next time step).
      await context.clearCookies();
      await signInWithPassword(page, site.base, admins[i]!.email);
      await checkPageType(page, 'account-2fa-code', viewport);
      await page.fill('[name="code"]', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
      await submit(page);
      assert.match(page.url(), /\/editor$/);
      for (const [path, name] of [
        ['/editor/account', 'account-own'],
        ['/editor/users', 'account-admin'],
        ['/editor/audit', 'account-audit-log'],
        ['/editor/pii-allowlist', 'account-pii-allowlist'],
      ] as const) {
        await page.goto(site.base + path);
        await checkPageType(page, name, viewport);
      }
      await context.close();
    });
  }
});

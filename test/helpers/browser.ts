import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { childEnv, exited, runCli, startCli } from './cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from './db.ts';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. In CI a missing browser is a
 * failure, not a skip.
 */
export function browserUnavailable(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: browser tests must run in CI`);
  console.warn(`\n!!! SKIPPING BROWSER TESTS: ${reason}\n`);
  return reason;
}

/** Headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where browser tests write screenshots; CI keeps this folder. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

const AXE_SOURCE = fs.readFileSync(
  new URL('../../node_modules/axe-core/axe.min.js', import.meta.url),
  'utf8',
);

/** A serious or critical accessibility violation found by axe-core. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA rules) in the page and returns the serious and critical
 * violations. The script is evaluated through the DevTools protocol, so the page's CSP (which
 * forbids inline scripts) stays as strict as in production.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate<{
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })`,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.flatMap((n) => n.target).slice(0, 5),
    }));
}

/** Desktop and phone viewports every page type is checked (and photographed) at. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** A running `custodiet serve --demo` and a browser, shared by one test file. */
export interface DemoSite {
  base: string;
  browser: Browser;
}

/**
 * Registers before/after hooks that start the real server with the demo data (on this run's
 * backend) and Chromium, optionally creating editor accounts first with the real CLI.
 */
export function useDemoSite(
  users: { email: string; password: string; role: string }[] = [],
  /** CLI commands to run before the server starts (args, standard input), e.g. creating the moderation key. */
  setup: { args: string[]; input?: string }[] = [],
): DemoSite {
  const site = {} as DemoSite;
  let server: Awaited<ReturnType<typeof startCli>> | undefined;
  let pg: TestDatabase | undefined;
  before(async () => {
    pg = TEST_BACKEND === 'postgres' ? await createPostgresDatabase() : undefined;
    const env = childEnv({
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-browser-')),
      DATABASE_URL: pg?.url,
      PORT: '0',
    });
    for (const u of users) {
      const added = await runCli(
        [
          'user',
          'add',
          '--email',
          u.email,
          '--name',
          u.email.split('@')[0]!,
          '--role',
          u.role,
          '--password-stdin',
        ],
        env,
        u.password,
      );
      if (added.code !== 0) throw new Error(`user add failed: ${added.stderr}`);
    }
    for (const step of setup) {
      const ran = await runCli(step.args, env, step.input);
      if (ran.code !== 0) throw new Error(`${step.args.join(' ')} failed: ${ran.stderr}`);
    }
    server = await startCli(['serve', '--demo'], env, /listening on (http:\/\/\S+)/);
    site.base = server.match[1]!.replace(/\/$/, '');
    site.browser = await launchBrowser();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await site.browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await exited(server.child);
    await pg?.close();
  });
  return site;
}

/** Records every request a page makes to another origin. */
export function watchForeignRequests(page: Page, base: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) foreign.push(r.url());
  });
  return foreign;
}

/**
 * The checks every page type passes: one h1, no sideways scrolling at this width, no serious or
 * critical axe-core violation; then a full-page screenshot for the record.
 */
export async function checkPageType(
  page: Page,
  name: string,
  viewport: (typeof VIEWPORTS)[number],
): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow}px at ${viewport.width}px`);
  assert.deepEqual(
    await axeViolations(page),
    [],
    `${name} at ${viewport.width}px: no serious or critical accessibility violations`,
  );
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${viewport.name}.png`), fullPage: true });
}

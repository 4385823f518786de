// Must be true #2 of the security issue: a corpus of hostile inputs is sent to every form and
// query input the app has — found by crawling its pages as an administrator, so new forms are
// covered without editing this file — on whichever database the suite runs on. Never a 500,
// nothing rendered unescaped, no header injected, no existing row changed, the audit chain intact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { sql } from '../../src/db/kysely.ts';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { createModerationKey } from '../../src/submissions/moderation.ts';
import { MAX_BODY_BYTES } from '../../src/http/app.ts';
import { testApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { csrfFrom, EditorClient, encode, setCookies } from '../helpers/editor.ts';
import { buildRecordGraph } from '../helpers/records.ts';
import { plain } from '../helpers/record-parts.ts';
import { CORPUS, MARKUP } from './corpus.ts';
import { fill, formsOf, hasFreeText, linksOf, shapeOf, type FoundForm } from './forms.ts';

// Tables whose rows change on every request whatever is sent (sessions, throttling) or that
// only grow (the log itself, checked by the chain instead).
const VOLATILE = new Set(['sessions', 'login_throttle', 'audit_log', 'record_versions', 'schema_migrations']);

/** Every row of every table, as JSON strings per table. */
async function snapshot(db: TestDatabase['db']): Promise<Map<string, string[]>> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db);
  const out = new Map<string, string[]>();
  for (const { table_name } of rows) {
    if (VOLATILE.has(table_name)) continue;
    const data = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table_name)}`.execute(db);
    out.set(
      table_name,
      data.rows.map((r) => JSON.stringify(r)),
    );
  }
  return out;
}

/** The string a browser would send: lone surrogates become U+FFFD (URLs cannot carry them). */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** What is wrong with a response, if anything. */
async function problemsWith(res: Response, what: string): Promise<string[]> {
  const out: string[] = [];
  if (res.status >= 500) out.push(`${what}: status ${res.status}`);
  const location = res.headers.get('location');
  if (location && (!location.startsWith('/') || location.startsWith('//') || /[\r\n]/.test(location)))
    out.push(`${what}: redirect off the site to ${JSON.stringify(location)}`);
  for (const cookie of res.headers.getSetCookie())
    if (/injected/i.test(cookie)) out.push(`${what}: injected cookie ${cookie}`);
  if ((res.headers.get('content-type') ?? '').includes('html')) {
    const body = await res.text();
    const raw = MARKUP.find((p) => body.includes(p));
    if (raw) out.push(`${what}: unescaped ${JSON.stringify(raw.slice(0, 60))}`);
  } else await res.arrayBuffer();
  return out;
}

const START = ['/editor', '/', '/search?q=police', '/corrections', '/methodology', '/right-of-reply'];
// Forms that end the signed-in session the crawl depends on, GET links that only download, and
// the moderation-key forms: each try runs a deliberately slow KDF (about a second), their one
// field only ever reaches scrypt, and src/submissions tests cover them.
const SKIP = /^(\/logout|\/editor\/audit\.csv|\/static\/|\/editor\/submissions\/(unlock|passphrase|key)$)/;

/** Crawls the site breadth-first as the client, returning the forms found (one per route shape). */
async function crawl(client: EditorClient, start: string[], limit: number, skipIds: Set<string>) {
  const seen = new Set<string>();
  const shapes = new Map<string, FoundForm>();
  const queue = [...start];
  const problems: string[] = [];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path) || SKIP.test(path)) continue;
    seen.add(path);
    const res = await client.get(path);
    const html = (res.headers.get('content-type') ?? '').includes('html') ? await res.clone().text() : '';
    problems.push(...(await problemsWith(res, `GET ${path}`)));
    for (const link of linksOf(html)) if (!seen.has(link)) queue.push(link);
    for (const form of formsOf(html, path)) {
      const touchesSeed = [...(form.action.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [])].some((id) =>
        skipIds.has(id),
      );
      const key = shapeOf(form.method, form.action);
      if (!touchesSeed && !SKIP.test(form.action) && !shapes.has(key)) shapes.set(key, form);
    }
  }
  return { forms: [...shapes.values()], pages: seen.size, problems };
}

/**
 * Sends every corpus entry to every control of a form ('all' mode). Forms with free-text
 * controls also get a third of the corpus — a different third for each form — with the other
 * controls valid ('text' mode), so that hostile text is stored and shown again; across the
 * forms every entry is stored somewhere. (Storing all of it through every form would take
 * minutes per database for no further coverage.)
 */
async function attack(client: EditorClient, form: FoundForm, round: string, n: number): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, payload] of CORPUS.entries()) {
    const modes = hasFreeText(form) && i % 3 === n % 3 ? (['all', 'text'] as const) : (['all'] as const);
    for (const mode of modes) {
      const fields = fill(form, payload, mode, `${round}-${i}-${mode}`);
      const what = `${form.method} ${form.action} [${mode} #${i}]`;
      const res =
        form.method === 'GET'
          ? await client.get(`${form.action.split('?')[0]}?${encode(fields).toString()}`)
          : await client.post(form.action, fields, null);
      problems.push(...(await problemsWith(res, what)));
    }
  }
  return problems;
}

describe('hostile input against every form and query input', () => {
  let t: TestDatabase;
  let app: Hono;
  let admin: EditorClient;
  let before_: Map<string, string[]>;
  let seededIds: Set<string>;
  const createdForms: FoundForm[] = [];

  before(async () => {
    t = await createTestDatabase();
    app = testApp(t);
    await buildRecordGraph(t.db, plain);
    // With a moderation key the anonymous submission forms are open, and attacked like the rest.
    await createModerationKey(t.db, { actor: 'test:setup', userId: null }, 'a moderation passphrase');
    admin = await EditorClient.as(app, t.db, 'admin');
    before_ = await snapshot(t.db);
    seededIds = new Set(
      [...before_.values()].flat().flatMap((r) => r.match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? []),
    );
    seededIds.add(admin.user.id);
  });
  after(() => t.close());

  test(`the corpus has at least 200 distinct hostile inputs (${CORPUS.length})`, () => {
    assert.ok(CORPUS.length >= 200);
    assert.ok(MARKUP.length >= 40);
  });

  test('every form found on the site survives the corpus, then so do the forms of what it created', async () => {
    const first = await crawl(admin, START, 400, seededIds);
    assert.ok(first.forms.length >= 15, `found ${first.forms.length} forms on ${first.pages} pages`);
    console.log(`# hostile: ${first.forms.length} forms on ${first.pages} pages; ${CORPUS.length} inputs`);
    const problems = [...first.problems];
    for (const [n, form] of first.forms.entries()) problems.push(...(await attack(admin, form, 'a', n)));
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    // Second round: the records the first round managed to store, their pages and their forms.
    const second = await crawl(admin, ['/editor'], 400, seededIds);
    const fresh = second.forms.filter(
      (f) => !first.forms.some((g) => shapeOf(g.method, g.action) === shapeOf(f.method, f.action)),
    );
    createdForms.push(...fresh);
    const again = [...second.problems];
    for (const [n, form] of fresh.entries()) again.push(...(await attack(admin, form, 'b', n)));
    assert.deepEqual(again.slice(0, 20), [], `${again.length} problems`);
  });

  test('query strings and path segments: hostile ids, slugs, filters and unknown parameters', async () => {
    const problems: string[] = [];
    const paths = (p: string) => [
      `/incidents/${p}`,
      `/officers/${p}`,
      `/forces/${p}`,
      `/forces/metropolitan-police-service/units/${p}`,
      `/statements/${p}`,
      `/invite/${p}`,
      `/editor/${p}`,
      `/editor/incidents/${p}`,
      `/editor/incidents/${p}/history`,
      `/editor/preview/incidents/${p}`,
      `/login?next=${p}`,
      `/search?q=x&${p}=${p}&page=${p}&from=${p}`,
    ];
    for (const payload of CORPUS) {
      for (const path of paths(encodeURIComponent(wellFormed(payload)))) {
        problems.push(...(await problemsWith(await admin.get(path), `GET ${path.slice(0, 80)}`)));
        problems.push(...(await problemsWith(await app.request(path), `anonymous GET ${path.slice(0, 80)}`)));
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });

  test('sign-in with hostile addresses and passwords: refused plainly, nothing leaks', async () => {
    const problems: string[] = [];
    for (const payload of CORPUS) {
      const form = await app.request('/login');
      const cookie = `custodiet_login_csrf=${setCookies(form).get('custodiet_login_csrf')!.value}`;
      const res = await app.request(`/login?next=${encodeURIComponent(wellFormed(payload))}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: encode({ email: payload, password: payload, _csrf: csrfFrom(await form.text()) }),
      });
      if (res.status === 303) problems.push(`signed in with ${JSON.stringify(payload)}`);
      problems.push(...(await problemsWith(res, `POST /login ${JSON.stringify(payload.slice(0, 30))}`)));
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });

  test('malformed bodies: oversized, broken multipart, deep JSON, wrong types — a clear 4xx', async () => {
    const page = await admin.page('/editor/incidents/new');
    const csrf = csrfFrom(page.html);
    const cookie = `custodiet_session=${admin.token}`;
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const bodies: [string, string, string | Uint8Array][] = [
      [
        'oversized form',
        'application/x-www-form-urlencoded',
        `_csrf=${csrf}&title=${'A'.repeat(MAX_BODY_BYTES + 10)}`,
      ],
      [
        'broken multipart',
        'multipart/form-data; boundary=zzz',
        '--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated',
      ],
      ['multipart without boundary', 'multipart/form-data', `--x\r\n\r\n`],
      [
        'multipart with hostile names',
        'multipart/form-data; boundary=b',
        `--b\r\nContent-Disposition: form-data; name="../../x\u0000"; filename="../../etc/passwd"\r\n\r\n<script>\r\n--b--\r\n`,
      ],
      ['deeply nested JSON', 'application/json', deep],
      ['JSON array', 'application/json', '[1,2,3]'],
      [
        'XML',
        'application/xml',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      ],
      ['binary', 'application/octet-stream', new Uint8Array([0, 255, 0, 255, 1, 2, 3])],
      [
        '10,000 fields',
        'application/x-www-form-urlencoded',
        `_csrf=${csrf}&${Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join('&')}`,
      ],
      ['repeated CSRF', 'application/x-www-form-urlencoded', `_csrf=${csrf}&_csrf=other&title=x`],
    ];
    for (const [what, type, body] of bodies) {
      const res = await app.request('/editor/incidents/new', {
        method: 'POST',
        headers: { cookie, 'content-type': type },
        body,
      });
      assert.ok(res.status >= 400 && res.status < 500, `${what}: ${res.status}`);
      assert.deepEqual(await problemsWith(res, what), []);
    }
    const big = await app.request('/editor/incidents/new', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${csrf}&title=${'A'.repeat(MAX_BODY_BYTES + 10)}`,
    });
    assert.equal(big.status, 413);
  });

  test('afterwards: every row that existed is unchanged, and the audit chain is intact', async () => {
    const now = await snapshot(t.db);
    const changed: string[] = [];
    for (const [table, rows] of before_) {
      const after = new Set(now.get(table) ?? []);
      for (const row of rows) if (!after.has(row)) changed.push(`${table}: ${row.slice(0, 120)}`);
    }
    assert.deepEqual(changed, []);
    // The text-mode rounds did get hostile text stored (so the pages above showed it escaped).
    const stored = await t.db.selectFrom('incidents').select('title').where('title', 'like', '%<%').execute();
    assert.ok(stored.length > 0, 'hostile titles were stored as text');
    assert.ok(createdForms.length > 0, 'the second round found forms of created records');
    const chain = await verifyAuditChain(t.db);
    assert.equal(chain.broken, null);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EditorClient } from '../../test/helpers/editor.ts';
import {
  auditFixture,
  linkRel,
  PLANTED_SECRETS,
  seqsOn,
  seqsWhere,
  type AuditFixture,
} from '../../test/helpers/audit-log.ts';

describe('audit viewer page', () => {
  let f: AuditFixture;
  before(async () => {
    f = await auditFixture();
  });
  after(() => f.t.close());

  const listed = async (query: string) => {
    const { status, html } = await f.admin.page(`/editor/audit?limit=200&${query}`);
    assert.equal(status, 200, html);
    return seqsOn(html);
  };

  test('an admin sees the whole log newest first, with names, links to records and readable changes', async () => {
    const { status, html } = await f.admin.page('/editor/audit?limit=200');
    assert.equal(status, 200);
    assert.deepEqual(seqsOn(html), await seqsWhere(f.t.db, (q) => q));
    assert.match(html, /<h1>Audit log<\/h1>/);
    assert.match(html, /Test editor/);
    assert.ok(html.includes(`href="/editor/incidents/${f.incidents.plain}"`));
    assert.match(html, /<del>A plain incident<\/del> → <ins>A plain incident, retitled<\/ins>/);
    assert.match(html, /href="\/editor\/audit\.csv"/);
  });

  test('each filter narrows to exactly the matching rows', async () => {
    const db = f.t.db;
    const cases: [string, Awaited<ReturnType<typeof seqsWhere>>][] = [
      [
        `user=${f.editor.user.id}`,
        await seqsWhere(db, (q) => q.where('actor', '=', `user:${f.editor.user.id}`)),
      ],
      ['actor=test%3Afactory', await seqsWhere(db, (q) => q.where('actor', '=', 'test:factory'))],
      ['action=user.', await seqsWhere(db, (q) => q.where('action', '=', 'user.create'))],
      ['action=probe', await seqsWhere(db, (q) => q.where('action', 'like', 'probe.%'))],
      ['action=creat', await seqsWhere(db, (q) => q.where('action', '=', 'create'))],
      ['action=create&match=exact', await seqsWhere(db, (q) => q.where('action', '=', 'create'))],
      ['action=creat&match=exact', []],
      ['type=incidents', await seqsWhere(db, (q) => q.where('entity_type', '=', 'incidents'))],
      [`id=${f.incidents.plain}`, await seqsWhere(db, (q) => q.where('entity_id', '=', f.incidents.plain))],
    ];
    for (const [query, expected] of cases) {
      assert.ok(expected.length > 0 || query.includes('exact'), `${query} should have rows to find`);
      assert.deepEqual(await listed(query), expected, query);
    }
    assert.equal((await listed(`id=${f.incidents.plain}`)).length, 2, 'created, then edited');
  });

  test('dates are whole UTC days, inclusive at both ends', async () => {
    const ids = async (query: string) => {
      const seqs = await listed(`actor=test%3Adates&${query}`);
      const rows = await f.t.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('seq', 'in', seqs.map(String))
        .execute();
      return rows.map((r) => r.entity_id).sort();
    };
    assert.deepEqual(await ids('from=2025-03-02&to=2025-03-02'), [
      '2025-03-02T00:00:00Z',
      '2025-03-02T23:59:59Z',
    ]);
    assert.deepEqual(await ids('from=2025-03-02'), [
      '2025-03-02T00:00:00Z',
      '2025-03-02T23:59:59Z',
      '2025-03-03T00:00:00Z',
    ]);
    assert.deepEqual(await ids('to=2025-03-01'), ['2025-03-01T23:59:59.999Z']);
  });

  test('older and newer links page through every matching row exactly once, keeping the filters', async () => {
    const all = await seqsWhere(f.t.db, (q) => q.where('actor', '=', 'test:bulk'));
    const seen: number[] = [];
    let href: string | null = '/editor/audit?actor=test%3Abulk&limit=7';
    let last = '';
    while (href) {
      assert.match(href, /actor=test%3Abulk/);
      const { html } = await f.admin.page(href);
      seen.push(...seqsOn(html));
      [last, href] = [html, linkRel(html, 'next')];
    }
    assert.deepEqual(seen, all);
    assert.equal(seqsOn(last).length, all.length % 7 || 7);
    // And back again towards the newest.
    const back: number[] = [];
    href = linkRel(last, 'prev');
    while (href) {
      const { html } = await f.admin.page(href);
      back.unshift(...seqsOn(html));
      href = linkRel(html, 'prev');
    }
    assert.deepEqual([...back, ...seqsOn(last)], all);
  });

  test('no password hash or planted secret reaches the page', async () => {
    const { html } = await f.admin.page('/editor/audit?limit=200');
    const hashes = await f.t.db.selectFrom('users').select('password_hash').execute();
    for (const { password_hash } of hashes) assert.ok(!html.includes(password_hash));
    for (const secret of PLANTED_SECRETS) assert.ok(!html.includes(secret), secret);
    assert.match(html, /\[redacted\]/);
  });

  test('invalid filters are a 400, never a 500', async () => {
    const filters = [
      'user=not-a-uuid',
      'action=DROP%20TABLE',
      'from=2025-02-30',
      'from=2025-03-02&to=2025-03-01',
      'type=Bad-Type',
      'match=fuzzy',
      `id=${'x'.repeat(201)}`,
    ];
    for (const q of filters) {
      assert.equal((await f.admin.get(`/editor/audit?${q}`)).status, 400, q);
      assert.equal((await f.admin.get(`/editor/audit.csv?${q}`)).status, 400, q);
    }
    for (const q of ['before=abc', 'before=5&after=2', 'after=-1', 'limit=0', 'limit=1000']) {
      assert.equal((await f.admin.get(`/editor/audit?${q}`)).status, 400, q);
    }
  });

  test('only admins may read the log; the editor navigation links to it only for them', async () => {
    for (const role of ['contributor', 'editor', 'moderator'] as const) {
      const c = await EditorClient.as(f.app, f.t.db, role);
      assert.equal((await c.get('/editor/audit')).status, 403, role);
      assert.equal((await c.get('/editor/audit.csv')).status, 403, role);
      assert.ok(!(await c.page('/editor')).html.includes('href="/editor/audit"'), role);
    }
    assert.ok((await f.admin.page('/editor')).html.includes('href="/editor/audit"'));
    for (const path of ['/editor/audit', '/editor/audit.csv?type=incidents']) {
      const res = await f.app.request(path);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
    }
  });
});

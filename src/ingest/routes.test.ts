import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient } from '../../test/helpers/editor.ts';

const ARTICLE = `A Metropolitan Police constable has been dismissed after a hearing found he lied about the arrest of a teenager at Brixton police station.

PC Daniel Marsh was found to have committed gross misconduct on 12 March 2025. The panel found he wrote a false account of the arrest of Jamie Oduya, 15, on 9 June 2023.

Commander Lisa Hartley said: "Officers who lie undermine the trust that policing depends on and have no place in the Met."

Jamie's mother said she was relieved. PC Marsh will be placed on the barred list.`;

const rows = (db: TestDatabase['db'], table: string) =>
  sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} t`
    .execute(db)
    .then((r) => r.rows.map((x) => x.row).join('\n'));

describe('ingesting an article in the editor', () => {
  let t: TestDatabase;
  let editor: EditorClient;
  let bundleUrl: string;
  before(async () => {
    t = await createTestDatabase();
    editor = await EditorClient.as(testApp(t), t.db, 'editor');
  });
  after(() => t.close());

  test('pasted text becomes a source, a snapshot and a proposed bundle; the child is never named', async () => {
    const res = await editor.post('/editor/ingest', {
      text: ARTICLE,
      url: 'https://news.example.org/brixton-pc',
      publishedOn: '2025-03-14',
      title: 'Brixton PC sacked',
    });
    assert.equal(res.status, 303);
    bundleUrl = res.headers.get('location')!;
    assert.match(bundleUrl, /^\/editor\/ingest\/[0-9a-f-]{36}$/);
    const page = await editor.page(bundleUrl);
    assert.equal(page.status, 200);
    assert.match(page.html, /Daniel Marsh/);
    assert.match(page.html, /Brixton police station/);
    assert.match(page.html, /Child A/);
    for (const where of [page.html, await rows(t.db, 'ingest_bundles'), await rows(t.db, 'ingest_items')]) {
      assert.ok(!where.includes('Jamie') && !where.includes('Oduya'), 'the child’s name is stored or shown');
    }
    const snap = await t.db
      .selectFrom('source_snapshots')
      .select(['origin', 'capture_status'])
      .where('origin', '=', 'paste')
      .executeTakeFirstOrThrow();
    assert.equal(snap.capture_status, 'captured');
  });

  test('accepting items creates drafts with claims; nothing is published', async () => {
    const id = bundleUrl.split('/').pop()!;
    const items = await t.db
      .selectFrom('ingest_items')
      .select(['position', 'kind', 'proposed'])
      .where('bundle_id', '=', id)
      .orderBy('position')
      .execute();
    const pick = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.position);
    const decisions: Record<string, string> = {};
    for (const i of items) decisions[`item.${i.position}.decision`] = 'rejected';
    for (const p of [
      ...pick('officer'),
      ...pick('date'),
      ...pick('allegation'),
      ...pick('statement'),
      ...pick('person'),
      ...pick('place'),
    ])
      decisions[`item.${p}.decision`] = 'accepted';
    const met = await t.db
      .selectFrom('forces')
      .select('id')
      .where('slug', '=', 'metropolitan')
      .executeTakeFirstOrThrow();
    const res = await editor.post(bundleUrl, {
      ...decisions,
      action: 'apply',
      status: 'gross_misconduct_proven',
      'incident.title': 'Brixton PC dismissed for a false account',
      'incident.summary': 'A constable was found to have given a false account of an arrest.',
      'incident.forceId': met.id,
    });
    assert.equal(res.status, 303, await res.text());
    const incidentId = res.headers.get('location')!.split('/')[3]!.split('?')[0]!;
    for (const table of ['incidents', 'officers', 'allegations', 'statements'] as const) {
      const states = await t.db.selectFrom(table).select('publication_state').execute();
      assert.ok(states.length > 0, `${table} drafted`);
      assert.ok(
        states.every((s) => s.publication_state === 'draft'),
        `${table} are drafts`,
      );
    }
    const officer = await t.db
      .selectFrom('officers')
      .select(['id', 'published_name'])
      .where('published_name', '=', 'Daniel Marsh')
      .executeTakeFirstOrThrow();
    const claim = await t.db
      .selectFrom('claims')
      .select(['quoted_passage', 'passage_note'])
      .where('officer_id', '=', officer.id)
      .executeTakeFirstOrThrow();
    assert.ok(claim.quoted_passage?.includes('PC Daniel Marsh'));
    const allegation = await t.db
      .selectFrom('allegations')
      .select(['officer_id', 'status_code'])
      .where('incident_id', '=', incidentId)
      .executeTakeFirstOrThrow();
    assert.equal(allegation.status_code, 'gross_misconduct_proven');
    const children = await t.db
      .selectFrom('people')
      .select(['pseudonym', 'public_name', 'protected_identity'])
      .where('age_status', '=', 'minor')
      .execute();
    assert.ok(children.length > 0);
    for (const child of children) {
      assert.match(child.pseudonym, /^Child [A-Z]$/);
      assert.equal(child.public_name, null);
      assert.equal(child.protected_identity, true);
    }
    const dump = [
      await rows(t.db, 'people'),
      await rows(t.db, 'claims'),
      await rows(t.db, 'allegations'),
    ].join('\n');
    assert.ok(!dump.includes('Oduya'), 'the child’s name reached a draft record');
    const again = await editor.post(bundleUrl, {
      action: 'apply',
      'incident.title': 'x',
      'incident.summary': 'y',
      'incident.forceId': met.id,
    });
    assert.equal(again.status, 409);
  });

  test('bad input gets a clear 4xx, never a 500', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ text: '' }, 422, /empty/],
      [
        { text: 'Home News Sport Login Register', url: 'https://news.example.org/menu' },
        422,
        /does not look like an article/,
      ],
      [
        {
          text: 'Die Polizei hat einen Mann festgenommen. Die Beamten sagten, dass die Ermittlungen andauern und weitere Zeugen gesucht werden. Der Staatsanwalt kündigte eine Anhörung für den nächsten Monat an und bat um Hinweise.'.repeat(
            2,
          ),
          url: 'https://news.example.org/de',
        },
        422,
        /English/,
      ],
      [{ text: ARTICLE }, 422, /web address/],
      [{ text: 'word '.repeat(210_000), url: 'https://news.example.org/huge' }, 413, /limited|at most/],
    ];
    for (const [fields, status, message] of cases) {
      const res = await editor.post('/editor/ingest', fields);
      const html = await res.text();
      assert.equal(res.status, status, html.slice(0, 300));
      assert.match(html, message);
    }
    const notArticle = await editor.post('/editor/ingest', {
      text: '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
      url: 'https://news.example.org/nav',
    });
    assert.equal(notArticle.status, 422);
  });

  test('the gazetteer is an editable, audited kind of record', async () => {
    const list = await editor.page('/editor/gazetteer_entries');
    assert.equal(list.status, 200);
    const n = await t.db
      .selectFrom('gazetteer_entries')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'force')
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 48);
    const stations = await t.db
      .selectFrom('gazetteer_entries')
      .select('name')
      .where('kind', '=', 'station')
      .execute();
    assert.ok(stations.some((s) => s.name === 'Charing Cross police station'));
  });
});

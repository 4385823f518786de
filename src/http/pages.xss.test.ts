// Every user-text field a public page renders, filled with markup, comes out as text on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { saveSource } from '../sources/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR } from '../../test/helpers/factories.ts';
import { fetchPage } from '../../test/helpers/pages.ts';
import { buildRecordGraph, type RecordGraph } from '../../test/helpers/records.ts';

const PAYLOAD = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`;

/** A field's hostile text. */
const hostile = (field: string) => `${field} ${PAYLOAD}`;

/** The same text as it must appear in the page: escaped. */
function escaped(field: string): string {
  return hostile(field)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

describe('user text is escaped on every public page', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  let app: Hono;
  before(async () => {
    t = await createTestDatabase();
    g = await buildRecordGraph(t.db, hostile);
    app = testApp(t);
  });
  after(() => t.close());

  const corrections = ['incidents', 'findings', 'officers', 'statements'].flatMap((e) => [
    `${e} correction what`,
    `${e} correction why`,
  ]);
  const pages: [string, () => string, string[]][] = [
    [
      'incident',
      () => `/incidents/${g.incident.slug}`,
      [
        'incident title',
        'incident summary',
        'incident place',
        'tag',
        'station name',
        'officer name',
        'unidentified officer',
        'allegation summary',
        'hidden officer allegation summary',
        'unidentified allegation summary',
        'panel name',
        'legal test',
        'finding summary',
        'sanction detail',
        'event title',
        'event description',
        'event source note',
        'public name',
        'child pseudonym',
        'witness pseudonym',
        'source title',
        'source publisher',
        'archived source title',
        'incident passage',
        'passage note',
        'allegation passage',
        'finding passage',
        'sanction passage',
        'speaker name',
        'speaker role',
        'statement summary',
        ...corrections.filter((c) => c.startsWith('incidents') || c.startsWith('findings')),
      ],
    ],
    [
      'officer',
      () => `/officers/${g.officer.slug}`,
      [
        'officer name',
        'station name',
        'incident title',
        'allegation summary',
        'panel name',
        'finding summary',
        'sanction detail',
        'officer passage',
        'source title',
        ...corrections.filter((c) => c.startsWith('officers')),
      ],
    ],
    [
      'force',
      () => '/forces/metropolitan',
      ['command unit name', 'station name', 'incident title', 'incident place', 'officer name'],
    ],
    [
      'command unit',
      () => `/forces/metropolitan/units/${g.bcu.slug}`,
      ['command unit name', 'command unit description', 'station name', 'incident title', 'officer name'],
    ],
    [
      'station',
      () => `/forces/metropolitan/units/${g.station.slug}`,
      [
        'station name',
        'station description',
        'address line',
        'locality',
        'address source',
        'command unit name',
      ],
    ],
    [
      'statement',
      () => `/statements/${g.statement.slug}`,
      [
        'speaker name',
        'speaker role',
        'statement summary',
        'statement quote',
        'source title',
        'source publisher',
        'incident title',
        ...corrections.filter((c) => c.startsWith('statements')),
      ],
    ],
    [
      'corrections log',
      () => '/corrections',
      [...corrections, 'incident title', 'officer name', 'speaker name'],
    ],
    [
      'home',
      () => '/',
      [
        'incident title',
        'incident summary',
        'incident place',
        'officer name',
        'unidentified officer',
        ...corrections,
      ],
    ],
  ];

  for (const [name, path, fields] of pages) {
    test(`${name} page`, async () => {
      const page = await fetchPage(app, path());
      assert.equal(page.status, 200);
      assert.ok(!page.html.includes('<script>alert'), 'no script element from user text');
      assert.ok(!page.html.includes('<img src=x'), 'no element from user text');
      assert.ok(!page.html.includes('"><img'), 'no breaking out of an attribute');
      for (const field of fields) assert.ok(page.html.includes(escaped(field)), `${field} is shown, escaped`);
    });
  }

  test('javascript: and other non-http addresses are refused as source URLs before any page sees them', async () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'JaVaScRiPt:alert(1)',
    ]) {
      await assert.rejects(
        saveSource(t.db, ACTOR, { kind: 'news', url, publisher: 'P', title: 'T' }),
        (e: { code?: string }) => e.code === 'CUS_VALIDATION',
        url,
      );
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadIncidentPage, IncidentPage } from '../incidents/page.tsx';
import { renderDocument } from './cache.ts';
import { testApp } from '../../test/helpers/app.ts';
import { fetchPage } from '../../test/helpers/pages.ts';
import { openRecordGraph, type RecordGraph } from '../../test/helpers/records.ts';
import type { TestDatabase } from '../../test/helpers/db.ts';
import { citation } from './cite.tsx';

const ORIGIN = 'https://records.example.org';

test('the reference takes OSCOLA’s form for web pages, dates in UTC', () => {
  assert.equal(
    citation(
      'Stop on Lambeth Bridge',
      `${ORIGIN}/incidents/lambeth`,
      new Date('2026-12-05T23:30:00Z'),
      new Date('2026-12-06T00:10:00Z'),
    ),
    `Custodiet, ‘Stop on Lambeth Bridge’ (last updated 5 December 2026) <${ORIGIN}/incidents/lambeth> accessed 6 December 2026`,
  );
  assert.equal(
    citation('Untitled', `${ORIGIN}/x`, null, new Date('2026-01-02T12:00:00Z')),
    `Custodiet, ‘Untitled’ <${ORIGIN}/x> accessed 2 January 2026`,
  );
});

describe('“Cite this record” on record pages', () => {
  let t: TestDatabase;
  let g: RecordGraph;
  before(async () => ({ t, g } = await openRecordGraph()));
  after(() => t.close());

  const cited = (html: string) => /<p class="cite-text">([^<]*(?:&lt;[^<]*)*)<\/p>/.exec(html)?.[1];

  test('incident, officer and statement pages cite their own address on PUBLIC_URL', async () => {
    const app = testApp(t, { publicUrl: ORIGIN });
    for (const path of [
      `/incidents/${g.incident.slug}`,
      `/officers/${g.officer.slug}`,
      `/statements/${g.statement.slug}`,
    ]) {
      const page = await fetchPage(app, path);
      assert.equal(page.status, 200, path);
      const text = cited(page.html);
      assert.ok(text, `${path} has a citation`);
      assert.ok(text.startsWith('Custodiet, ‘'), text);
      assert.ok(text.includes(`&lt;${ORIGIN}${path}&gt; accessed `), text);
      assert.match(text, /\(last updated \d{1,2} [A-Z][a-z]+ \d{4}\)/);
    }
  });

  test('without PUBLIC_URL the request’s own origin is cited; a preview is never cited', async () => {
    const page = await fetchPage(testApp(t, { publicUrl: undefined }), `/incidents/${g.incident.slug}`);
    assert.ok(cited(page.html)?.includes(`&lt;http://localhost/incidents/${g.incident.slug}&gt;`));
    const data = await loadIncidentPage(t.db, { slug: g.incident.slug }, { preview: true });
    assert.ok(data);
    const preview = await renderDocument(<IncidentPage data={data} origin={ORIGIN} />);
    assert.equal(cited(preview), undefined);
  });
});

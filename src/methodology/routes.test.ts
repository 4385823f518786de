import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { fetchPage } from '../../test/helpers/pages.ts';

/** Text as Hono escapes it in HTML. */
function escaped(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

describe('methodology page', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('explains sources, archives, separate records, naming rules, review and the audit trail', async () => {
    const page = await fetchPage(testApp(t), '/methodology');
    assert.equal(page.status, 200);
    assert.equal(page.html.match(/<h1[ >]/g)?.length, 1);
    for (const text of [
      'Every fact has a source',
      'SHA-256',
      'Archived copy not yet captured',
      'An allegation is not a finding, and a finding is not a sanction',
      'balance of probabilities',
      'Children appear only by',
      'Two-person review is',
      'href="/corrections"',
      'aria-current="page">Methodology',
    ])
      assert.ok(page.html.includes(text), text);
    assert.ok(page.headers.get('etag'));
  });

  test('every status label, Standard and IOPC category comes from the taxonomy tables', async () => {
    const html = (await fetchPage(testApp(t), '/methodology')).html;
    const terms = await t.db
      .selectFrom('taxonomy_terms')
      .select(['taxonomy_id', 'code', 'label', 'description'])
      .where('taxonomy_id', 'in', [
        'publication_status_v1',
        'ew_standards_2020',
        'iopc_complaint_categories_2020',
      ])
      .execute();
    assert.ok(terms.length >= 13 + 10 + 14);
    for (const term of terms) {
      assert.ok(html.includes(escaped(term.label)), `${term.taxonomy_id}: ${term.label}`);
      if (term.description) assert.ok(html.includes(escaped(term.description)), `${term.code}: description`);
    }
    for (const term of terms.filter((x) => x.taxonomy_id === 'publication_status_v1'))
      assert.ok(html.includes(`data-status="${term.code}"`), `${term.code} shown as the label readers see`);
    assert.ok(html.includes('<caption>The Standards of Professional Behaviour</caption>'));
    assert.ok(html.includes('Police (Conduct) Regulations 2020, Schedule 2'));
  });
});

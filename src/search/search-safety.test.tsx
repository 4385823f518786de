// What search must never do: show unpublished records or names, accept bad parameters
// silently, or let stored or typed text become HTML.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { saveOfficerIdentifier } from '../officers/service.ts';
import { setPublicationState } from '../publication/service.ts';
import { saveStatement } from '../statements/service.ts';
import { saveUnit } from '../units/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import {
  ACTOR,
  makeAllegation,
  makeIncident,
  makeOfficer,
  makeSource,
  met,
  uniq,
} from '../../test/helpers/factories.ts';
import { published, searchPage, word } from '../../test/helpers/search.ts';
import { excerpt, Highlighted } from './results-view.tsx';

describe('search safety', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('draft, in-review and withdrawn records and unpublished officers never appear', async () => {
    const w = word();
    const { shown, allegation } = await inTransaction(t.db, async (trx) => {
      const force = await met(trx);
      await makeIncident(trx, { title: `Draft ${w}` });
      const review = await makeIncident(trx, { title: `Review ${w}` });
      await setPublicationState(trx, ACTOR, 'incidents', review.id, 'in_review');
      const withdrawn = await published(
        trx,
        'incidents',
        await makeIncident(trx, { title: `Withdrawn ${w}` }),
      );
      await setPublicationState(trx, ACTOR, 'incidents', withdrawn.id, 'withdrawn');
      const hidden = await makeIncident(trx, { title: 'Unpublished incident' });
      // A published allegation inside an unpublished incident stays hidden.
      await published(
        trx,
        'allegations',
        await makeAllegation(trx, { incidentId: hidden.id, summary: `Hidden ${w}` }),
      );
      const shown = await published(trx, 'incidents', await makeIncident(trx, { title: `Shown ${w}` }));
      await makeAllegation(trx, { incidentId: shown.id, summary: `Draft allegation ${w}` });
      // An officer who is not published: never named, not even through a shoulder number.
      const secret = await makeOfficer(trx, { publishedName: `Secret ${w}` });
      await saveOfficerIdentifier(trx, ACTOR, {
        officerId: secret.id,
        forceId: force.id,
        identifierType: 'shoulder_number',
        identifier: `77${w.slice(0, 4)}`,
      });
      const allegation = await published(
        trx,
        'allegations',
        await makeAllegation(trx, { incidentId: shown.id, officerId: secret.id, summary: `Published ${w}` }),
      );
      const source = await makeSource(trx);
      await saveStatement(trx, ACTOR, {
        slug: uniq('statement'),
        speakerName: 'Draft Speaker',
        speakerRole: 'Commissioner',
        saidOn: '2022-01-10',
        summary: `Unpublished statement ${w}`,
        sourceId: source.id,
      });
      await saveUnit(trx, ACTOR, { forceId: force.id, slug: uniq('unit'), name: `Unit ${w}`, kind: 'team' });
      return { shown, allegation };
    });
    const page = await searchPage(t, `/search?q=${w}`);
    assert.deepEqual(page.results.map((r) => r.kind).sort(), ['Allegation', 'Incident', 'Unit']);
    assert.ok(page.hrefs.includes(`/incidents/${shown.slug}#allegation-${allegation.id}`));
    const listed = page.html.slice(page.html.indexOf('id="results-heading"'));
    for (const hidden of ['Draft', 'Review', 'Withdrawn', 'Hidden', 'Secret', 'Unpublished'])
      assert.ok(!listed.includes(hidden), `nothing ${hidden.toLowerCase()} is shown`);
    assert.match(
      page.html,
      /An officer not named in this record<\/a> <span class="label label-open" data-status="reported">/,
    );
    const byNumber = await searchPage(t, `/search?q=77${w.slice(0, 4)}`);
    assert.deepEqual(byNumber.hrefs, [], 'an unpublished officer is not found by shoulder number');
    const byName = await searchPage(t, `/search?q=Secret+${w}&type=officer`);
    assert.deepEqual(byName.hrefs, []);
  });

  test('malformed parameters get a 400 page naming the parameter', async () => {
    const cases: [string, string][] = [
      ['from=2024-13-01', 'from'],
      ['from=2024-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2024-05-01&to=2024-04-30', 'to'],
      ['status=guilty', 'status'],
      ['status=Not-A-Code', 'status'],
      ['standard=politeness', 'standard'],
      ['iopc=rudeness', 'iopc'],
      ['force=atlantis', 'force'],
      ['force=metropolitan&unit=nowhere', 'unit'],
      ['unit=nowhere', 'unit'],
      ['type=person', 'type'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['page=-1', 'page'],
      ['page=1001', 'page'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=%E2%80%AEevil', 'q'],
    ];
    for (const [qs, field] of cases) {
      const page = await searchPage(t, `/search?${qs}`);
      assert.equal(page.status, 400, qs);
      assert.ok(page.html.includes(`<code>${field}</code>`), `${qs} names ${field}`);
      assert.ok(page.html.includes(`Bad query parameter: ${field} `), `${qs} gives the reason`);
    }
    const api = await searchPage(t, '/search?page=0', { accept: 'application/json' });
    assert.equal(api.status, 400);
    assert.deepEqual(JSON.parse(api.html).errors, [{ field: 'page', message: 'must be between 1 and 1000' }]);
    assert.equal(
      (await searchPage(t, '/search?q=&type=&force=&page=')).status,
      200,
      'empty fields are unset',
    );
  });

  test('stored text and typed words are escaped everywhere a search shows them', async () => {
    const w = word();
    const script = '<script>alert(1)</script>';
    const img = '"><img src=x onerror=alert(1)>';
    await inTransaction(t.db, async (trx) => {
      const force = await met(trx);
      const incident = await published(
        trx,
        'incidents',
        await makeIncident(trx, {
          title: `${script} ${w}`,
          summary: `${img} ${w} \uE000<b>bold</b>\uE001`,
          place: `${script} place`,
        }),
      );
      const officer = await published(
        trx,
        'officers',
        await makeOfficer(trx, { publishedName: `${script} ${w}` }),
      );
      await published(
        trx,
        'allegations',
        await makeAllegation(trx, {
          incidentId: incident.id,
          unidentifiedOfficer: `${img} ${w}`,
          summary: `${script} ${w}`,
        }),
      );
      await published(
        trx,
        'allegations',
        await makeAllegation(trx, { incidentId: incident.id, officerId: officer.id, summary: `${img} ${w}` }),
      );
      await saveUnit(trx, ACTOR, {
        forceId: force.id,
        slug: uniq('unit'),
        name: `${img} ${w}`,
        kind: 'team',
        description: `${script} ${w}`,
      });
      const source = await makeSource(trx);
      const statement = await saveStatement(trx, ACTOR, {
        slug: uniq('statement'),
        speakerName: `${script} ${w}`,
        speakerRole: img,
        forceId: force.id,
        saidOn: '2022-01-10',
        summary: `${img} ${w}`,
        quote: `${script} ${w}`,
        sourceId: source.id,
      });
      await published(trx, 'statements', statement);
    });
    const page = await searchPage(t, `/search?q=${w}`);
    assert.equal(page.results.length, 6, 'incident, two allegations, officer, unit, statement');
    for (const html of [
      page.html,
      (await searchPage(t, `/search?q=${encodeURIComponent(`${img}${script}`)}`)).html,
    ]) {
      assert.ok(!html.includes('<script>alert'), 'no script element');
      assert.ok(!/<img/i.test(html), 'no img element');
      assert.ok(!html.includes('<b>'), 'no b element');
    }
    assert.ok(page.html.includes(`&lt;script&gt;alert(1)&lt;/script&gt; <mark>${w}</mark>`), 'escaped title');
    assert.ok(
      page.html.includes(`&quot;&gt;&lt;img src=x onerror=alert(1)&gt; <mark>${w}</mark>`),
      'escaped snippet',
    );
    assert.ok(page.html.includes('&lt;b&gt;bold&lt;/b&gt;'), 'stored marker characters do not make marks');
    const typed = await searchPage(t, `/search?q=${encodeURIComponent(img)}`);
    assert.ok(
      typed.html.includes('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"'),
      'typed words are escaped',
    );
  });

  test('Highlighted turns markers into <mark> and escapes everything else', async () => {
    const html = (<Highlighted text={'a \uE000<i>x</i>\uE001 b \uE001 c \uE000'} />).toString();
    assert.equal(await html, 'a <mark>&lt;i&gt;x&lt;/i&gt;</mark> b  c ');
  });

  test('excerpts centre on the first match, cut at spaces and never inside a mark', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const middle = `${words(60, 'before')} \uE000match\uE001 ${words(60, 'after')}`;
    const cut = excerpt(middle, 120);
    assert.ok(cut.startsWith('…before') && cut.endsWith('after…'), cut);
    assert.ok(cut.includes('\uE000match\uE001'));
    assert.ok(cut.length <= 125);
    const plain = excerpt(words(60, 'plain'), 50);
    assert.equal(plain, `${words(8, 'plain')}…`);
    const long = `${words(3, 'lead')} \uE000${'x'.repeat(300)}\uE001 tail`;
    assert.ok(excerpt(long, 100).endsWith('\uE001…'), 'a long mark is kept whole');
    assert.equal(excerpt('short \uE000text\uE001', 100), 'short \uE000text\uE001');
  });
});

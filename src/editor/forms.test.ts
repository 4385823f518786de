import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createdId, EditorClient, type Fields } from '../../test/helpers/editor.ts';
import {
  makeFinding,
  makeIncident,
  makeOfficer,
  makeSource,
  met,
  uniq,
} from '../../test/helpers/factories.ts';
import { saveUnit } from '../units/service.ts';
import { ENTITIES } from './registry.ts';

describe('editor forms', () => {
  let t: TestDatabase;
  let ed: EditorClient;
  let ids: Record<string, string>;
  before(async () => {
    t = await createTestDatabase();
    ed = await EditorClient.as(testApp(t), t.db, 'contributor');
    ids = await inTransaction(t.db, async (trx) => {
      const force = await met(trx);
      const finding = await makeFinding(trx);
      const unit = await saveUnit(trx, 'test', {
        forceId: force.id,
        slug: uniq('unit'),
        name: 'Test station',
        kind: 'station',
      });
      return {
        force: force.id,
        incident: (await makeIncident(trx)).id,
        officer: (await makeOfficer(trx)).id,
        allegation: finding.allegation_id,
        finding: finding.id,
        source: (await makeSource(trx)).id,
        unit: unit.id,
      };
    });
  });
  after(() => t.close());

  const valid: Record<string, () => Fields> = {
    incidents: () => ({
      title: 'Strip-search at a school',
      slug: uniq('incident'),
      summary: 'A child was strip-searched.',
      'occurred.precision': 'month_range',
      'occurred.on': '2024-08-01',
      'occurred.until': '2025-01-31',
      place: 'Hackney',
      forceId: ids.force,
      tags: 'strip-search, children',
    }),
    timeline_events: () => ({
      incidentId: ids.incident,
      title: 'Referred to the IOPC',
      'occurred.precision': 'day',
      'occurred.on': '2024-09-12',
      processState: 'referred_to_iopc',
    }),
    allegations: () => ({
      incidentId: ids.incident,
      officerId: ids.officer,
      summary: 'Alleged to have used unnecessary force.',
      status: 'under_investigation',
      standards: ['use_of_force', 'honesty_integrity'],
      iopcCategory: 'use_of_force',
      conductFrom: '2024-08-01',
    }),
    findings: () => ({
      allegationId: ids.allegation,
      track: 'conduct',
      forum: 'accelerated_hearing',
      decidingBody: 'Accelerated hearing panel',
      outcome: 'ew_conduct_findings_2020:gross_misconduct_proven',
      decidedOn: '2025-10-23',
    }),
    sanctions: () => ({
      findingId: ids.finding,
      sanction: 'ew_conduct_sanctions_2020:dismissal_without_notice',
      imposedOn: '2025-10-23',
      custodialTermDays: '',
    }),
    officers: () => ({
      publishedName: 'PC Jane Example',
      slug: uniq('officer'),
      forceId: ids.force,
      roleType: 'police_officer',
      serviceStatus: 'dismissed',
    }),
    officer_ranks: () => ({
      officerId: ids.officer,
      rankCode: 'sergeant',
      detective: 'on',
      validFrom: '2019-01-01',
    }),
    officer_postings: () => ({ officerId: ids.officer, unitId: ids.unit, validFrom: '2020-01-01' }),
    officer_identifiers: () => ({
      officerId: ids.officer,
      forceId: ids.force,
      identifierType: 'shoulder_number',
      identifier: `${Math.floor(Math.random() * 9000) + 1000}CW`,
    }),
    people: () => ({
      pseudonym: 'Child Z',
      officialPseudonym: 'on',
      ageStatus: 'minor',
      protectedIdentity: 'on',
    }),
    units: () => ({
      name: 'Charing Cross',
      slug: uniq('unit'),
      forceId: ids.force,
      kind: 'station',
      code: 'CX',
    }),
    sources: () => ({
      kind: 'news',
      url: `https://news.example.org/${uniq('s')}`,
      publisher: 'BBC News',
      title: 'A report',
    }),
    claims: () => ({
      subjectType: 'incident',
      subjectId: ids.incident,
      sourceId: ids.source,
      quotedPassage: 'A child was strip-searched.',
    }),
    statements: () => ({
      slug: uniq('statement'),
      speakerName: 'A Commissioner',
      speakerRole: 'Commissioner',
      saidOn: '2025-10-01',
      summary: 'Promised reform.',
      sourceId: ids.source,
      isPromise: 'on',
      promiseType: 'reform',
    }),
    reporting_restrictions: () => ({
      orderType: 'cca_1981_s11',
      caseReference: uniq('T2025'),
      startsOn: '2025-10-01',
      scopeTerms: 'A name the court withheld',
    }),
    court_proceedings: () => ({
      incidentId: ids.incident,
      startedBy: 'charge',
      startedOn: '2025-02-03',
      court: 'Westminster Magistrates’ Court',
      charge: 'Misconduct in public office',
    }),
    gazetteer_entries: () => ({
      name: uniq('Paddington Green'),
      kind: 'station',
      aliases: 'Paddington Green police station, Paddington Green nick',
      forceId: ids.force,
      sourceNote: 'Test entry written for this form test',
    }),
    reply_requests: () => ({
      allegationId: ids.allegation,
      addressedTo: 'force_press_office',
      method: 'email',
      sentOn: '2025-03-01',
    }),
  };

  test('every kind of record has a form case here', () => {
    assert.deepEqual(Object.keys(valid).sort(), ENTITIES.map((e) => e.type).sort());
  });

  for (const [type, fields] of Object.entries(valid)) {
    test(`${type}: the new form renders, and a valid submission creates an audited record`, async () => {
      const form = await ed.page(`/editor/${type}/new`);
      assert.equal(form.status, 200);
      assert.match(form.html, /name="_csrf"/);
      const res = await ed.post(`/editor/${type}/new`, fields());
      assert.equal(res.status, 303, await res.text());
      const id = createdId(res);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('entity_type', '=', type)
        .where('entity_id', '=', id)
        .execute();
      assert.deepEqual(audit, [{ actor: `user:${ed.user.id}`, action: 'create' }]);
      const page = await ed.page(`/editor/${type}/${id}?notice=saved`);
      assert.equal(page.status, 200);
      assert.match(page.html, /Saved\./);
      const edit = await ed.page(`/editor/${type}/${id}/edit`);
      assert.equal(edit.status, 200);
      const again = await ed.post(`/editor/${type}/${id}/edit`, {
        ...fields(),
        ...(await formValuesOf(edit.html)),
      });
      assert.equal(again.status, 303);
      assert.match(
        again.headers.get('location')!,
        /notice=unchanged/,
        'the edit form round-trips the stored values',
      );
    });
  }

  test('stored values: date range, tags, standards, combined outcome, snapshot for a new source', async () => {
    const inc = createdId(await ed.post('/editor/incidents/new', valid.incidents!()));
    const row = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', inc)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.occurred_on, row.occurred_precision, row.occurred_until],
      ['2024-08-01', 'month_range', '2025-01-31'],
    );
    assert.deepEqual(row.tags, ['strip-search', 'children']);
    const al = createdId(await ed.post('/editor/allegations/new', valid.allegations!()));
    const standards = await t.db
      .selectFrom('allegation_standards')
      .select('standard_code')
      .where('allegation_id', '=', al)
      .orderBy('standard_code')
      .execute();
    assert.deepEqual(
      standards.map((s) => s.standard_code),
      ['honesty_integrity', 'use_of_force'],
    );
    const f = createdId(await ed.post('/editor/findings/new', valid.findings!()));
    const finding = await t.db
      .selectFrom('findings')
      .selectAll()
      .where('id', '=', f)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [finding.outcome_taxonomy, finding.outcome_code],
      ['ew_conduct_findings_2020', 'gross_misconduct_proven'],
    );
    const src = createdId(await ed.post('/editor/sources/new', valid.sources!()));
    const snaps = await t.db
      .selectFrom('source_snapshots')
      .select('capture_status')
      .where('source_id', '=', src)
      .execute();
    assert.deepEqual(snaps, [{ capture_status: 'not_yet_captured' }]);
  });

  const invalid: [string, Fields, [string, RegExp][], string[]][] = [
    [
      'incidents',
      {
        title: 'Kept title',
        slug: 'Not A Slug',
        summary: 'Kept summary',
        'occurred.precision': 'month',
        'occurred.on': '2024-05-03',
        forceId: '',
      },
      [
        ['f-slug', /must be lower-case words joined by hyphens/],
        ['f-occurred-on', /a month is stored as its first day/],
        ['f-forceId', /is required/],
      ],
      [
        'value="Kept title"',
        'value="Not A Slug"',
        '>Kept summary</textarea>',
        'value="2024-05-03"',
        '<option value="month" selected="">',
      ],
    ],
    [
      'allegations',
      { summary: 'Kept', status: 'no_such_status', unidentifiedOfficer: 'A sergeant' },
      [['f-status', /Unknown status label/]],
      ['value="A sergeant"'],
    ],
    [
      'people',
      {
        pseudonym: 'Child Y',
        ageStatus: 'minor',
        publicName: 'Real Name',
        publicNameBasis: 'Named in court',
      },
      [['f-publicName', /never named/]],
      ['value="Child Y"', 'value="Real Name"'],
    ],
    [
      'sanctions',
      { findingId: '', sanction: '', imposedOn: '2025-13-01', custodialTermDays: 'ten' },
      [
        ['f-sanction', /is required/],
        ['f-imposedOn', /not a real date|YYYY-MM-DD/],
        ['f-custodialTermDays', /must be a whole number/],
      ],
      ['value="ten"'],
    ],
  ];
  for (const [type, fields, errors, kept] of invalid) {
    test(`${type}: invalid input gets a 422 form with field messages and the typed values`, async () => {
      if (type === 'allegations') fields.incidentId = ids.incident;
      const res = await ed.post(`/editor/${type}/new`, fields);
      const html = await res.text();
      assert.equal(res.status, 422, html.slice(0, 400));
      assert.match(html, /class="error-summary"/);
      for (const [id, message] of errors) {
        assert.match(html, new RegExp(`<a href="#${id}">[^<]*`), `summary links to ${id}`);
        assert.match(
          html,
          new RegExp(`id="${id}-error"><span class="visually-hidden">Error: </span>[^<]*${message.source}`),
          `${id} message`,
        );
      }
      for (const k of kept) assert.ok(html.includes(k), `keeps ${k}`);
    });
  }

  test('user input is escaped on every editor page', async () => {
    const xss = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(1)>';
    const id = createdId(
      await ed.post('/editor/incidents/new', {
        ...valid.incidents!(),
        title: `T ${xss}`,
        summary: `S ${attr}`,
        place: attr,
      }),
    );
    await ed.post(`/editor/incidents/${id}/edit`, {
      ...valid.incidents!(),
      title: `T2 ${xss}`,
      summary: `S2 ${attr}`,
    });
    const bad = await ed.post('/editor/incidents/new', { ...valid.incidents!(), title: xss, slug: attr });
    for (const html of [
      (await ed.page(`/editor/incidents/${id}`)).html,
      (await ed.page('/editor/incidents')).html,
      (await ed.page(`/editor/incidents/${id}/edit`)).html,
      (await ed.page(`/editor/incidents/${id}/history`)).html,
      await bad.text(),
    ]) {
      assert.ok(!html.includes('<script>alert(1)'), 'no live script');
      assert.ok(!html.includes('<img src=x'), 'no injected element');
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;') || html.includes('&lt;img src=x'));
    }
  });
});

/** The values an edit form shows, as a browser would submit them. */
async function formValuesOf(html: string): Promise<Fields> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const cur = out[k];
    out[k] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
  };
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<input ([^>]*)\/?>/g)) {
    const a = m[1]!;
    const name = /name="([^"]+)"/.exec(a)?.[1];
    if (!name || name === '_csrf') continue;
    const value = unescape(/value="([^"]*)"/.exec(a)?.[1] ?? '');
    if (/type="checkbox"/.test(a)) {
      if (/checked=""/.test(a)) add(name, value);
    } else add(name, value);
  }
  for (const m of html.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    add(m[1]!, unescape(m[2]!));
  for (const m of html.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const sel = /<option value="([^"]*)" selected="">/.exec(m[2]!);
    add(m[1]!, sel ? unescape(sel[1]!) : '');
  }
  // Fields the form leaves out (unchecked boxes) must not fall back to the create values.
  for (const m of html.matchAll(/<input [^>]*type="checkbox"[^>]*name="([^"]+)"/g))
    if (!(m[1]! in out)) out[m[1]!] = [];
  return out;
}

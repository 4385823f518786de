// The generic CSV format with a JSON mapping: the worked example imports with the counts an
// independent reading of the CSV and the mapping gives; re-imports, corrections, a bad row and a
// published record; every protection (no personal officer data, people never named, homes never
// given as places); mapping mistakes, each reported; hostile files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import { countRows, grouped, parseCsv, scratch, tally, testDatabaseFor } from '../../test/helpers/imports.ts';
import { publish } from '../../test/helpers/pages.ts';
import { FormatSettingsError, runImport } from './framework.ts';
import { formatFor } from './formats/index.ts';

const DIR = path.resolve('test/fixtures/generic');
const CSV = fs.readFileSync(path.join(DIR, 'outcomes.csv'), 'utf8');
const MAPPING_TEXT = fs.readFileSync(path.join(DIR, 'mapping.json'), 'utf8');
const MAPPING = JSON.parse(MAPPING_TEXT);
const ROWS = parseCsv(CSV);
const MISSING = new Set(['', ...MAPPING.missing]);
const present = (v: string | undefined) => (v !== undefined && !MISSING.has(v.trim()) ? v.trim() : null);
const opts = { actor: 'test:import' };
const files = scratch('generic');
const t = testDatabaseFor();

const mappingWith = (change: (m: typeof MAPPING) => void) => {
  const m = structuredClone(MAPPING);
  change(m);
  return JSON.stringify(m);
};
const generic = (mapping = MAPPING_TEXT) => formatFor('generic', { mapping });
const importCsv = (csv: string | Buffer, mapping = MAPPING_TEXT, db = () => t.db, encoding?: 'latin1') =>
  runImport(db(), generic(mapping), files.file('outcomes.csv', csv), {
    ...opts,
    ...(encoding ? { encoding } : {}),
  });
const fields = MAPPING.records.allegation.fields;

test('the worked example imports with the counts the CSV and the mapping give, read independently', async () => {
  const report = await runImport(t.db, generic(), path.join(DIR, 'outcomes.csv'), opts);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  assert.equal(report.rows, ROWS.length);
  const distinct = (col: string) => new Set(ROWS.map((r) => present(r[col])).filter(Boolean));
  assert.equal(await countRows(t.db, 'incidents'), distinct('Case ref').size);
  assert.equal(await countRows(t.db, 'officers'), distinct('Officer ref').size);
  assert.equal(
    await countRows(t.db, 'allegations'),
    new Set(ROWS.map((r) => `${r['Case ref']}/${r['Allegation no']}`)).size,
  );
  assert.equal(await countRows(t.db, 'people'), distinct('Complainant ref').size);
  assert.equal(await countRows(t.db, 'incident_people'), distinct('Complainant ref').size);
  const pairs = new Set(
    ROWS.filter((r) => present(r['Officer ref'])).map((r) => `${r['Case ref']}/${r['Officer ref']}`),
  );
  assert.equal(await countRows(t.db, 'incident_officers'), pairs.size);
  assert.deepEqual(
    await grouped(t.db, 'SELECT status_code AS k, count(*) AS n FROM allegations GROUP BY 1'),
    tally(ROWS, (r) => fields.status.values[r.Outcome!]),
  );
  assert.deepEqual(
    await grouped(t.db, 'SELECT iopc_code AS k, count(*) AS n FROM allegations GROUP BY 1'),
    tally(ROWS, (r) => fields.iopc_category.values[r.Category!]),
  );
  const standards = ROWS.flatMap((r) => [
    ...new Set(r.Standards!.split(';').map((s) => fields.standards.values[s.trim()])),
  ]);
  assert.deepEqual(
    await grouped(t.db, 'SELECT standard_code AS k, count(*) AS n FROM allegation_standards GROUP BY 1'),
    tally(standards, (s) => s),
  );
  const officers = [
    ...new Map(ROWS.filter((r) => present(r['Officer ref'])).map((r) => [r['Officer ref'], r])).values(),
  ];
  assert.equal(
    await countRows(t.db, 'officer_identifiers', `identifier_type = 'shoulder_number'`),
    officers.filter((r) => present(r['Shoulder no'])).length,
  );
  assert.equal(await countRows(t.db, 'officer_ranks', `rank_taxonomy = 'ew_ranks_2025'`), officers.length);
  assert.equal(
    await countRows(t.db, 'officers', `role_type = 'pcso'`),
    officers.filter((r) => r.Rank === 'PCSO').length,
  );
  assert.equal(
    await countRows(t.db, 'units', `name LIKE 'Example % Team'`),
    new Set(officers.map((r) => r.Unit)).size,
  );
  assert.equal(
    await countRows(t.db, 'allegations', `unidentified_officer IS NOT NULL`),
    ROWS.filter((r) => !present(r['Officer ref'])).length,
  );
  const file = await t.db.selectFrom('dataset_files').select('format').executeTakeFirstOrThrow();
  assert.match(file.format, /^generic-[0-9a-f]{12}$/);
});

test('dates in the mapping formats, places, and people never named: a child is a child', async () => {
  const ex1 = await t.db
    .selectFrom('incidents')
    .select(['occurred_on', 'occurred_precision', 'place', 'summary'])
    .where('title', '=', 'Stop and search near Example Market')
    .executeTakeFirstOrThrow();
  assert.deepEqual(ex1, {
    occurred_on: '2023-02-03',
    occurred_precision: 'day',
    place: 'Example Market area',
    summary: 'A man was searched twice in one evening; he says he was told "people like you" get searched.',
  });
  const ex4 = await t.db
    .selectFrom('incidents')
    .select(['occurred_on', 'occurred_precision', 'place'])
    .where('title', '=', 'Call not attended')
    .executeTakeFirstOrThrow();
  assert.deepEqual(ex4, { occurred_on: null, occurred_precision: 'unknown', place: null });
  const reported = await t.db
    .selectFrom('allegations')
    .select('reported_on')
    .where('summary', '=', 'Searched without reasonable grounds')
    .executeTakeFirstOrThrow();
  assert.equal(reported.reported_on, '2023-02-10');
  const people = await t.db
    .selectFrom('people')
    .select(['pseudonym', 'age_status', 'public_name', 'protected_identity'])
    .orderBy('pseudonym')
    .execute();
  assert.deepEqual(
    tally(people, (p) => p.age_status),
    new Map([
      ['adult', 3],
      ['minor', 1],
      ['unknown', 1],
    ]),
  );
  for (const p of people) {
    assert.equal(p.public_name, null);
    assert.equal(p.protected_identity, true);
    assert.match(p.pseudonym, p.age_status === 'adult' ? /^Person [0-9A-F]{5}$/ : /^Child [0-9A-F]{5}$/);
  }
});

test('importing the same file with the same mapping changes nothing; a reworded mapping reads it again, changing nothing', async () => {
  const before_ = await dumpDatabase(t.db);
  assert.equal((await runImport(t.db, generic(), path.join(DIR, 'outcomes.csv'), opts)).status, 'unchanged');
  assert.equal(await dumpDatabase(t.db), before_);
  const again = await runImport(t.db, generic(JSON.stringify(MAPPING)), path.join(DIR, 'outcomes.csv'), opts);
  assert.equal(again.status, 'imported');
  for (const c of Object.values(again.records)) assert.deepEqual(c, { created: 0, updated: 0 });
});

test('a bad row in the middle: nothing changes, and the report names the line and column', async () => {
  const before_ = await dumpDatabase(t.db);
  const bad = CSV.replace(
    '17/06/2023,Example Station forecourt,2023-06-20,2,',
    '31/02/2023,Example Station forecourt,2023-06-20,2,',
  ).replace('Courtesy,Proven,10/05/2024', 'Courtesy,Dunno,10/05/2024');
  const report = await importCsv(bad);
  assert.equal(report.status, 'failed');
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.column]),
    [
      [5, 'Incident date'],
      [10, 'Outcome'],
    ],
  );
  assert.match(report.errors[0]!.message, /not a date \(DD\/MM\/YYYY/);
  assert.match(
    report.errors[1]!.message,
    /"Dunno" is not in the mapping's values \("Proven", "Proven - gross misconduct"/,
  );
  assert.equal(await dumpDatabase(t.db), before_);
});

test('a corrected file with the same ids updates records and duplicates nothing', async () => {
  const counts = () =>
    Promise.all(
      [
        'incidents',
        'officers',
        'allegations',
        'allegation_standards',
        'people',
        'officer_identifiers',
        'officer_ranks',
        'incident_people',
      ].map((x) => countRows(t.db, x)),
    );
  const before_ = await counts();
  const fixed = CSV.replace(
    'Failed to attend a reported burglary,Delivery of duties,Duties,Not proven',
    'Failed to attend a reported burglary,Delivery of duties,Honesty,Proven',
  ).replaceAll('Chris Placeholder,Insp', 'Chris Placeholder,Sgt');
  const report = await importCsv(fixed);
  assert.equal(report.status, 'imported', JSON.stringify(report.errors));
  assert.deepEqual(report.records.allegation, { created: 0, updated: 1 });
  assert.deepEqual(await counts(), before_);
  const { rows } = await sql<{ status_code: string; standard_code: string; rank_code: string }>`
    SELECT a.status_code, s.standard_code, r.rank_code FROM allegations a
    JOIN allegation_standards s ON s.allegation_id = a.id JOIN officer_ranks r ON r.officer_id = a.officer_id
    WHERE a.summary = 'Failed to attend a reported burglary'`.execute(t.db);
  assert.deepEqual(rows, [
    { status_code: 'misconduct_proven', standard_code: 'honesty_integrity', rank_code: 'sergeant' },
  ]);
});

test('a published allegation is not changed by a re-import, nor anyone added to its incident', async () => {
  const a = await t.db
    .selectFrom('allegations')
    .select(['id', 'incident_id', 'status_code'])
    .where('summary', '=', 'Unnecessary force during the arrest')
    .executeTakeFirstOrThrow();
  await publish(t.db, 'incidents', a.incident_id);
  await publish(t.db, 'allegations', a.id);
  const peopleOf = async () =>
    (
      await t.db
        .selectFrom('incident_people')
        .select(['person_id', 'role'])
        .where('incident_id', '=', a.incident_id)
        .orderBy('person_id')
        .execute()
    ).map((p) => `${p.person_id} ${p.role}`);
  const people = await peopleOf();
  const before_ = await countRows(t.db, 'people');
  assert.ok(people.length > 0);
  // The complainant of the published incident's rows is now another person.
  const changed = CSV.replace(
    'Unnecessary force during the arrest,Use of force,Force,Proven - gross misconduct',
    'Unnecessary force during the arrest,Use of force,Force,Not proven',
  )
    .replaceAll('Arrest at Example Station', 'Arrest at Example Station (renamed)')
    .replaceAll(',C-9002,', ',C-9099,');
  assert.notEqual(changed.indexOf(',C-9099,'), -1);
  assert.equal((await importCsv(changed)).status, 'imported');
  assert.deepEqual(await peopleOf(), people);
  assert.equal(await countRows(t.db, 'people'), before_);
  assert.equal(
    await countRows(t.db, 'dataset_records', `record_kind = 'person' AND external_id = 'C-9099'`),
    0,
  );
  const after_ = await t.db
    .selectFrom('allegations')
    .select('status_code')
    .where('id', '=', a.id)
    .executeTakeFirstOrThrow();
  assert.equal(after_.status_code, 'gross_misconduct_proven');
  assert.equal(await countRows(t.db, 'incidents', `title = 'Arrest at Example Station'`), 1);
});

describe('mapping mistakes are refused, each with a clear message', () => {
  const problems = (mapping: string) => {
    try {
      generic(mapping);
    } catch (err) {
      assert.ok(err instanceof FormatSettingsError, String(err));
      return err.problems.length > 0 ? err.problems : [err.message];
    }
    assert.fail('the mapping was accepted');
  };

  test('a target field that does not exist: personal fields name the rule, others list the fields', () => {
    const p = problems(
      mappingWith((m) => {
        m.records.officer.fields.home_address = 'Address';
        m.records.officer.fields.date_of_birth = 'DOB';
        m.records.person.fields.name = 'Complainant name';
        m.records.allegation.fields.verdict = 'Outcome';
      }),
    );
    assert.equal(p.length, 4);
    assert.match(
      p[0]!,
      /^records\.officer\.fields\.home_address: Custodiet never stores this: an officer is recorded by professional identity only .* \(rule R10\)/,
    );
    assert.match(p[1]!, /^records\.officer\.fields\.date_of_birth: Custodiet never stores this/);
    assert.match(
      p[2]!,
      /^records\.allegation\.fields\.verdict: not a field of an allegation\. Its fields are: summary, status/,
    );
    assert.match(
      p[3]!,
      /^records\.person\.fields\.name: people who are not officers are never named by an import \(rules R8 and R9\)/,
    );
  });

  test('structure, codes, dates and force are checked, every problem at once', () => {
    const p = problems(
      mappingWith((m) => {
        delete m.dataset.licence;
        m.dates = 'european';
        m.records.complainant = m.records.person;
        m.records.officer.fields.role_type = { constant: 'sheriff' };
      }),
    );
    assert.deepEqual(
      p.map((x) => x.split(':')[0]),
      ['dataset.licence', 'dates', 'records', 'records.officer.fields.role_type'],
    );
    assert.match(p.join('\n'), /dates: must be "iso" \(YYYY-MM-DD\), "uk" \(DD\/MM\/YYYY\) or "us"/);
    const codes = problems(
      mappingWith((m) => (m.records.officer.fields.role_type = { constant: 'sheriff' })),
    );
    assert.match(
      codes[0]!,
      /role_type: "sheriff" is not one of the codes: police_officer, special_constable/,
    );
    const constants = problems(
      mappingWith((m) => {
        m.records.incident.fields.occurred_on = { constant: '30/02/2024' };
        m.records.incident.fields.place = { constant: '12 Acacia Avenue' };
      }),
    );
    assert.deepEqual(constants, [
      'records.incident.fields.occurred_on: the constant: not a date (DD/MM/YYYY or YYYY-MM-DD)',
      'records.incident.fields.place: the constant: looks like a street address (a house or flat number, or a full postcode): give the street, area or postcode district only (rule R10)',
    ]);
    const orphan = problems(mappingWith((m) => delete m.records.incident));
    assert.match(orphan.join('\n'), /records\.allegation: an allegation belongs to an incident/);
    assert.match(problems('{ not json')[0]!, /Expected property name|JSON/);
    assert.match(
      problems(mappingWith((m) => (m.force = 'Met Police!')))[0]!,
      /force: "Met Police!" is neither/,
    );
    assert.throws(() => formatFor('generic'), /needs a mapping file/);
    assert.throws(
      () => formatFor('police-uk-stop-search', { mapping: MAPPING_TEXT }),
      /takes no mapping file/,
    );
  });

  test('codes the database does not know, and a force that does not exist, stop the import before any row', async () => {
    const before_ = await dumpDatabase(t.db);
    const bad = mappingWith((m) => {
      m.records.allegation.fields.status.values.Proven = 'proved';
      m.records.allegation.fields.iopc_category.values['Use of force'] = 'violence';
    });
    const r = await importCsv(CSV, bad);
    assert.equal(r.status, 'failed');
    assert.match(
      r.errors[0]!.message,
      /status: "proved" is not a code of publication_status_v1 \(codes: reported, under_investigation/,
    );
    assert.match(
      r.errors[0]!.message,
      /iopc_category: "violence" is not a code of iopc_complaint_categories_2020/,
    );
    const noForce = await importCsv(
      CSV,
      mappingWith((m) => (m.force = 'no-such-force')),
    );
    assert.match(noForce.errors[0]!.message, /No force has the slug "no-such-force"/);
    assert.equal(await dumpDatabase(t.db), before_);
  });
});

describe('rows that would name a person or give a home are refused', () => {
  const h = testDatabaseFor();
  const withPseudonyms = mappingWith((m) => (m.records.person.fields.pseudonym = 'Complainant'));
  const header =
    'Case ref,Case title,Case summary,Incident date,Area,Complaint received,Allegation no,Allegation,Category,Standards,Outcome,Decided,Sanction,Officer ref,Officer,Rank,Shoulder no,Unit,Complainant ref,Complainant age';
  const line = (o: {
    ref?: string;
    area?: string;
    person?: string;
    age?: string;
    name?: string;
    no?: string;
  }) =>
    `${o.ref ?? 'EX-100'},A case,A summary,01/01/2024,"${o.area ?? 'Example Road'}",2024-01-02,${o.no ?? '1'},An allegation,Use of force,Force,Proven,01/03/2024,Written warning,OF-1,Alex Fixture,PC,1EX,Example Team,${o.person ?? 'C-1'},${o.age ?? '30'}${o.name !== undefined ? `,${o.name}` : ''}`;

  test('a row about a child cannot carry a name; nor can one about an adult; pseudonyms are accepted', async () => {
    const csv = [
      `${header},Complainant`,
      line({ name: 'Complainant A' }),
      line({ ref: 'EX-101', person: 'C-2', age: '15', name: 'Jane Smith' }),
      line({ ref: 'EX-102', person: 'C-3', age: '44', name: 'John Smith' }),
      line({ ref: 'EX-103', person: 'C-4', age: '12', name: 'Child Q' }),
    ].join('\n');
    const r = await importCsv(csv, withPseudonyms, () => h.db);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [
        [3, 'Complainant'],
        [4, 'Complainant'],
      ],
    );
    assert.match(
      r.errors[0]!.message,
      /about a child or a person of unknown age \(age 15\), who is never named \(rules R8\)/,
    );
    assert.match(
      r.errors[1]!.message,
      /about a person who is not an officer, who is never named \(rules R9\)/,
    );
    assert.equal(await countRows(h.db, 'people'), 0);
    const ok = await importCsv(
      [
        `${header},Complainant`,
        line({ name: 'Complainant A' }),
        line({ ref: 'EX-103', person: 'C-4', age: '12', name: 'Child Q' }),
      ].join('\n'),
      withPseudonyms,
      () => h.db,
    );
    assert.equal(ok.status, 'imported', JSON.stringify(ok.errors));
    const people = await h.db
      .selectFrom('people')
      .select(['pseudonym', 'age_status', 'public_name'])
      .orderBy('pseudonym')
      .execute();
    assert.deepEqual(people, [
      { pseudonym: 'Child Q', age_status: 'minor', public_name: null },
      { pseudonym: 'Complainant A', age_status: 'adult', public_name: null },
    ]);
  });

  test("a person's id must be a reference, not a name; a place must not be a home address", async () => {
    const r = await importCsv(
      [
        header,
        line({ person: 'Jane Smith' }),
        line({ ref: 'EX-104', area: '12 Acacia Avenue' }),
        line({ ref: 'EX-105', area: 'Flat 3, Example House' }),
        line({ ref: 'EX-106', area: 'Example Road, SW1A 1AA' }),
        line({ ref: 'EX-107', area: '100 block of Example Road' }),
      ].join('\n'),
      MAPPING_TEXT,
      () => h.db,
    );
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [
        [2, 'Complainant ref'],
        [3, 'Area'],
        [4, 'Area'],
        [5, 'Area'],
      ],
    );
    assert.match(r.errors[0]!.message, /a reference number \(this has no digit: is it a name\?\)/);
    assert.match(r.errors[1]!.message, /looks like a street address .* \(rule R10\)/);
  });
});

describe('hostile files', () => {
  const h = testDatabaseFor();
  const header = CSV.slice(0, CSV.indexOf('\n'));

  test('an impossible US date is refused; ISO mappings refuse slashed dates', async () => {
    const us = mappingWith((m) => (m.dates = 'us'));
    const row = (date: string) =>
      `EX-200,T,S,${date},Example Road,2024-01-02,1,A,Use of force,Force,Proven,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A`;
    const r = await importCsv(
      `${header}\n${row('12/31/2023')}\n${row('02/30/2020').replace('EX-200', 'EX-201')}\n`,
      us,
      () => h.db,
    );
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column, e.message]),
      [[3, 'Incident date', 'not a date (MM/DD/YYYY or YYYY-MM-DD)']],
    );
    const iso = await importCsv(
      `${header}\n${row('12/31/2023')}\n`,
      mappingWith((m) => (m.dates = 'iso')),
      () => h.db,
    );
    assert.deepEqual(
      iso.errors.map((e) => [e.line, e.column, e.message]),
      [[2, 'Incident date', 'not a date (YYYY-MM-DD)']],
    );
  });

  test('repeated allegation ids are an error naming both lines; the same incident on many rows is not', async () => {
    const lines = CSV.trim().split('\n');
    const r = await importCsv([...lines, lines[1]!].join('\n') + '\n', MAPPING_TEXT, () => h.db);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [[12, 'Case ref']],
    );
    assert.match(r.errors[0]!.message, /the id "\["EX-001","1"\]" is already on line 2/);
    assert.equal(await countRows(h.db, 'allegations'), 0);
  });

  test('Latin-1 with --encoding latin1, a BOM and CRLF line ends; quoted line breaks are kept', async () => {
    const accented = CSV.replaceAll('Alex Fixture', 'Zoë Fixture');
    const latin1 = Buffer.from(accented.replace(/\n/g, '\r\n'), 'latin1');
    assert.match((await importCsv(latin1, MAPPING_TEXT, () => h.db)).errors[0]!.message, /--encoding latin1/);
    const ok = await importCsv(latin1, MAPPING_TEXT, () => h.db, 'latin1');
    assert.equal(ok.status, 'imported', JSON.stringify(ok.errors));
    assert.equal(await countRows(h.db, 'officers', `published_name = 'Zoë Fixture'`), 1);
    const bom = await importCsv(`\uFEFF${accented.replace(/\n/g, '\r\n')}`, MAPPING_TEXT, () => h.db);
    assert.equal(bom.status, 'imported', JSON.stringify(bom.errors));
    for (const c of Object.values(bom.records)) assert.deepEqual(c, { created: 0, updated: 0 });
    const pcso = await h.db
      .selectFrom('incidents')
      .select('summary')
      .where('title', '=', 'Discourteous PCSO')
      .executeTakeFirstOrThrow();
    assert.match(pcso.summary, /sworn at a shopkeeper\.\r?\nThe shopkeeper complained/);
  });
});

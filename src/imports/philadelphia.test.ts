import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import {
  importOk,
  linksOf,
  readCsv,
  scratch,
  tableCounts,
  toCsv,
  type CsvRow,
} from '../../test/helpers/imports.ts';
import { runImport, type ImportFormat } from './framework.ts';
import { philadelphiaComplaints } from './formats/philadelphia/complaints.ts';
import { philadelphiaFindings } from './formats/philadelphia/findings.ts';
import { wapoAgencies } from './formats/wapo/agencies.ts';

const DIR = path.resolve('test/fixtures/philadelphia');
const COMPLAINTS = path.join(DIR, 'ppd_complaints.csv');
const FINDINGS = path.join(DIR, 'ppd_complaint_disciplines.csv');
const complaints = readCsv(COMPLAINTS);
const findings = readCsv(FINDINGS);
const opts = { actor: 'test:import' };
const complaintFormat = philadelphiaComplaints as ImportFormat<unknown, unknown>;
const findingFormat = philadelphiaFindings as ImportFormat<unknown, unknown>;
const TABLES = [
  'incidents',
  'allegations',
  'findings',
  'sanctions',
  'officers',
  'units',
  'incident_units',
  'incident_officers',
  'officer_postings',
  'people',
  'dataset_records',
];
const files = scratch('philadelphia');
const asFindings = (rows: CsvRow[]) => files.file(path.basename(FINDINGS), toCsv(rows));
const asComplaints = (rows: CsvRow[]) => files.file(path.basename(COMPLAINTS), toCsv(rows));

// The independent view of the findings file: rows identical in every column Custodiet reads are
// one allegation (officer race and sex are not read); everything else is counted from the rows.
const imported = (r: CsvRow) =>
  JSON.stringify([
    r.complaint_id,
    r.officer_id,
    r.po_assigned_unit,
    r.allegations_investigated,
    r.investigative_findings,
    r.disciplinary_findings,
  ]);
const distinct = [...new Map(findings.map((r) => [imported(r), r])).values()];
const decided = (r: CsvRow) =>
  ['Sustained Finding', 'No Sustained Findings', 'Not Applicable'].includes(r.investigative_findings!);
const penalised = (r: CsvRow) =>
  decided(r) &&
  ['Training/Counseling', 'Guilty Finding', 'No Guilty Findings'].includes(r.disciplinary_findings!);

/** Every findings row of these complaints (whole complaints, so each row keeps its key). */
const rowsOf = (ids: Iterable<string>, rows = findings) => {
  const set = new Set(ids);
  return rows.filter((r) => set.has(r.complaint_id!));
};
const someComplaints = (n: number, ...plus: CsvRow[]) => [
  ...new Set([...complaints.slice(0, n).map((c) => c.complaint_id!), ...plus.map((r) => r.complaint_id!)]),
];

async function load(db: Db, order: [ImportFormat<unknown, unknown>, string][]) {
  for (const [format, file] of order) await importOk(db, format, file);
}
const FORWARD: [ImportFormat<unknown, unknown>, string][] = [
  [complaintFormat, COMPLAINTS],
  [findingFormat, FINDINGS],
];

/** The allegation an entry of the findings file became, by its dataset key. */
async function allegation(db: Db, key: string) {
  const { rows } = await sql<Record<string, unknown>>`
    SELECT a.id, a.status_code, a.summary, a.reported_on, f.outcome_code, f.decided_on, s.sanction_code, s.detail
    FROM dataset_records d JOIN allegations a ON a.id = d.entity_id
    LEFT JOIN findings f ON f.allegation_id = a.id LEFT JOIN sanctions s ON s.finding_id = f.id
    WHERE d.record_kind = 'allegation' AND d.external_id = ${key}`.execute(db);
  return rows[0];
}
const triple = (r: CsvRow) => `${r.complaint_id}/${r.officer_id}/${r.allegations_investigated}`;
/** The dataset key of a row: its triple and its place among the distinct rows of that triple. */
const keyOf = (r: CsvRow) => {
  const same = distinct.filter((x) => triple(x) === triple(r));
  return `${triple(r)}#${same.findIndex((x) => imported(x) === imported(r)) + 1}`;
};

after(() => files.cleanup());

describe('Philadelphia complaints and findings', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await load(t.db, FORWARD);
  });
  after(() => t.close());

  test('both files import with the counts an independent parse gives', async () => {
    const c = await tableCounts(t.db, TABLES);
    assert.equal(c.incidents, new Set([...complaints, ...findings].map((r) => r.complaint_id)).size);
    assert.equal(c.incidents, 3388);
    assert.equal(distinct.length, findings.length - 724, 'the README counts 724 exact duplicate rows');
    assert.equal(c.allegations, distinct.length);
    assert.equal(c.officers, new Set(findings.map((r) => r.officer_id).filter((o) => o !== 'NA')).size);
    assert.equal(c.officers, 3006);
    assert.equal(c.findings, distinct.filter(decided).length);
    assert.equal(c.sanctions, distinct.filter(penalised).length);
    assert.equal(c.people, 0, 'no complainant is imported');
    const withDistrict = complaints.filter((r) => /^\d+$/.test(r.district_occurrence!));
    assert.equal(c.incident_units, withDistrict.length);
    const codes = new Set([
      ...withDistrict.map((r) => r.district_occurrence!.padEnd(4, '0')),
      ...findings
        .filter((r) => /^\d{4} /.test(r.po_assigned_unit!))
        .map((r) => r.po_assigned_unit!.slice(0, 4)),
    ]);
    assert.equal(c.units, codes.size);
    assert.equal(c.dataset_records, c.incidents! + c.officers! + c.allegations!);
    const { rows } = await sql<{ status_code: string; n: string }>`
      SELECT status_code, count(*) AS n FROM allegations GROUP BY 1`.execute(t.db);
    const expected: Record<string, number> = {};
    for (const r of distinct) {
      const s =
        r.disciplinary_findings === 'No Guilty Findings'
          ? 'not_proven'
          : ({
              'Sustained Finding': 'misconduct_proven',
              'No Sustained Findings': 'not_proven',
              Pending: 'under_investigation',
            }[r.investigative_findings!] ?? 'reported');
      expected[s] = (expected[s] ?? 0) + 1;
    }
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.status_code, Number(r.n)])), expected);
    const { rows: unnamed } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM allegations WHERE officer_id IS NULL AND unidentified_officer IS NOT NULL`.execute(
      t.db,
    );
    assert.equal(Number(unnamed[0]!.n), distinct.filter((r) => r.officer_id === 'NA').length);
    // Every row of the file is accounted for: the duplicates are counted on the allegation they repeat.
    const { rows: n } = await sql<{ n: string }>`SELECT sum((attributes->>'rows_in_file')::int) AS n
      FROM dataset_records WHERE record_kind = 'allegation'`.execute(t.db);
    assert.equal(Number(n[0]!.n), findings.length);
  });

  test('dates: received as reported_on; the incident’s from the complainant’s account, or unknown', async () => {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM allegations a JOIN dataset_records d ON d.entity_id = a.incident_id
      WHERE a.reported_on IS DISTINCT FROM (d.attributes->>'date_received')::date`.execute(t.db);
    assert.equal(Number(rows[0]!.n), 0);
    const first = await t.db
      .selectFrom('incidents')
      .select(['title', 'occurred_on', 'occurred_precision', 'place'])
      .where('slug', '=', 'ppd-complaint-16-0001')
      .executeTakeFirstOrThrow();
    assert.deepEqual(first, {
      title: 'Philadelphia police complaint 16-0001 (departmental violations)',
      occurred_on: '2016-01-02',
      occurred_precision: 'day',
      place: 'Philadelphia, 17th District',
    });
    // "on 2-18-16" in a complaint received on 16 February 2016 is a slip: the date stays unknown.
    const slip = await t.db
      .selectFrom('incidents')
      .select(['occurred_on', 'occurred_precision'])
      .where('slug', '=', 'ppd-complaint-16-0078')
      .executeTakeFirstOrThrow();
    assert.deepEqual(slip, { occurred_on: null, occurred_precision: 'unknown' });
    const { rows: p } = await sql<{ precision: string; n: string }>`
      SELECT occurred_precision AS precision, count(*) AS n FROM incidents GROUP BY 1`.execute(t.db);
    const dated = complaints.filter((r) => {
      const m = /\bon (?:or about )?(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})\b/.exec(r.summary!.slice(0, 400));
      if (!m) return false;
      const d = new Date(
        Date.UTC(Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]), Number(m[1]) - 1, Number(m[2])),
      );
      return d.getUTCDate() === Number(m[2]) && d.toISOString().slice(0, 10) <= r.date_received!;
    }).length;
    assert.equal(dated, 3012, 'as docs/imports.md says');
    assert.deepEqual(Object.fromEntries(p.map((r) => [r.precision, Number(r.n)])), {
      day: dated,
      unknown: complaints.length - dated,
    });
  });

  test('duplicates: identical rows are one allegation; repeated triples are separate ones', async () => {
    const dup = findings.find((r, i) => findings.findIndex((x) => imported(x) === imported(r)) !== i)!;
    const times = findings.filter((r) => imported(r) === imported(dup)).length;
    const { rows } = await sql<{ n: string }>`SELECT attributes->>'rows_in_file' AS n FROM dataset_records
      WHERE record_kind = 'allegation' AND external_id = ${keyOf(dup)}`.execute(t.db);
    assert.equal(Number(rows[0]!.n), times);
    const repeated = distinct.find((r) => distinct.filter((x) => triple(x) === triple(r)).length > 1)!;
    const [a, b] = distinct.filter((x) => triple(x) === triple(repeated));
    assert.deepEqual([keyOf(a!), keyOf(b!)], [`${triple(a!)}#1`, `${triple(a!)}#2`]);
    const [one, two] = [await allegation(t.db, keyOf(a!)), await allegation(t.db, keyOf(b!))];
    assert.notEqual(one!.id, two!.id);
    // The two #VALUE! rows: allegations with no type, no finding, an "alleged only" label.
    const broken = await allegation(
      t.db,
      keyOf(findings.find((r) => r.allegations_investigated === '#VALUE!')!),
    );
    assert.equal(broken!.status_code, 'reported');
    assert.equal(broken!.outcome_code, null);
    assert.match(String(broken!.summary), /not published/);
  });

  test('findings: status labels, no decision date, sanctions only where discipline was decided', async () => {
    const row = (inv: string, disc: string) =>
      distinct.find(
        (r) => r.investigative_findings === inv && r.disciplinary_findings === disc && r.officer_id !== 'NA',
      )!;
    const cases: [CsvRow, Record<string, unknown>][] = [
      [
        row('Sustained Finding', 'Training/Counseling'),
        { status_code: 'misconduct_proven', outcome_code: 'sustained', sanction_code: 'training' },
      ],
      [
        row('Sustained Finding', 'Guilty Finding'),
        { status_code: 'misconduct_proven', outcome_code: 'sustained', sanction_code: 'other' },
      ],
      [
        row('Sustained Finding', 'No Guilty Findings'),
        { status_code: 'not_proven', outcome_code: 'sustained', sanction_code: 'no_penalty' },
      ],
      [
        row('Sustained Finding', 'Pending'),
        { status_code: 'misconduct_proven', outcome_code: 'sustained', sanction_code: null },
      ],
      [
        row('No Sustained Findings', 'Not Applicable'),
        { status_code: 'not_proven', outcome_code: 'not_sustained', sanction_code: null },
      ],
      [
        row('Pending', 'Pending'),
        { status_code: 'under_investigation', outcome_code: null, sanction_code: null },
      ],
    ];
    for (const [r, want] of cases) {
      const got = await allegation(t.db, keyOf(r));
      assert.deepEqual(
        { status_code: got!.status_code, outcome_code: got!.outcome_code, sanction_code: got!.sanction_code },
        want,
        r.disciplinary_findings,
      );
      assert.equal(got!.decided_on, null);
    }
  });

  test('safety: officers only by the city’s id; no race, sex or complainant stored', async () => {
    const officers = await t.db.selectFrom('officers').select(['published_name', 'slug']).execute();
    assert.ok(officers.every((o) => o.published_name === null && /^ppd-officer-\d{8}$/.test(o.slug)));
    const { rows } = await sql<{ key: string }>`
      SELECT DISTINCT jsonb_object_keys(attributes) AS key FROM dataset_records`.execute(t.db);
    assert.ok(rows.length > 0);
    for (const { key } of rows) assert.doesNotMatch(key, /race|sex|gender|birth|complainant/);
    const { rows: values } = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM dataset_records, jsonb_each_text(attributes) e
      WHERE e.value IN ('white', 'black', 'latino', 'asian', 'indian', 'male', 'female')`.execute(t.db);
    assert.equal(Number(values[0]!.n), 0);
    const dump = await dumpDatabase(t.db);
    assert.ok(!/po_race|po_sex/.test(dump));
    assert.ok(!/[\u0080-\u009f]/.test(dump), 'no C1 control character (mojibake) is stored');
    const mended = await t.db
      .selectFrom('incidents')
      .select('summary')
      .where('slug', '=', 'ppd-complaint-19-0114')
      .executeTakeFirstOrThrow();
    assert.match(mended.summary, /the complainant’s minor child/);
    const lines = await t.db
      .selectFrom('incidents')
      .select('summary')
      .where('slug', '=', 'ppd-complaint-20-0593')
      .executeTakeFirstOrThrow();
    assert.equal(lines.summary, complaints.find((r) => r.complaint_id === '20-0593')!.summary!.trim());
    assert.ok(lines.summary.includes('\n'));
  });

  test('re-importing the same files changes nothing', async () => {
    const before_ = await tableCounts(t.db, TABLES);
    for (const [format, file] of FORWARD)
      assert.equal((await runImport(t.db, format, file, opts)).status, 'unchanged');
    assert.deepEqual(await tableCounts(t.db, TABLES), before_);
  });

  test('a newer file with the same ids updates those records and duplicates nothing', async () => {
    const before_ = await tableCounts(t.db, TABLES);
    const pending = distinct.find((r) => r.investigative_findings === 'Pending' && r.officer_id !== 'NA')!;
    const trained = distinct.find((r) => r.disciplinary_findings === 'Training/Counseling')!;
    const rows = rowsOf(someComplaints(100, pending, trained)).map((r) =>
      r === pending
        ? { ...r, investigative_findings: 'Sustained Finding', disciplinary_findings: 'Guilty Finding' }
        : imported(r) === imported(trained)
          ? { ...r, disciplinary_findings: 'Pending' }
          : r,
    );
    const r = await importOk(t.db, findingFormat, asFindings(rows));
    assert.deepEqual(r.records.allegation, { created: 0, updated: 1 });
    assert.deepEqual(r.records.finding, { created: 1, updated: 1 });
    assert.deepEqual(r.records.sanction, { created: 1, updated: 0 });
    assert.deepEqual(await tableCounts(t.db, TABLES), { ...before_, findings: before_.findings! + 1 });
    assert.equal((await allegation(t.db, keyOf(pending)))!.sanction_code, 'other');
    assert.equal((await allegation(t.db, keyOf(trained)))!.sanction_code, null);
    // The complaints file: a corrected district moves the incident to the other unit.
    const moved = complaints.map((c) =>
      c.complaint_id === '16-0001' ? { ...c, district_occurrence: '1800' } : c,
    );
    const rc = await importOk(t.db, complaintFormat, asComplaints(moved));
    assert.deepEqual(rc.records.incident, { created: 0, updated: 1 });
    const inc = await t.db
      .selectFrom('incidents as i')
      .innerJoin('incident_units as iu', 'iu.incident_id', 'i.id')
      .innerJoin('units as u', 'u.id', 'iu.unit_id')
      .select(['i.place', 'u.name'])
      .where('i.slug', '=', 'ppd-complaint-16-0001')
      .execute();
    assert.deepEqual(inc, [{ place: 'Philadelphia, 18th District', name: '18th District' }]);
    assert.deepEqual(await tableCounts(t.db, TABLES), { ...before_, findings: before_.findings! + 1 });
  });

  test('a record an editor has moved on is not changed by a re-import', async () => {
    const row = distinct.find(
      (r) => r.investigative_findings === 'No Sustained Findings' && r.officer_id !== 'NA',
    )!;
    const a = (await allegation(t.db, keyOf(row)))!;
    const incidents = await linksOf(t.db, 'incident');
    await t.db
      .updateTable('allegations')
      .set({ publication_state: 'in_review' })
      .where('id', '=', a.id as string)
      .execute();
    await t.db
      .updateTable('incidents')
      .set({ publication_state: 'published', published_at: new Date().toISOString() })
      .where('id', '=', incidents.get(row.complaint_id!)!)
      .execute();
    const changed = rowsOf(someComplaints(50, row)).map((r) =>
      r === row
        ? { ...r, investigative_findings: 'Sustained Finding', disciplinary_findings: 'Training/Counseling' }
        : r,
    );
    await importOk(t.db, findingFormat, asFindings(changed));
    assert.deepEqual(await allegation(t.db, keyOf(row)), a);
    const before_ = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incidents.get(row.complaint_id!)!)
      .executeTakeFirstOrThrow();
    const fifty = new Set(someComplaints(50, row));
    const rewritten = complaints
      .filter((c) => fifty.has(c.complaint_id!))
      .map((c): CsvRow =>
        c.complaint_id === row.complaint_id ? { ...c, summary: 'Rewritten', district_occurrence: '0100' } : c,
      );
    await importOk(t.db, complaintFormat, asComplaints(rewritten));
    const after_ = await t.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', before_.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after_, before_);
  });

  test('a bad row in the middle leaves the database unchanged and the report names it', async () => {
    const proven = async () =>
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM allegations WHERE status_code = 'misconduct_proven'`.execute(t.db)
      ).rows[0]!.n;
    const before_ = { ...(await tableCounts(t.db, TABLES)), proven: await proven() };
    // 2,400 rows: the first batch of 1,000 is written before the bad row is read, then rolled back.
    const rows = findings.slice(0, 2400).map((r, i) =>
      i === 1200
        ? { ...r, officer_id: 'X1234567' }
        : {
            ...r,
            investigative_findings: r.investigative_findings!.replace(
              'No Sustained Findings',
              'Sustained Finding',
            ),
          },
    );
    const r = await runImport(t.db, findingFormat, asFindings(rows), opts);
    assert.equal(r.status, 'failed');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]),
      [[1202, 'officer_id']],
    );
    assert.deepEqual({ ...(await tableCounts(t.db, TABLES)), proven: await proven() }, before_);
  });

  test('hostile files: refused with the reason, or imported exactly', async () => {
    const base = await tableCounts(t.db, TABLES);
    const refused: [ImportFormat<unknown, unknown>, string | Buffer, RegExp][] = [
      [
        complaintFormat,
        'complaint_id,complainant_sex,complainant_race,complainant_age\n16-0001,male,black,30\n',
        /header lacks/,
      ],
      [
        findingFormat,
        toCsv([{ ...findings[0]!, investigative_findings: 'Sustained' }]),
        /unknown value "Sustained"/,
      ],
      [findingFormat, toCsv([{ ...findings[0]!, officer_id: '1234567A' }]), /officer id/],
      [complaintFormat, toCsv([{ ...complaints[0]!, date_received: '1-19-2016' }]), /not a date/],
      [
        complaintFormat,
        Buffer.from(toCsv([{ ...complaints[0]!, summary: 'At the café.' }]), 'latin1'),
        /--encoding latin1/,
      ],
    ];
    for (const [format, content, why] of refused) {
      const r = await runImport(t.db, format, files.file('x.csv', content), opts);
      assert.equal(r.status, 'failed', String(why));
      assert.match(r.errors[0]!.message, why);
    }
    assert.deepEqual(await tableCounts(t.db, TABLES), base);
    // Accepted: a BOM with quotes and line breaks in the summary; Latin-1 (Windows-1252) when asked.
    const tricky: CsvRow = { ...complaints[1]!, summary: 'They said "stop",\nthen left.' };
    await importOk(t.db, complaintFormat, files.file('c.csv', `\uFEFF${toCsv([tricky])}`));
    const latin: CsvRow = { ...complaints[2]!, summary: 'At the café, the officer’s reply.' };
    await importOk(
      t.db,
      complaintFormat,
      files.file('c.csv', Buffer.from(toCsv([latin]).replace('’', '\x92'), 'latin1')),
      {
        ...opts,
        encoding: 'latin1',
      },
    );
    const got = await t.db
      .selectFrom('incidents')
      .select(['slug', 'summary'])
      .where('slug', 'in', [`ppd-complaint-${tricky.complaint_id}`, `ppd-complaint-${latin.complaint_id}`])
      .orderBy('slug')
      .execute();
    assert.deepEqual(
      got.map((g) => g.summary),
      ['They said "stop",\nthen left.', 'At the café, the officer’s reply.'],
    );
    assert.deepEqual(await tableCounts(t.db, TABLES), base);
  });
});

describe('Philadelphia files in either order, beside the Washington Post’s agencies', () => {
  let forward: TestDatabase;
  let backward: TestDatabase;
  before(async () => {
    [forward, backward] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await importOk(
      backward.db,
      wapoAgencies as ImportFormat<unknown, unknown>,
      path.resolve('test/fixtures/wapo-fatal-force-v2/fatal-police-shootings-agencies.csv'),
    );
    // The complaints of 2016 (a fifth of the files) and all their findings: enough to show order
    // does not matter, at a fifth of the time.
    const year = complaints.filter((c) => c.complaint_id!.startsWith('16-'));
    const subset: [ImportFormat<unknown, unknown>, string][] = [
      [complaintFormat, asComplaints(year)],
      [findingFormat, asFindings(rowsOf(year.map((c) => c.complaint_id!)))],
    ];
    await load(forward.db, subset);
    await load(backward.db, [...subset].reverse());
  });
  after(async () => {
    await forward.close();
    await backward.close();
  });

  test('findings before complaints gives the same records (placeholders are filled in)', async () => {
    const state = async (db: Db) => {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT i.slug, i.title, i.summary, i.place, i.occurred_on, a.summary AS allegation, a.status_code,
          a.reported_on, o.slug AS officer, f.outcome_code, s.sanction_code, u.name AS unit
        FROM allegations a JOIN incidents i ON i.id = a.incident_id
        LEFT JOIN officers o ON o.id = a.officer_id LEFT JOIN findings f ON f.allegation_id = a.id
        LEFT JOIN sanctions s ON s.finding_id = f.id
        LEFT JOIN incident_units iu ON iu.incident_id = i.id LEFT JOIN units u ON u.id = iu.unit_id
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12`.execute(db);
      return rows;
    };
    assert.deepEqual(await state(backward.db), await state(forward.db));
    // The same records, bar what the Post's agencies file added (its forces and their dataset ids).
    const philadelphia = async (db: Db) => {
      const { dataset_records: _, ...rest } = await tableCounts(db, TABLES);
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM dataset_records d
        JOIN sources s ON s.id = d.source_id WHERE s.publisher LIKE 'Philadelphia%'`.execute(db);
      return { ...rest, links: Number(rows[0]!.n) };
    };
    assert.deepEqual(await philadelphia(backward.db), await philadelphia(forward.db));
  });

  test('the department is the one force the Post’s agencies file made', async () => {
    const { rows } = await sql<{ slug: string; agency_type: string; n: string }>`
      SELECT f.slug, f.agency_type, count(i.id) AS n FROM forces f JOIN incidents i ON i.force_id = f.id
      GROUP BY 1, 2`.execute(backward.db);
    assert.deepEqual(
      rows.map((r) => [r.slug, r.agency_type, Number(r.n)]),
      [
        [
          'us-pa-philadelphia-police-department',
          'local_police',
          complaints.filter((c) => c.complaint_id!.startsWith('16-')).length,
        ],
      ],
    );
    const { rows: links } = await sql<{ n: string }>`SELECT count(*) AS n FROM dataset_records
      WHERE record_kind = 'force' AND entity_id = (SELECT id FROM forces WHERE slug = 'us-pa-philadelphia-police-department')`.execute(
      backward.db,
    );
    assert.equal(Number(links[0]!.n), 1, 'the Post’s agency id maps to the same force');
  });
});

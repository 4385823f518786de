// Findings and sanctions through the generic CSV format: the worked example's outcomes against an
// independent reading of the CSV and the mapping; a newer file that withdraws, changes and adds
// outcomes (never on a published allegation); the criminal track; rows and mappings that would
// file an outcome wrongly, each refused with its place.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Db } from '../db/client.ts';
import { sql } from '../db/kysely.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import {
  countRows,
  grouped,
  markPublished,
  parseCsv,
  scratch,
  tally,
  testDatabaseFor,
} from '../../test/helpers/imports.ts';
import { FormatSettingsError, runImport } from './framework.ts';
import { formatFor } from './formats/index.ts';

const DIR = path.resolve('test/fixtures/generic');
const CSV = fs.readFileSync(path.join(DIR, 'outcomes.csv'), 'utf8');
const MAPPING_TEXT = fs.readFileSync(path.join(DIR, 'mapping.json'), 'utf8');
const MAPPING = JSON.parse(MAPPING_TEXT);
const ROWS = parseCsv(CSV);
const OUTCOMES: Record<string, string | null> = MAPPING.records.finding.fields.outcome.values;
const SANCTIONS: Record<string, string> = MAPPING.records.sanction.fields.sanction.values;
const files = scratch('generic-outcomes');
const mappingWith = (change: (m: typeof MAPPING) => void) => {
  const m = structuredClone(MAPPING);
  change(m);
  return JSON.stringify(m);
};
const importCsv = (db: () => Db, csv: string, mapping = MAPPING_TEXT) =>
  runImport(db(), formatFor('generic', { mapping }), files.file('outcomes.csv', csv), {
    actor: 'test:import',
  });
/** UK DD/MM/YYYY as ISO. */
const iso = (uk: string) => uk.split('/').reverse().join('-');

/** Each allegation's finding and sanction, by the allegation's summary. */
async function outcomesBySummary(db: Db) {
  const { rows } = await sql<Record<string, string | null>>`
    SELECT a.summary, f.outcome_taxonomy, f.outcome_code, f.track, f.forum, f.deciding_body,
      f.decided_on::text AS decided_on, s.sanction_taxonomy, s.sanction_code, s.imposed_on::text AS imposed_on
    FROM findings f JOIN allegations a ON a.id = f.allegation_id
    LEFT JOIN sanctions s ON s.finding_id = f.id ORDER BY a.summary`.execute(db);
  return new Map(rows.map((r) => [r.summary!, r]));
}

describe('the worked example: findings and sanctions', () => {
  const t = testDatabaseFor();

  test('import with the counts, codes and dates an independent reading of the CSV gives', async () => {
    const r = await importCsv(() => t.db, CSV);
    assert.equal(r.status, 'imported', JSON.stringify(r.errors));
    const decided = ROWS.filter((row) => OUTCOMES[row.Outcome!]);
    const penalised = decided.filter((row) => SANCTIONS[row.Sanction!]);
    assert.ok(decided.length >= 5 && penalised.length >= 3 && decided.length < ROWS.length);
    assert.deepEqual(r.records.finding, { created: decided.length, updated: 0 });
    assert.deepEqual(r.records.sanction, { created: penalised.length, updated: 0 });
    assert.deepEqual(
      await grouped(t.db, 'SELECT outcome_code AS k, count(*) AS n FROM findings GROUP BY 1'),
      tally(decided, (row) => OUTCOMES[row.Outcome!]!),
    );
    assert.deepEqual(
      await grouped(t.db, 'SELECT sanction_code AS k, count(*) AS n FROM sanctions GROUP BY 1'),
      tally(penalised, (row) => SANCTIONS[row.Sanction!]!),
    );
    const got = await outcomesBySummary(t.db);
    for (const row of decided) {
      const f = got.get(row.Allegation!)!;
      const date = MAPPING.missing.includes(row.Decided) ? null : iso(row.Decided!);
      assert.deepEqual(
        [f.outcome_code, f.outcome_taxonomy, f.track, f.deciding_body, f.decided_on],
        [
          OUTCOMES[row.Outcome!],
          'ew_conduct_findings_2020',
          'conduct',
          'Example Police misconduct panel',
          date,
        ],
        row.Allegation,
      );
      assert.equal(
        f.forum,
        row.Outcome === 'Proven - gross misconduct' ? 'misconduct_hearing' : 'misconduct_meeting',
      );
      const sanction = SANCTIONS[row.Sanction!] ?? null;
      assert.deepEqual(
        [f.sanction_code, f.sanction_taxonomy, f.imposed_on],
        sanction ? [sanction, 'ew_conduct_sanctions_2020', date] : [null, null, null],
      );
    }
    // The finding is its own record beside the allegation's status (rule R2), which the same column also gave.
    assert.equal(got.get('Unnecessary force during the arrest')!.sanction_code, 'dismissal_without_notice');
    assert.equal(got.get('Failed to attend a reported burglary')!.decided_on, null);
  });

  test('a newer file withdraws a finding and a sanction, changes one, adds one; a published allegation keeps its own', async () => {
    const published = await t.db
      .selectFrom('allegations')
      .select('id')
      .where('summary', '=', 'Unnecessary force during the arrest')
      .executeTakeFirstOrThrow();
    await markPublished(t.db, 'allegations', [published.id]);
    const before = await outcomesBySummary(t.db);
    const newer = CSV.replace('Proven,14/09/2023,Written warning,', 'Proven,14/09/2023,N/A,')
      .replace(
        'Failed to attend a reported burglary,Delivery of duties,Duties,Not proven,Not recorded,',
        'Failed to attend a reported burglary,Delivery of duties,Duties,No case to answer,N/A,',
      )
      .replace('Final written warning', 'Written warning')
      .replace(
        'Did not record seized property,Delivery of duties,Duties;Honesty,No case to answer,N/A,N/A,',
        'Did not record seized property,Delivery of duties,Duties;Honesty,Proven,01/06/2024,Written warning,',
      )
      .replace('Force,Proven - gross misconduct,02/02/2024,Dismissed,', 'Force,Not proven,02/02/2024,N/A,');
    assert.equal(parseCsv(newer).length, ROWS.length);
    const r = await importCsv(() => t.db, newer);
    assert.equal(r.status, 'imported', JSON.stringify(r.errors));
    const after = await outcomesBySummary(t.db);
    assert.equal(after.has('Failed to attend a reported burglary'), false, 'finding withdrawn');
    assert.equal(
      after.get('Discriminatory remark during the search')!.sanction_code,
      null,
      'sanction withdrawn',
    );
    assert.equal(
      after.get('Inaccurate account of the arrest in the notebook')!.sanction_code,
      'written_warning',
    );
    assert.deepEqual(
      [
        after.get('Did not record seized property')!.outcome_code,
        after.get('Did not record seized property')!.sanction_code,
      ],
      ['misconduct_proven', 'written_warning'],
    );
    assert.deepEqual(
      after.get('Unnecessary force during the arrest'),
      before.get('Unnecessary force during the arrest'),
    );
    assert.equal(await countRows(t.db, 'findings'), before.size);
    const dump = await dumpDatabase(t.db);
    assert.equal((await importCsv(() => t.db, newer)).status, 'unchanged');
    assert.equal(await dumpDatabase(t.db), dump);
  });
});

describe('the criminal track', () => {
  const t = testDatabaseFor();

  test("a court's outcomes and sentences are filed under the criminal taxonomies", async () => {
    const criminal = mappingWith((m) => {
      m.records.finding.fields.track = { constant: 'criminal' };
      m.records.finding.fields.forum = { constant: 'crown_court' };
      m.records.finding.fields.deciding_body = { constant: 'Example Crown Court' };
      m.records.finding.fields.outcome.values = {
        Proven: 'convicted_after_trial',
        'Proven - gross misconduct': 'convicted_on_guilty_plea',
        'Not proven': 'acquitted',
      };
      m.records.finding.fields.outcome.otherwise = null;
      m.records.sanction.fields.sanction.values = {
        'Written warning': 'fine',
        'Final written warning': 'community_order',
        Dismissed: 'custodial_sentence',
        'Reflective practice': 'discharge',
      };
    });
    const r = await importCsv(() => t.db, CSV, criminal);
    assert.equal(r.status, 'imported', JSON.stringify(r.errors));
    assert.deepEqual(
      await grouped(
        t.db,
        `SELECT track || ' ' || forum || ' ' || outcome_taxonomy AS k, count(*) AS n FROM findings GROUP BY 1`,
      ),
      new Map([['criminal crown_court ew_criminal_outcomes_v1', r.records.finding!.created]]),
    );
    assert.deepEqual(
      await grouped(t.db, 'SELECT sanction_code AS k, count(*) AS n FROM sanctions GROUP BY 1'),
      new Map([
        ['fine', 1],
        ['community_order', 1],
        ['custodial_sentence', 1],
        ['discharge', 1],
      ]),
    );
  });
});

describe('outcomes that would be filed wrongly are refused', () => {
  const t = testDatabaseFor();
  const problems = (mapping: string) => {
    try {
      formatFor('generic', { mapping });
    } catch (err) {
      assert.ok(err instanceof FormatSettingsError, String(err));
      return err.problems;
    }
    assert.fail('the mapping was accepted');
  };

  test('a mapping: a sanction without a finding, a finding without its outcome or deciding body', () => {
    assert.deepEqual(problems(mappingWith((m) => delete m.records.finding)), [
      'records.sanction: a sanction follows a finding: add records.finding',
    ]);
    assert.deepEqual(
      problems(
        mappingWith((m) => {
          delete m.records.finding.fields.outcome;
          delete m.records.finding.fields.deciding_body;
          m.records.finding.id = 'Case ref';
          m.records.finding.fields.forum = { constant: 'pub' };
        }),
      ),
      ['records.finding: Unrecognized key: "id"'],
    );
    const p = problems(
      mappingWith((m) => {
        delete m.records.finding.fields.outcome;
        delete m.records.finding.fields.deciding_body;
        m.records.finding.fields.forum = { constant: 'pub' };
        m.records.sanction.fields.salary_lost = 'Sanction';
      }),
    );
    assert.deepEqual(p.slice(0, 3), [
      'records.finding.fields.outcome: must be mapped (a finding without it says nothing)',
      'records.finding.fields.deciding_body: must be mapped (a finding without it says nothing)',
      'records.finding.fields.forum: "pub" is not one of the codes: misconduct_meeting, misconduct_hearing, accelerated_hearing, police_appeals_tribunal, magistrates_court, crown_court, court_of_appeal, other',
    ]);
    assert.match(p[3]!, /^records\.sanction\.fields\.salary_lost: Custodiet never stores this/);
  });

  test('rows: a sanction where nothing was decided, and an outcome of the wrong track, name their cells', async () => {
    const before = await dumpDatabase(t.db);
    const bad = CSV.replace(
      "Grabbed a child's arm without need,Use of force,Force,Under investigation,N/A,N/A,",
      "Grabbed a child's arm without need,Use of force,Force,Under investigation,N/A,Written warning,",
    );
    const wrongTrack = mappingWith(
      (m) => (m.records.finding.fields.outcome.values['Not proven'] = 'acquitted'),
    );
    const r = await importCsv(() => t.db, bad, wrongTrack);
    assert.equal(r.status, 'failed');
    const lines = parseCsv(CSV).map((row, i) => [row, i + 2] as const);
    const notProven = lines.filter(([row]) => row.Outcome === 'Not proven').map(([, line]) => line);
    const child = lines.find(([row]) => row['Case ref'] === 'EX-003')![1];
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [...notProven.map((l) => [l, 'Outcome']), [child, 'Sanction']].sort(
        (a, b) => Number(a[0]) - Number(b[0]),
      ),
    );
    const messages = r.errors.map((e) => e.message).join('\n');
    assert.match(
      messages,
      /"acquitted" is not an outcome of the conduct track: misconduct_proven, gross_misconduct_proven/,
    );
    assert.match(messages, /a sanction needs a finding, and this row has no outcome/);
    assert.equal(await dumpDatabase(t.db), before);
  });

  test("a force whose jurisdiction has no such outcomes: Scotland's findings, a US criminal track", async () => {
    const before = await dumpDatabase(t.db);
    const scotland = await importCsv(
      () => t.db,
      CSV,
      mappingWith((m) => (m.force = 'police-scotland')),
    );
    assert.equal(scotland.status, 'failed');
    assert.match(
      scotland.errors[0]!.message,
      /Findings cannot be imported for a force in scotland: .* will not file them under another country's regulations/,
    );
    const us = await importCsv(
      () => t.db,
      CSV,
      mappingWith((m) => {
        m.force = 'Example Police Department, PA';
        delete m.records.officer.fields.rank;
        delete m.records.allegation.fields.iopc_category;
        delete m.records.allegation.fields.standards;
        m.records.finding.fields.track = {
          column: 'Outcome',
          values: { Proven: 'criminal' },
          otherwise: 'conduct',
        };
        m.records.finding.fields.outcome.values = { Proven: 'sustained', 'Not proven': 'not_sustained' };
        m.records.finding.fields.outcome.otherwise = null;
      }),
    );
    assert.equal(us.status, 'failed');
    assert.match(
      us.errors[0]!.message,
      /records\.finding\.fields\.track: "criminal" has no outcomes for this force's jurisdiction \(tracks: conduct\)/,
    );
    assert.equal(await countRows(t.db, 'findings'), 0);
    assert.equal(await countRows(t.db, 'allegations'), 0);
    assert.ok(before.length > 0);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeFinding } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { saveAllegation, saveFinding, saveSanction } from './service.ts';

describe('allegations, findings and sanctions', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  const standardsOf = async (id: string) =>
    (
      await t.db
        .selectFrom('allegation_standards')
        .select('standard_code')
        .where('allegation_id', '=', id)
        .orderBy('standard_code')
        .execute()
    ).map((r) => r.standard_code);

  test('are three separate rows, each with its own date and decision-maker (R2)', async () => {
    const finding = await makeFinding(t.db, { outcome: 'gross_misconduct_proven', decidedOn: '2025-06-26' });
    const sanction = await inTransaction(t.db, (trx) =>
      saveSanction(trx, ACTOR, {
        findingId: finding.id,
        sanctionTaxonomy: 'ew_conduct_sanctions_2020',
        sanction: 'dismissal_without_notice',
        imposedOn: '2025-06-26',
      }),
    );
    const allegation = await t.db
      .selectFrom('allegations')
      .selectAll()
      .where('id', '=', finding.allegation_id)
      .executeTakeFirstOrThrow();
    assert.equal(allegation.status_code, 'reported', 'a finding does not silently rewrite the allegation');
    assert.equal(sanction.finding_id, finding.id);
  });

  test('standards are kept exactly as given, and changes are audited', async () => {
    const a = await makeAllegation(t.db, { standards: ['honesty_integrity', 'equality_diversity'] });
    assert.deepEqual(await standardsOf(a.id), ['equality_diversity', 'honesty_integrity']);
    await inTransaction(t.db, (trx) =>
      saveAllegation(
        trx,
        ACTOR,
        {
          incidentId: a.incident_id,
          officerId: a.officer_id!,
          summary: a.summary,
          status: 'case_to_answer',
          standards: ['honesty_integrity', 'use_of_force'],
        },
        a.id,
      ),
    );
    assert.deepEqual(await standardsOf(a.id), ['honesty_integrity', 'use_of_force']);
    const actions = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', 'like', `${a.id}%`)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      actions.map((r) => `${r.entity_type}:${r.action}`),
      [
        'allegations:create',
        'allegation_standards:link',
        'allegation_standards:link',
        'allegations:update',
        'allegation_standards:unlink',
        'allegation_standards:link',
      ],
    );
  });

  test('an unknown Standard is refused by the database', async () => {
    await assert.rejects(
      inTransaction(t.db, (trx) => makeAllegation(trx, { standards: ['being_rude'] })),
      (e: unknown) => isAppError(e) && e.code === 'CUS_UNKNOWN_TAXONOMY_CODE',
    );
  });

  test('an appeal finding supersedes an earlier one on the same allegation only', async () => {
    const first = await makeFinding(t.db, { outcome: 'gross_misconduct_proven' });
    const appeal = await inTransaction(t.db, (trx) =>
      saveFinding(trx, ACTOR, {
        allegationId: first.allegation_id,
        track: 'conduct',
        forum: 'police_appeals_tribunal',
        decidingBody: 'Police Appeals Tribunal',
        outcomeTaxonomy: 'ew_conduct_appeal_outcomes_2020',
        outcome: 'appeal_allowed_finding_overturned',
        decidedOn: '2025-10-04',
        supersedesFindingId: first.id,
      }),
    );
    assert.equal(appeal.supersedes_finding_id, first.id);
    const other = await makeFinding(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveFinding(trx, ACTOR, {
          allegationId: other.allegation_id,
          track: 'conduct',
          forum: 'police_appeals_tribunal',
          decidingBody: 'PAT',
          outcomeTaxonomy: 'ew_conduct_appeal_outcomes_2020',
          outcome: 'appeal_dismissed',
          decidedOn: '2025-10-04',
          supersedesFindingId: first.id,
        }),
      ),
      (e: unknown) => isAppError(e) && e.fields[0]?.field === 'supersedesFindingId',
    );
  });

  test('a criminal outcome cannot be recorded on the conduct track', async () => {
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        makeFinding(trx, {
          track: 'conduct',
          outcomeTaxonomy: 'ew_criminal_outcomes_v1',
          outcome: 'acquitted',
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_UNKNOWN_TAXONOMY_CODE',
    );
  });
});

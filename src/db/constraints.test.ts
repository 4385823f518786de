import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from './kysely.ts';
import { saveAllegation, saveFinding, saveSanction } from '../allegations/service.ts';
import { inTransaction } from '../audit/records.ts';
import { isAppError } from '../errors/catalogue.ts';
import { saveOfficerIdentifier } from '../officers/service.ts';
import { savePerson } from '../people/service.ts';
import { saveClaim } from '../sources/service.ts';
import {
  ACTOR,
  makeAllegation,
  makeIncident,
  makeOfficer,
  makeSource,
  met,
} from '../../test/helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { translateDbError } from './errors.ts';

/** Asserts that fn fails with the stable error code. */
async function rejectsWith(code: string, fn: () => Promise<unknown>) {
  await assert.rejects(fn, (err: unknown) => {
    assert.ok(isAppError(err), `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

/** Asserts that raw SQL is refused by the database itself and maps to the stable code. */
async function dbRefuses(t: TestDatabase, code: string, query: ReturnType<typeof sql>) {
  await assert.rejects(query.execute(t.db), (err: unknown) => {
    assert.equal(translateDbError(err)?.code, code, `database error ${(err as Error).message}`);
    return true;
  });
}

describe('the database rejects impossible states', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('an allegation without an incident', async () => {
    await dbRefuses(
      t,
      'CUS_ALLEGATION_NEEDS_INCIDENT',
      sql`INSERT INTO allegations (unidentified_officer, summary, status_code) VALUES ('x', 'y', 'reported')`,
    );
    await dbRefuses(
      t,
      'CUS_ALLEGATION_NEEDS_INCIDENT',
      sql`INSERT INTO allegations (incident_id, unidentified_officer, summary, status_code) VALUES (gen_random_uuid(), 'x', 'y', 'reported')`,
    );
    await rejectsWith('CUS_ALLEGATION_NEEDS_INCIDENT', () =>
      inTransaction(t.db, (trx) =>
        saveAllegation(trx, ACTOR, {
          incidentId: crypto.randomUUID(),
          unidentifiedOfficer: 'A sergeant',
          summary: 's',
          status: 'reported',
        }),
      ),
    );
  });

  test('a finding without an allegation', async () => {
    await dbRefuses(
      t,
      'CUS_FINDING_NEEDS_ALLEGATION',
      sql`INSERT INTO findings (track, forum, deciding_body, outcome_taxonomy, outcome_code, decided_on)
          VALUES ('conduct', 'misconduct_hearing', 'panel', 'ew_conduct_findings_2020', 'not_proven', '2024-01-01')`,
    );
    await rejectsWith('CUS_FINDING_NEEDS_ALLEGATION', () =>
      inTransaction(t.db, (trx) =>
        saveFinding(trx, ACTOR, {
          allegationId: crypto.randomUUID(),
          track: 'conduct',
          forum: 'misconduct_hearing',
          decidingBody: 'panel',
          outcomeTaxonomy: 'ew_conduct_findings_2020',
          outcome: 'not_proven',
          decidedOn: '2024-01-01',
        }),
      ),
    );
  });

  test('a sanction without a finding', async () => {
    await rejectsWith('CUS_SANCTION_NEEDS_FINDING', () =>
      inTransaction(t.db, (trx) =>
        saveSanction(trx, ACTOR, {
          findingId: crypto.randomUUID(),
          sanctionTaxonomy: 'ew_conduct_sanctions_2020',
          sanction: 'written_warning',
          imposedOn: '2024-01-01',
        }),
      ),
    );
  });

  test('an unknown status code, and a code from the wrong taxonomy', async () => {
    const incident = await makeIncident(t.db);
    await rejectsWith('CUS_UNKNOWN_STATUS_LABEL', () =>
      inTransaction(t.db, (trx) =>
        saveAllegation(trx, ACTOR, {
          incidentId: incident.id,
          unidentifiedOfficer: 'A PC',
          summary: 's',
          status: 'guilty',
        }),
      ),
    );
    // dismissal_without_notice is a real code, but a sanction, not a status label.
    await dbRefuses(
      t,
      'CUS_UNKNOWN_STATUS_LABEL',
      sql`INSERT INTO allegations (incident_id, unidentified_officer, summary, status_taxonomy, status_code)
          VALUES (${incident.id}, 'x', 'y', 'ew_conduct_sanctions_2020', 'dismissal_without_notice')`,
    );
  });

  test('an overlapping shoulder number in one force, but not across forces or disjoint periods', async () => {
    const force = await met(t.db);
    const a = await makeOfficer(t.db);
    const b = await makeOfficer(t.db);
    const save = (officerId: string, validFrom: string, validTo?: string, forceId = force.id) =>
      inTransaction(t.db, (trx) =>
        saveOfficerIdentifier(trx, ACTOR, {
          officerId,
          forceId,
          identifierType: 'shoulder_number',
          identifier: '1234CW',
          validFrom,
          validTo,
        }),
      );
    await save(a.id, '2018-01-01', '2020-12-31');
    await rejectsWith('CUS_IDENTIFIER_OVERLAP', () => save(b.id, '2020-06-01'));
    // Case differences do not make a different number.
    await rejectsWith('CUS_IDENTIFIER_OVERLAP', () =>
      inTransaction(t.db, (trx) =>
        saveOfficerIdentifier(trx, ACTOR, {
          officerId: b.id,
          forceId: force.id,
          identifierType: 'shoulder_number',
          identifier: '1234cw',
          validFrom: '2019-01-01',
          validTo: '2019-02-01',
        }),
      ),
    );
    await save(b.id, '2021-01-01'); // reissued after the first holder's period
    const kent = await t.db
      .selectFrom('forces')
      .select('id')
      .where('slug', '=', 'kent')
      .executeTakeFirstOrThrow();
    await save(a.id, '2019-01-01', undefined, kent.id); // same number in another force
  });

  test('an allegation naming two officers at once, or none', async () => {
    const incident = await makeIncident(t.db);
    const officer = await makeOfficer(t.db);
    await dbRefuses(
      t,
      'CUS_ALLEGATION_NEEDS_OFFICER',
      sql`INSERT INTO allegations (incident_id, officer_id, unidentified_officer, summary, status_code) VALUES (${incident.id}, ${officer.id}, 'also', 'y', 'reported')`,
    );
    await dbRefuses(
      t,
      'CUS_ALLEGATION_NEEDS_OFFICER',
      sql`INSERT INTO allegations (incident_id, summary, status_code) VALUES (${incident.id}, 'y', 'reported')`,
    );
  });

  test('a child with a public name, whatever the path', async () => {
    await dbRefuses(
      t,
      'CUS_MINOR_NAMED',
      sql`INSERT INTO people (pseudonym, age_status, protected_identity, public_name, public_name_basis) VALUES ('Child X', 'minor', false, 'Real Name', 'basis')`,
    );
    await dbRefuses(
      t,
      'CUS_MINOR_NAMED',
      sql`INSERT INTO people (pseudonym, age_status, protected_identity, public_name, public_name_basis) VALUES ('Person', 'unknown', false, 'Real Name', 'basis')`,
    );
    await rejectsWith('CUS_MINOR_NAMED', () =>
      inTransaction(t.db, (trx) =>
        savePerson(trx, ACTOR, {
          pseudonym: 'Child Y',
          ageStatus: 'minor',
          protectedIdentity: false,
          publicName: 'N',
          publicNameBasis: 'b',
        }),
      ),
    );
    await dbRefuses(
      t,
      'CUS_SEXUAL_OFFENCE_ANONYMITY',
      sql`INSERT INTO people (pseudonym, age_status, protected_identity, sexual_offence_complainant, public_name, public_name_basis)
          VALUES ('Complainant A', 'adult', false, true, 'Real Name', 'basis')`,
    );
  });

  test('a date that contradicts its precision', async () => {
    await rejectsWith('CUS_VALIDATION', () =>
      makeIncident(t.db, { occurred: { on: '2024-05-17', precision: 'month' } }),
    );
    const force = await met(t.db);
    await dbRefuses(
      t,
      'CUS_INVALID_DATE',
      sql`INSERT INTO incidents (slug, title, summary, occurred_on, occurred_precision, force_id) VALUES ('bad-date', 't', 's', '2024-05-17', 'year', ${force.id})`,
    );
  });

  test('a claim about two records at once, or with neither passage nor note', async () => {
    const allegation = await makeAllegation(t.db);
    const source = await makeSource(t.db);
    await dbRefuses(
      t,
      'CUS_CLAIM_INVALID',
      sql`INSERT INTO claims (incident_id, allegation_id, source_id, passage_note) VALUES (${allegation.incident_id}, ${allegation.id}, ${source.id}, 'n')`,
    );
    await rejectsWith('CUS_VALIDATION', () =>
      inTransaction(t.db, (trx) =>
        saveClaim(trx, ACTOR, { subjectType: 'allegation', subjectId: allegation.id, sourceId: source.id }),
      ),
    );
  });

  test('a failed unit of work leaves nothing behind', async () => {
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM incidents`.execute(t.db)).rows[0]!.n;
    const auditCount = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.db)).rows[0]!.n;
    const [before, auditBefore] = [await count(), await auditCount()];
    await rejectsWith('CUS_ALLEGATION_NEEDS_INCIDENT', () =>
      inTransaction(t.db, async (trx) => {
        await makeIncident(trx);
        await saveAllegation(trx, ACTOR, {
          incidentId: crypto.randomUUID(),
          unidentifiedOfficer: 'x',
          summary: 's',
          status: 'reported',
        });
      }),
    );
    assert.equal(await count(), before);
    assert.equal(await auditCount(), auditBefore);
  });
});

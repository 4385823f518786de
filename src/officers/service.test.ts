import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeOfficer, met, uniq } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { findOfficersByIdentifier, getOfficerBySlug, getOfficerCareer } from './repository.ts';
import { saveOfficer, saveOfficerIdentifier, saveOfficerPosting, saveOfficerRank } from './service.ts';
import { saveUnit } from '../units/service.ts';

describe('officers', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('a reissued shoulder number resolves to the right officer for the date (R11)', async () => {
    const force = await met(t.db);
    const first = await makeOfficer(t.db, { publishedName: 'First Holder' });
    const second = await makeOfficer(t.db, { publishedName: 'Second Holder' });
    await inTransaction(t.db, async (trx) => {
      await saveOfficerIdentifier(trx, ACTOR, {
        officerId: first.id,
        forceId: force.id,
        identifierType: 'shoulder_number',
        identifier: '4321U',
        validFrom: '2015-01-01',
        validTo: '2019-12-31',
      });
      await saveOfficerIdentifier(trx, ACTOR, {
        officerId: second.id,
        forceId: force.id,
        identifierType: 'shoulder_number',
        identifier: '4321U',
        validFrom: '2020-01-01',
      });
    });
    const in2017 = await findOfficersByIdentifier(t.db, force.id, '4321u', '2017-06-01');
    assert.deepEqual(
      in2017.map((o) => o.published_name),
      ['First Holder'],
    );
    const in2022 = await findOfficersByIdentifier(t.db, force.id, '4321U', '2022-06-01');
    assert.deepEqual(
      in2022.map((o) => o.published_name),
      ['Second Holder'],
    );
    const ever = await findOfficersByIdentifier(t.db, force.id, '4321U');
    assert.equal(
      ever.length,
      2,
      'without a date, both holders are candidates: a number alone never identifies',
    );
  });

  test('rank history, postings and identifiers form the career record', async () => {
    const force = await met(t.db);
    const officer = await makeOfficer(t.db);
    const unit = await inTransaction(t.db, (trx) =>
      saveUnit(trx, ACTOR, { forceId: force.id, slug: uniq('unit'), name: 'Test Station', kind: 'station' }),
    );
    await inTransaction(t.db, async (trx) => {
      await saveOfficerRank(trx, ACTOR, {
        officerId: officer.id,
        rankCode: 'police_constable',
        validFrom: '2010-01-01',
        validTo: '2014-12-31',
      });
      await saveOfficerRank(trx, ACTOR, {
        officerId: officer.id,
        rankCode: 'sergeant',
        detective: true,
        validFrom: '2015-01-01',
      });
      await saveOfficerPosting(trx, ACTOR, {
        officerId: officer.id,
        unitId: unit.id,
        validFrom: '2015-01-01',
      });
    });
    const career = await getOfficerCareer(t.db, officer.id);
    assert.deepEqual(
      career.ranks.map((r) => [r.label, r.detective]),
      [
        ['Police Constable', false],
        ['Sergeant', true],
      ],
    );
    assert.deepEqual(
      career.postings.map((p) => p.name),
      ['Test Station'],
    );
  });

  test('bad input is refused field by field, and an unknown rank by the database', async () => {
    const force = await met(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveOfficer(trx, ACTOR, { forceId: force.id, slug: 'Not A Slug', publishedName: 'Line\nbreak' }),
      ),
      (e: unknown) =>
        isAppError(e) &&
        e.code === 'CUS_VALIDATION' &&
        e.fields.map((f) => f.field).join() === 'slug,publishedName',
    );
    const officer = await makeOfficer(t.db);
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveOfficerRank(trx, ACTOR, { officerId: officer.id, rankCode: 'field_marshal' }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_UNKNOWN_TAXONOMY_CODE',
    );
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveOfficerRank(trx, ACTOR, {
          officerId: officer.id,
          rankCode: 'sergeant',
          validFrom: '2020-01-01',
          validTo: '2019-01-01',
        }),
      ),
      (e: unknown) => isAppError(e) && e.fields[0]?.field === 'validTo',
    );
  });

  test('saving with the same id updates in place and keeps history', async () => {
    const force = await met(t.db);
    const slug = uniq('officer');
    const id = crypto.randomUUID();
    await inTransaction(t.db, (trx) =>
      saveOfficer(
        trx,
        ACTOR,
        { forceId: force.id, slug, publishedName: 'Jo Bloggs', serviceStatus: 'serving' },
        id,
      ),
    );
    await inTransaction(t.db, (trx) =>
      saveOfficer(
        trx,
        ACTOR,
        { forceId: force.id, slug, publishedName: 'Jo Bloggs', serviceStatus: 'dismissed' },
        id,
      ),
    );
    assert.equal((await getOfficerBySlug(t.db, slug))?.service_status, 'dismissed');
    const versions = await t.db
      .selectFrom('record_versions')
      .select('version')
      .where('entity_id', '=', id)
      .execute();
    assert.equal(versions.length, 2);
  });
});

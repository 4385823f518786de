import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, met, uniq } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { getForceBySlug, listForces } from '../forces/repository.ts';
import { getUnitBySlug, listUnitsOfForce } from './repository.ts';
import { saveStationAddress, saveUnit } from './service.ts';

describe('forces and units', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('all 43 territorial forces of England and Wales are present, keyed by police.uk id', async () => {
    const forces = await listForces(t.db);
    assert.equal(
      forces.filter((f) => f.jurisdiction === 'england_wales' && f.kind === 'territorial').length,
      43,
    );
    assert.equal((await getForceBySlug(t.db, 'metropolitan'))?.police_uk_id, 'metropolitan');
    assert.ok(forces.some((f) => f.slug === 'british-transport-police' && f.kind === 'special'));
  });

  test('a BCU contains stations; a unit cannot sit under itself, a descendant, or another force', async () => {
    const force = await met(t.db);
    const kent = (await getForceBySlug(t.db, 'kent'))!;
    const bcu = await inTransaction(t.db, (trx) =>
      saveUnit(trx, ACTOR, { forceId: force.id, slug: uniq('bcu'), name: 'Central West', kind: 'bcu' }),
    );
    const station = await inTransaction(t.db, (trx) =>
      saveUnit(trx, ACTOR, {
        forceId: force.id,
        parentUnitId: bcu.id,
        slug: uniq('station'),
        name: 'Charing Cross',
        kind: 'station',
      }),
    );
    assert.equal((await getUnitBySlug(t.db, force.id, station.slug))?.parent_unit_id, bcu.id);
    assert.ok((await listUnitsOfForce(t.db, force.id)).length >= 2);
    const refuses = (input: Parameters<typeof saveUnit>[2], id?: string) =>
      assert.rejects(
        inTransaction(t.db, (trx) => saveUnit(trx, ACTOR, input, id)),
        (e: unknown) => isAppError(e) && e.fields[0]?.field === 'parentUnitId',
      );
    await refuses(
      { forceId: force.id, parentUnitId: station.id, slug: bcu.slug, name: bcu.name, kind: 'bcu' },
      bcu.id,
    );
    await refuses({
      forceId: kent.id,
      parentUnitId: bcu.id,
      slug: uniq('kent'),
      name: 'Kent unit',
      kind: 'team',
    });
    await refuses({
      forceId: force.id,
      parentUnitId: crypto.randomUUID(),
      slug: uniq('x'),
      name: 'x',
      kind: 'team',
    });
  });

  test('only a station can have a (public) address', async () => {
    const force = await met(t.db);
    const [station, team] = await inTransaction(t.db, async (trx) => [
      await saveUnit(trx, ACTOR, {
        forceId: force.id,
        slug: uniq('station'),
        name: 'A station',
        kind: 'station',
      }),
      await saveUnit(trx, ACTOR, { forceId: force.id, slug: uniq('team'), name: 'A team', kind: 'team' }),
    ]);
    await inTransaction(t.db, (trx) =>
      saveStationAddress(trx, ACTOR, {
        unitId: station.id,
        addressLine: '1 Example Street',
        postcode: 'wc2n 4jp',
      }),
    );
    const row = await t.db
      .selectFrom('station_addresses')
      .selectAll()
      .where('unit_id', '=', station.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.postcode, 'WC2N 4JP');
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveStationAddress(trx, ACTOR, { unitId: team.id, addressLine: '2 Example Street' }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_REFERENCE_MISSING',
    );
    await assert.rejects(sql`UPDATE station_addresses SET unit_kind = 'team'`.execute(t.db));
  });
});

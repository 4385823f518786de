import { sql } from '../db/kysely.ts';
import type { Actor } from '../audit/history.ts';
import { recordChange } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import type { Unit } from './repository.ts';
import { stationAddressInput, unitInput, type StationAddressInput, type UnitInput } from './schema.ts';

/** Creates or updates a unit. A parent must belong to the same force and not create a cycle. */
export async function saveUnit(trx: Db, actor: Actor, input: UnitInput, id?: string): Promise<Unit> {
  const u = parseInput(unitInput, input);
  if (u.parentUnitId) await checkParent(trx, u.forceId, u.parentUnitId, id);
  return saveRecord(trx, actor, 'units', id, {
    force_id: u.forceId,
    parent_unit_id: u.parentUnitId ?? null,
    slug: u.slug,
    name: u.name,
    kind: u.kind,
    code: u.code ?? null,
    description: u.description ?? null,
    valid_from: u.validFrom ?? null,
    valid_to: u.validTo ?? null,
  });
}

async function checkParent(
  trx: Db,
  forceId: string,
  parentId: string,
  selfId: string | undefined,
): Promise<void> {
  const { rows } = await sql<{ id: string; force_id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, force_id, parent_unit_id, 1 AS depth FROM units WHERE id = ${parentId}
      UNION ALL
      SELECT u.id, u.force_id, u.parent_unit_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_unit_id
      WHERE up.depth < 50
    ) SELECT id, force_id FROM up`.execute(trx);
  const problem = (message: string) =>
    new AppError('CUS_VALIDATION', message, [{ field: 'parentUnitId', message }]);
  if (rows.length === 0) throw problem('the parent unit does not exist');
  if (rows[0]!.force_id !== forceId) throw problem('the parent unit belongs to another force');
  if (selfId && rows.some((r) => r.id === selfId)) throw problem('a unit cannot sit under itself');
}

/** Sets a station's public address (one per station). */
export async function saveStationAddress(trx: Db, actor: Actor, input: StationAddressInput): Promise<void> {
  const a = parseInput(stationAddressInput, input);
  const values = {
    address_line: a.addressLine,
    locality: a.locality ?? null,
    postcode: a.postcode ?? null,
    source_note: a.sourceNote ?? null,
  };
  const before = await trx
    .selectFrom('station_addresses')
    .selectAll()
    .where('unit_id', '=', a.unitId)
    .executeTakeFirst();
  const after = await trx
    .insertInto('station_addresses')
    .values({ unit_id: a.unitId, ...values })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(trx, actor, {
    action: before ? 'update' : 'create',
    entityType: 'station_addresses',
    entityId: a.unitId,
    before: before ?? null,
    after,
  });
}

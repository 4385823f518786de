// Hand-built records for matching tests: officers with numbers, ranks and units; records that came
// from a dataset (with the numbers the importer kept aside); whole-table snapshots to compare.
import crypto from 'node:crypto';
import { sql } from '../../src/db/kysely.ts';
import { inTransaction } from '../../src/audit/records.ts';
import type { Db } from '../../src/db/client.ts';
import { saveOfficerIdentifier, saveOfficerPosting, saveOfficerRank } from '../../src/officers/service.ts';
import { ACTOR, makeOfficer, met, uniq } from './factories.ts';

/** A dataset source with one imported file, as an import would have made them. */
export async function makeDataset(db: Db, title = uniq('Dataset')) {
  const source = await db
    .insertInto('sources')
    .values({ kind: 'dataset', publisher: 'Test publisher', title, licence: 'Test licence' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const file = await db
    .insertInto('dataset_files')
    .values({
      source_id: source.id,
      format: 'test-format',
      file_name: `${title}.csv`,
      sha256: crypto.randomBytes(32).toString('hex'),
      byte_size: 1,
      retrieved_on: '2026-11-01',
      rows_imported: 1,
      imported_by: ACTOR,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { sourceId: source.id, fileId: file.id, title };
}

/** Says a record came from a dataset row (with source fields, e.g. a star the importer could not attach). */
export async function linkToDataset(
  db: Db,
  ds: { sourceId: string; fileId: string },
  kind: 'officer' | 'incident',
  entityId: string,
  attributes: Record<string, string | null> = {},
) {
  await db
    .insertInto('dataset_records')
    .values({
      source_id: ds.sourceId,
      record_kind: kind,
      external_id: uniq('ext'),
      entity_id: entityId,
      first_file_id: ds.fileId,
      last_file_id: ds.fileId,
      attributes: JSON.stringify(attributes),
    })
    .execute();
}

export async function makeUnit(db: Db, name = uniq('Unit')) {
  const force = await met(db);
  return db
    .insertInto('units')
    .values({ force_id: force.id, slug: uniq('unit'), name, kind: 'team' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export interface OfficerSpec {
  name: string | null;
  numbers?: { type: string; value: string; from?: string; to?: string }[];
  ranks?: string[];
  units?: string[];
  forceId?: string;
}

/** An officer of the Met (or the force given) with numbers, ranks (ew_ranks_2025) and units. */
export async function makeMatchOfficer(db: Db, spec: OfficerSpec) {
  const forceId = spec.forceId ?? (await met(db)).id;
  const o = await makeOfficer(db, { forceId, publishedName: spec.name ?? undefined });
  await inTransaction(db, async (trx) => {
    for (const n of spec.numbers ?? [])
      await saveOfficerIdentifier(trx, ACTOR, {
        officerId: o.id,
        forceId,
        identifierType: n.type as 'badge_number',
        identifier: n.value,
        validFrom: n.from,
        validTo: n.to,
      });
    for (const code of spec.ranks ?? [])
      await saveOfficerRank(trx, ACTOR, { officerId: o.id, rankCode: code });
    for (const unitId of spec.units ?? []) await saveOfficerPosting(trx, ACTOR, { officerId: o.id, unitId });
  });
  return o;
}

/** Every row of the tables, in a fixed order, as JSON text: to compare states before and after. */
export async function tableStates(
  db: Db,
  tables: string[],
  omit: string[] = [],
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const { rows } = await sql<{
      j: Record<string, unknown>;
    }>`SELECT to_jsonb(x) AS j FROM ${sql.table(t)} x`.execute(db);
    out[t] = rows
      .map((r) => {
        for (const k of omit) delete r.j[k];
        return JSON.stringify(Object.fromEntries(Object.entries(r.j).sort(([a], [b]) => a.localeCompare(b))));
      })
      .sort();
  }
  return out;
}

/** The candidates of one kind, with their reason codes. */
export async function candidatesOf(db: Db, kind: 'officer' | 'incident') {
  const rows = await db.selectFrom('match_candidates').selectAll().where('kind', '=', kind).execute();
  return rows.map((r) => ({
    ...r,
    score: Number(r.score),
    codes: (r.reasons as { code: string; stance: string }[]).map((x) => `${x.stance}:${x.code}`),
  }));
}

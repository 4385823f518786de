import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { getForceBySlug, type Force } from './repository.ts';
import { forceInput, type ForceInput } from './schema.ts';

/** Creates or updates a force (forces are reference data; edits are rare and audited). */
export async function saveForce(trx: Db, actor: Actor, input: ForceInput, id?: string): Promise<Force> {
  const f = parseInput(forceInput, input);
  return saveRecord(trx, actor, 'forces', id, {
    slug: f.slug,
    name: f.name,
    short_name: f.shortName ?? null,
    jurisdiction: f.jurisdiction,
    kind: f.kind,
    police_uk_id: f.policeUkId ?? null,
    website: f.website ?? null,
  });
}

/** The force with this slug, or a 422 naming the unknown slug. */
export async function requireForce(db: Db, slug: string): Promise<Force> {
  const force = await getForceBySlug(db, slug);
  if (!force)
    throw new AppError('CUS_REFERENCE_MISSING', `Unknown force '${slug}'`, [
      { field: 'force', message: 'unknown force' },
    ]);
  return force;
}

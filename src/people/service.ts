import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { parseInput } from '../schema/common.ts';
import { personInput, type PersonInput } from './schema.ts';

/**
 * Creates or updates a person. The rules are checked here for a clear message and again by
 * the database, which refuses the same states whatever path a write takes.
 */
export async function savePerson(trx: Db, actor: Actor, input: PersonInput, id?: string) {
  const p = parseInput(personInput, input);
  if (p.publicName) {
    if (p.ageStatus !== 'adult') {
      throw new AppError('CUS_MINOR_NAMED', undefined, [
        { field: 'publicName', message: 'a child or a person of unknown age is never named' },
      ]);
    }
    if (p.protectedIdentity) {
      throw new AppError('CUS_PROTECTED_IDENTITY', undefined, [
        { field: 'publicName', message: 'untick "protected identity" first, with a recorded basis' },
      ]);
    }
    if (!p.publicNameBasis) {
      throw new AppError('CUS_VALIDATION', 'A public name needs a recorded basis', [
        { field: 'publicNameBasis', message: 'is required with a public name' },
      ]);
    }
  }
  return saveRecord(trx, actor, 'people', id, {
    pseudonym: p.pseudonym,
    official_pseudonym: p.officialPseudonym,
    age_status: p.ageStatus,
    vulnerable: p.vulnerable,
    protected_identity: p.protectedIdentity,
    sexual_offence_complainant: p.sexualOffenceComplainant,
    sexual_offence_waiver: p.sexualOffenceWaiver,
    deceased: p.deceased,
    public_name: p.publicName ?? null,
    public_name_basis: p.publicNameBasis ?? null,
  });
}

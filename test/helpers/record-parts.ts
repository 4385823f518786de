// The people and places of the public-page test graph (see records.ts): a command unit and a
// station with an address, a published officer with a career, an unpublished officer, and the
// complainant, child and witness of an incident.
import crypto from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { addIncidentPerson } from '../../src/incidents/service.ts';
import { saveOfficerIdentifier, saveOfficerPosting, saveOfficerRank } from '../../src/officers/service.ts';
import { setPersonIdentity } from '../../src/people/identity-repository.ts';
import { testVault } from './app.ts';
import { savePerson } from '../../src/people/service.ts';
import { saveStationAddress, saveUnit } from '../../src/units/service.ts';
import { ACTOR, makeOfficer, met, uniq } from './factories.ts';

/** The text for one field of the graph. */
export type Text = (field: string) => string;

/** Plain, readable text: "Incident title", "Officer name"… */
export const plain: Text = (field) => field.charAt(0).toUpperCase() + field.slice(1);

/** A name that must never appear on a public page: the unpublished officer's. */
export const HIDDEN_OFFICER = 'Secret Draftname';
/** A child's real name, held only in the restricted identity store. */
export const CHILD_REAL_NAME = 'Realname Childperson';
/** A personnel number, which is personal and never shown. */
export const WARRANT_NUMBER = 'W777111';
/** The hash of the archived copy of the finding's source. */
export const ARCHIVE_SHA = 'ab'.repeat(32);

function digits(n: number): string {
  return Array.from({ length: n }, () => crypto.randomInt(10)).join('');
}

export async function units(trx: Db, text: Text) {
  const force = await met(trx);
  const bcu = await saveUnit(trx, ACTOR, {
    forceId: force.id,
    slug: uniq('bcu'),
    name: text('command unit name'),
    kind: 'bcu',
    description: text('command unit description'),
  });
  const station = await saveUnit(trx, ACTOR, {
    forceId: force.id,
    parentUnitId: bcu.id,
    slug: uniq('station'),
    name: text('station name'),
    kind: 'station',
    description: text('station description'),
  });
  await saveStationAddress(trx, ACTOR, {
    unitId: station.id,
    addressLine: text('address line'),
    locality: text('locality'),
    postcode: 'SW1A 2AA',
    sourceNote: text('address source'),
  });
  return { force, bcu, station };
}

export async function officers(trx: Db, text: Text, forceId: string, stationId: string) {
  const officer = await makeOfficer(trx, { publishedName: text('officer name'), serviceStatus: 'dismissed' });
  await saveOfficerRank(trx, ACTOR, { officerId: officer.id, rankCode: 'sergeant', validFrom: '2019-04-01' });
  await saveOfficerPosting(trx, ACTOR, {
    officerId: officer.id,
    unitId: stationId,
    validFrom: '2019-04-01',
    validTo: '2021-03-31',
  });
  const shoulder = `${digits(4)}CW`;
  const cipher = `ZX${digits(3)}`;
  for (const [identifierType, identifier, validFrom, validTo] of [
    ['shoulder_number', shoulder, '2019-04-01', '2021-03-31'],
    ['cipher', cipher, undefined, undefined],
    ['warrant_number', `${WARRANT_NUMBER}${digits(3)}`, undefined, undefined],
  ] as const) {
    await saveOfficerIdentifier(trx, ACTOR, {
      officerId: officer.id,
      forceId,
      identifierType,
      identifier,
      validFrom,
      validTo,
    });
  }
  const hidden = await makeOfficer(trx, { publishedName: `${HIDDEN_OFFICER} ${digits(4)}` });
  return { officer, hidden, shoulder, cipher };
}

export async function people(trx: Db, text: Text, incidentId: string) {
  const adult = await savePerson(trx, ACTOR, {
    pseudonym: text('adult pseudonym'),
    ageStatus: 'adult',
    protectedIdentity: false,
    publicName: text('public name'),
    publicNameBasis: 'Named by the family and the courts.',
  });
  const child = await savePerson(trx, ACTOR, {
    pseudonym: text('child pseudonym'),
    ageStatus: 'minor',
    officialPseudonym: true,
  });
  await setPersonIdentity(trx, testVault, ACTOR, { personId: child.id, realName: CHILD_REAL_NAME });
  const witness = await savePerson(trx, ACTOR, { pseudonym: text('witness pseudonym'), ageStatus: 'adult' });
  for (const [id, role] of [
    [adult.id, 'complainant'],
    [child.id, 'victim'],
    [witness.id, 'witness'],
  ] as const)
    await addIncidentPerson(trx, ACTOR, incidentId, id, role);
}

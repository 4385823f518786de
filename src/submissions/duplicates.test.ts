// Duplicate suggestions for anonymous submissions: ranking, the date window, shoulder numbers
// held by different officers over time (R11), force restriction, and empty input. Every test
// uses its own year, places and numbers, so records made by other tests never interfere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { requireForce } from '../forces/service.ts';
import { addIncidentOfficer } from '../incidents/service.ts';
import { saveOfficerIdentifier } from '../officers/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeIncident, makeOfficer, met } from '../../test/helpers/factories.ts';
import { suggestDuplicates } from './duplicates.ts';

const day = (on: string) => ({ on, precision: 'day' as const });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('submissions: duplicate suggestions', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  /** An officer who held `identifier` in a force over a period. */
  async function holder(name: string, identifier: string, from?: string, to?: string, forceId?: string) {
    const force = forceId ?? (await met(t.db)).id;
    return inTransaction(t.db, async (trx) => {
      const officer = await makeOfficer(trx, { publishedName: name, forceId: force });
      await saveOfficerIdentifier(trx, ACTOR, {
        officerId: officer.id,
        forceId: force,
        identifierType: 'shoulder_number',
        identifier,
        validFrom: from,
        validTo: to,
      });
      return officer;
    });
  }

  test('an incident on the same date with a similar place ranks first; one 3 weeks away is not suggested', async () => {
    const sameDayAndPlace = await makeIncident(t.db, {
      title: 'Man searched at a station counter',
      place: 'Brixton Police Station, Brixton Road',
      occurred: day('2019-03-03'),
    });
    const sameDayOnly = await makeIncident(t.db, {
      title: 'Protest kettled for hours',
      place: 'Parliament Square',
      occurred: day('2019-03-03'),
    });
    const threeWeeks = await makeIncident(t.db, {
      title: 'Licensing raid on a nightclub',
      summary: 'Door staff were questioned during a licensing inspection.',
      place: 'Deansgate, Manchester',
      occurred: day('2019-03-24'),
    });
    const got = await suggestDuplicates(t.db, {
      occurredOn: '2019-03-03',
      place: 'Brixton police station',
      identifiers: [],
      text: 'I went in to report a lost wallet and the officer at the front desk shouted at me.',
    });
    assert.equal(got.incidents[0]?.id, sameDayAndPlace.id);
    assert.deepEqual(got.incidents[0]?.reasons, ['same date', 'place similar (0.81)']);
    assert.equal(got.incidents[0]?.publicationState, 'draft', 'moderators see drafts');
    assert.ok(ids(got.incidents).includes(sameDayOnly.id));
    assert.ok(got.incidents[0]!.score > got.incidents[1]!.score);
    assert.ok(!ids(got.incidents).includes(threeWeeks.id), '21 days apart, nothing else in common');
    assert.deepEqual(got.officers, []);
  });

  test('nearby dates say how far apart, a month contains the date, similar text alone is enough', async () => {
    const near = await makeIncident(t.db, {
      title: 'Cyclist stopped on a bridge',
      occurred: day('2018-07-12'),
    });
    const thatMonth = await makeIncident(t.db, {
      title: 'Angler moved on',
      place: "Regent's Canal towpath, Islington",
      occurred: { on: '2018-07-01', precision: 'month' },
    });
    const described = await makeIncident(t.db, {
      title: 'Teenager pushed against a shop window during a stop and search',
      summary: 'A 16-year-old was pushed against a shop window and searched; his friend filmed it.',
      occurred: { on: '2016-01-01', precision: 'year' },
    });
    const got = await suggestDuplicates(t.db, {
      occurredOn: '2018-07-10',
      place: "Regent's Canal towpath",
      identifiers: [],
      text: 'Two officers pushed my son against a shop window and searched him. His friend filmed the stop and search.',
    });
    const byId = new Map(got.incidents.map((i) => [i.id, i]));
    assert.deepEqual(byId.get(near.id)?.reasons, ['2 days apart']);
    assert.deepEqual(byId.get(thatMonth.id)?.reasons, [
      "date within the incident's period (2018-07-01 to 2018-07-31)",
      'place similar (0.70)',
    ]);
    assert.match(byId.get(described.id)?.reasons.join() ?? '', /^text similar \(0\.\d\d\)$/);
  });

  test('a shoulder number suggests the officer who held it on the date, not an earlier holder (R11)', async () => {
    const force = await met(t.db);
    const earlier = await holder('Earlier Holder', '4321U', '2015-01-01', '2019-12-31');
    const later = await holder('Later Holder', '4321U', '2020-01-01');
    const theirs = await makeIncident(t.db, { title: 'Arrest at a bus stop', occurred: day('2021-05-05') });
    const earliers = await makeIncident(t.db, { title: 'Dog unit called out', occurred: day('2016-08-08') });
    await inTransaction(t.db, async (trx) => {
      await addIncidentOfficer(trx, ACTOR, theirs.id, later.id, 'subject');
      await addIncidentOfficer(trx, ACTOR, earliers.id, earlier.id, 'subject');
    });
    const facts = { identifiers: ['4321U'], text: 'He would not give me his name.' };

    const dated = await suggestDuplicates(t.db, { ...facts, occurredOn: '2022-02-14' });
    assert.deepEqual(ids(dated.officers), [later.id]);
    assert.deepEqual(dated.officers[0]?.reasons, [
      `shoulder number 4321U (${force.name}) valid on that date`,
    ]);
    assert.equal(dated.officers[0]?.displayName, 'Later Holder');
    const suggested = dated.incidents.find((i) => i.id === theirs.id);
    assert.deepEqual(suggested?.reasons, ['officer 4321U named in this incident']);
    assert.ok(!ids(dated.incidents).includes(earliers.id));

    const undated = await suggestDuplicates(t.db, facts);
    assert.deepEqual(ids(undated.officers), [earlier.id, later.id]);
    assert.deepEqual(
      undated.officers.map((o) => [o.validFrom, o.validTo, o.reasons[0]]),
      [
        ['2015-01-01', '2019-12-31', `shoulder number 4321U (${force.name}) valid 2015-01-01 to 2019-12-31`],
        ['2020-01-01', null, `shoulder number 4321U (${force.name}) valid from 2020-01-01, no end recorded`],
      ],
    );
    assert.ok(undated.officers.every((o) => o.reasons[1]?.startsWith('2 officers held this number')));
    assert.ok(ids(undated.incidents).includes(theirs.id) && ids(undated.incidents).includes(earliers.id));
  });

  test('identifiers match whatever their case and spacing', async () => {
    const compact = await holder('Compact Number', '567AB');
    const spaced = await holder('Spaced Number', '88 XY');
    const got = await suggestDuplicates(t.db, { identifiers: [' 567 ab', '88xy', '567AB', ' '], text: '' });
    assert.deepEqual(ids(got.officers), [compact.id, spaced.id]);
    assert.deepEqual(
      got.officers.map((o) => o.identifier),
      ['567AB', '88 XY'],
    );
  });

  test('a chosen force restricts both officers and incidents', async () => {
    const city = await requireForce(t.db, 'city-of-london');
    const metHolder = await holder('Met Holder', '2468CX', '2010-01-01');
    const cityHolder = await holder('City Holder', '2468CX', '2010-01-01', undefined, city.id);
    const metIncident = await makeIncident(t.db, { title: 'Stop on a bridge', occurred: day('2017-11-11') });
    const cityIncident = await makeIncident(t.db, {
      title: 'Stop in a courtyard',
      occurred: day('2017-11-11'),
      forceId: city.id,
    });
    const facts = { occurredOn: '2017-11-11', identifiers: ['2468cx'], text: '' };

    const everywhere = await suggestDuplicates(t.db, facts);
    assert.deepEqual(ids(everywhere.officers).sort(), [metHolder.id, cityHolder.id].sort());
    assert.ok(ids(everywhere.incidents).includes(metIncident.id));

    const inCity = await suggestDuplicates(t.db, { ...facts, forceId: city.id });
    assert.deepEqual(ids(inCity.officers), [cityHolder.id]);
    assert.equal(inCity.officers[0]?.forceName, city.name);
    assert.ok(ids(inCity.incidents).includes(cityIncident.id));
    assert.ok(!ids(inCity.incidents).includes(metIncident.id));
  });

  test('empty or unusable facts give no suggestions and no error', async () => {
    const none = { incidents: [], officers: [] };
    assert.deepEqual(await suggestDuplicates(t.db, { identifiers: [], text: '' }), none);
    assert.deepEqual(
      await suggestDuplicates(t.db, {
        occurredOn: '2024-02-30',
        place: '  ',
        forceId: 'not-an-id',
        identifiers: ['  ', ''],
        text: ' \u0000 ',
      }),
      none,
    );
  });

  test('a submission with nothing in common with any incident gets none; limit caps the list', async () => {
    const unrelated = await suggestDuplicates(t.db, {
      place: 'Zzyzx Quay',
      identifiers: ['NOSUCH1'],
      text: 'Quixotic jazz vibraphonist awkwardly juggled kumquats.',
    });
    assert.deepEqual(unrelated, { incidents: [], officers: [] });
    for (const n of [1, 2, 3])
      await makeIncident(t.db, { title: `Same day ${n}`, occurred: day('2014-04-04') });
    const capped = await suggestDuplicates(
      t.db,
      { occurredOn: '2014-04-04', identifiers: [], text: '' },
      { limit: 2 },
    );
    assert.equal(capped.incidents.length, 2);
  });

  test('an officer whose published name the sender wrote is suggested; a bare "officer" suggests nobody', async () => {
    const named = await makeOfficer(t.db, { publishedName: 'Martin Quigglesworth' });
    const found = await suggestDuplicates(t.db, {
      identifiers: [],
      text: 'It was PC Martin Quigglesworth who pushed him, I heard his colleague call him that.',
    });
    const o = found.officers.find((x) => x.id === named.id);
    assert.ok(o, 'the named officer is suggested');
    assert.match(o.reasons[0]!, /the name “Martin Quigglesworth” appears/);
    const none = await suggestDuplicates(t.db, { identifiers: [], text: 'An officer pushed him over.' });
    assert.equal(
      none.officers.some((x) => x.id === named.id),
      false,
    );
  });
});

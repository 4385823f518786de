import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeIncident, makeSource, met, uniq } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { saveTimelineEvent } from '../incidents/service.ts';
import { saveStatement } from './service.ts';

describe('statements and timeline events', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('a promise has a type, and only a promise has one', async () => {
    const source = await makeSource(t.db);
    const force = await met(t.db);
    const base = {
      slug: uniq('statement'),
      speakerName: 'A Commissioner',
      speakerRole: 'Commissioner',
      forceId: force.id,
      saidOn: '2025-10-02',
      summary: 'Said officers would be removed quickly.',
      sourceId: source.id,
    };
    const promise = await inTransaction(t.db, (trx) =>
      saveStatement(trx, ACTOR, { ...base, isPromise: true, promiseType: 'dismissals' }),
    );
    assert.equal(promise.promise_type, 'dismissals');
    for (const bad of [{ isPromise: true }, { isPromise: false, promiseType: 'reform' as const }]) {
      await assert.rejects(
        inTransaction(t.db, (trx) => saveStatement(trx, ACTOR, { ...base, slug: uniq('s'), ...bad })),
        (e: unknown) => isAppError(e) && e.fields[0]?.field === 'promiseType',
      );
    }
  });

  test('timeline events keep their precision; an impossible calendar date is refused', async () => {
    const incident = await makeIncident(t.db);
    const event = await inTransaction(t.db, (trx) =>
      saveTimelineEvent(trx, ACTOR, {
        incidentId: incident.id,
        occurred: { on: '2024-08-01', precision: 'month_range', until: '2025-01-31' },
        title: 'Filming',
        processState: 'referred_to_iopc',
      }),
    );
    assert.equal(event.occurred_precision, 'month_range');
    assert.equal(event.process_taxonomy, 'ew_process_states_2020');
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveTimelineEvent(trx, ACTOR, {
          incidentId: incident.id,
          occurred: { on: '2023-02-30', precision: 'day' },
          title: 'x',
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_VALIDATION',
    );
    await assert.rejects(
      inTransaction(t.db, (trx) =>
        saveTimelineEvent(trx, ACTOR, {
          incidentId: incident.id,
          occurred: { on: '2023-02-01', precision: 'day' },
          title: 'x',
          processState: 'beheaded',
        }),
      ),
      (e: unknown) => isAppError(e) && e.code === 'CUS_UNKNOWN_TAXONOMY_CODE',
    );
  });
});

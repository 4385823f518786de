import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTransaction, updateRecord } from '../audit/records.ts';
import { setPublicationState } from '../publication/service.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeAllegation, makeIncident } from '../../test/helpers/factories.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const row = (id: string) =>
  t.db
    .selectFrom('allegations')
    .select(['visible', 'incident_date'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test('an allegation is visible exactly while it and its incident are published, and carries the incident date', async () => {
  const incident = await makeIncident(t.db, {
    occurred: { on: '2024-08-01', precision: 'month_range', until: '2025-01-31' },
  });
  const a = await makeAllegation(t.db, { incidentId: incident.id });
  assert.deepEqual(await row(a.id), { visible: false, incident_date: '2025-01-31' });
  await inTransaction(t.db, (trx) => setPublicationState(trx, ACTOR, 'allegations', a.id, 'published'));
  assert.equal((await row(a.id)).visible, false, 'the incident is still a draft');
  await inTransaction(t.db, (trx) => setPublicationState(trx, ACTOR, 'incidents', incident.id, 'published'));
  assert.equal((await row(a.id)).visible, true);
  await inTransaction(t.db, (trx) =>
    updateRecord(trx, ACTOR, 'incidents', incident.id, {
      occurred_on: '2023-05-01',
      occurred_precision: 'day',
      occurred_until: null,
    }),
  );
  assert.equal((await row(a.id)).incident_date, '2023-05-01', 'follows the incident date');
  await inTransaction(t.db, (trx) => setPublicationState(trx, ACTOR, 'incidents', incident.id, 'withdrawn'));
  assert.equal((await row(a.id)).visible, false, 'withdrawing the incident hides its allegations');
  const history = await t.db.selectFrom('audit_log').select('diff').where('entity_id', '=', a.id).execute();
  assert.ok(!JSON.stringify(history).includes('"visible"'), 'derived columns stay out of the audit diffs');
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../db/kysely.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeIncident } from '../../test/helpers/factories.ts';
import { updateRecord, inTransaction } from './records.ts';
import { canonicalJson, toJsonValue } from './canonical.ts';
import { appendAudit, GENESIS_HASH, verifyAuditChain } from './chain.ts';

describe('canonical JSON', () => {
  test('sorts keys at every level and survives a jsonb round trip', () => {
    const v = toJsonValue({ b: 1, a: { d: [1, { z: 'é', y: null }], c: new Date('2021-03-03T00:00:00Z') } });
    assert.equal(canonicalJson(v), '{"a":{"c":"2021-03-03T00:00:00.000Z","d":[1,{"y":null,"z":"é"}]},"b":1}');
  });
});

describe('hash-chained audit log', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('every write appends a chained row and a version; verify walks the chain', async () => {
    const incident = await inTransaction(t.db, (trx) => makeIncident(trx, { title: 'Original title' }));
    await inTransaction(t.db, (trx) =>
      updateRecord(trx, 'test:editor', 'incidents', incident.id, { title: 'Edited title' }),
    );
    // A patch that changes nothing records nothing.
    await inTransaction(t.db, (trx) =>
      updateRecord(trx, 'test:editor', 'incidents', incident.id, { title: 'Edited title' }),
    );
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', incident.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['create', 'update'],
    );
    assert.deepEqual(rows[1]!.diff, {
      before: { title: 'Original title' },
      after: { title: 'Edited title' },
    });
    const versions = await t.db
      .selectFrom('record_versions')
      .selectAll()
      .where('entity_id', '=', incident.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    assert.equal((versions[1]!.data as { title: string }).title, 'Edited title');
    const first = await t.db
      .selectFrom('audit_log')
      .select('prev_hash')
      .where('seq', '=', '1')
      .executeTakeFirstOrThrow();
    assert.equal(first.prev_hash, GENESIS_HASH);
    const report = await verifyAuditChain(t.db);
    assert.equal(report.broken, null);
    assert.ok(report.rows >= 2);
  });

  test('the database refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await inTransaction(t.db, (trx) => makeIncident(trx));
    for (const q of [
      sql`UPDATE audit_log SET actor = 'someone else'`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log CASCADE`,
    ]) {
      await assert.rejects(q.execute(t.db), /append-only/);
    }
    // Without CASCADE the foreign key from record_versions refuses first: either way nothing is lost.
    await assert.rejects(sql`TRUNCATE audit_log`.execute(t.db));
    assert.ok(
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(t.db)).rows[0]!.n) > 0,
    );
  });

  test('verify names the first row altered by SQL, and a deleted row', async () => {
    await inTransaction(t.db, async (trx) => {
      for (let i = 0; i < 5; i++)
        await appendAudit(trx, {
          actor: 'test',
          action: 'note',
          entityType: 'test',
          entityId: String(i),
          diff: { i },
        });
    });
    const all = await t.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    const target = Number(all[all.length - 3]!.seq);
    // Someone with database access bypasses the trigger and edits history.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.db);
    await sql`UPDATE audit_log SET diff = '{"i": 99}' WHERE seq = ${target}`.execute(t.db);
    let report = await verifyAuditChain(t.db);
    assert.deepEqual(report.broken, { seq: target, reason: 'contents do not match the stored hash' });
    // Small pages must find the same row.
    assert.deepEqual((await verifyAuditChain(t.db, 2)).broken?.seq, target);
    await sql`DELETE FROM audit_log WHERE seq = ${target}`.execute(t.db);
    report = await verifyAuditChain(t.db);
    assert.deepEqual(report.broken, { seq: target, reason: `row ${target} is missing` });
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.db);
  });
});

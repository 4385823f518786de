import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR } from '../../test/helpers/factories.ts';
import { isAppError } from '../errors/catalogue.ts';
import { readPersonIdentity, setPersonIdentity } from './identity-repository.ts';
import { testVault } from '../../test/helpers/app.ts';
import { savePerson } from './service.ts';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('people who are not officers', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  test('are pseudonymous and protected by default', async () => {
    const p = await inTransaction(t.db, (trx) => savePerson(trx, ACTOR, { pseudonym: 'Complainant A' }));
    assert.equal(p.protected_identity, true);
    assert.equal(p.age_status, 'unknown');
    assert.equal(p.public_name, null);
  });

  test('a child, a person of unknown age, or a protected person is never given a public name', async () => {
    for (const input of [
      {
        pseudonym: 'Child Q',
        ageStatus: 'minor' as const,
        protectedIdentity: false,
        publicName: 'X',
        publicNameBasis: 'b',
      },
      {
        pseudonym: 'Person B',
        ageStatus: 'unknown' as const,
        protectedIdentity: false,
        publicName: 'X',
        publicNameBasis: 'b',
      },
      { pseudonym: 'Person C', ageStatus: 'adult' as const, publicName: 'X', publicNameBasis: 'b' },
      { pseudonym: 'Person D', ageStatus: 'adult' as const, protectedIdentity: false, publicName: 'X' },
    ]) {
      await assert.rejects(
        inTransaction(t.db, (trx) => savePerson(trx, ACTOR, input)),
        (e: unknown) => isAppError(e) && e.fields[0]?.field.startsWith('publicName'),
      );
    }
  });

  test('a real identity is stored apart, never copied into the audit log, and every read is logged', async () => {
    const p = await inTransaction(t.db, (trx) =>
      savePerson(trx, ACTOR, { pseudonym: 'Witness W', ageStatus: 'adult' }),
    );
    await inTransaction(t.db, (trx) =>
      setPersonIdentity(trx, testVault, 'test:moderator', {
        personId: p.id,
        realName: 'Alexandra Secretname',
        contactNote: 'via solicitor',
      }),
    );
    const row = await inTransaction(t.db, (trx) =>
      readPersonIdentity(trx, testVault, 'test:moderator', p.id, 'right of reply check'),
    );
    assert.equal(row?.realName, 'Alexandra Secretname');
    assert.equal(row?.contactNote, 'via solicitor');
    // At rest it is sealed: neither the name nor the note is in the row.
    const stored = await t.db
      .selectFrom('person_identities')
      .selectAll()
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.real_name, null);
    assert.equal(stored.contact_note, null);
    assert.equal(stored.key_id, testVault.keyId);
    assert.ok(!Buffer.from(stored.sealed!).includes(Buffer.from('Secretname')));
    // The database refuses a plain name from any other path.
    await assert.rejects(
      t.db
        .updateTable('person_identities')
        .set({ real_name: 'Plain Name' })
        .where('person_id', '=', p.id)
        .execute(),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'diff'])
      .where('entity_id', '=', p.id)
      .where('entity_type', '=', 'person_identities')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['identity.create', 'identity.read'],
    );
    assert.ok(!JSON.stringify(audit).includes('Secretname'), 'the audit log must not hold the real name');
    const versions = await t.db
      .selectFrom('record_versions')
      .select('data')
      .where('entity_id', '=', p.id)
      .execute();
    assert.ok(!JSON.stringify(versions).includes('Secretname'), 'history must not hold the real name');
  });

  test('only the restricted identity repository names the person_identities table', () => {
    const src = path.resolve('src');
    const allowed = new Set([
      path.join(src, 'people', 'identity-repository.ts'),
      path.join(src, 'db', 'schema.generated.ts'),
    ]);
    const offenders = sourceFiles(src).filter(
      (f) => !allowed.has(f) && fs.readFileSync(f, 'utf8').includes('person_identities'),
    );
    assert.deepEqual(offenders, []);
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { addIncidentPerson } from '../incidents/service.ts';
import { savePerson } from '../people/service.ts';
import { publicationChecks } from '../publication/checks.ts';
import { saveClaim } from '../sources/service.ts';
import { uploadToSource } from '../uploads/service.ts';
import { testBlobs, testVault } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { ACTOR, makeSource, makeSourcedIncident } from '../../test/helpers/factories.ts';
import { schoolNames } from './minors.ts';

// Rule R8 beyond names: no school, no photograph, in a record about a child.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const r8 = async (id: string) =>
  (await publicationChecks(t.db, 'incidents', id)).blocking
    .filter((b) => b.rule === 'R8')
    .map((b) => b.message);

async function withChild(incidentId: string) {
  await inTransaction(t.db, async (trx) => {
    const child = await savePerson(trx, ACTOR, {
      pseudonym: 'Child R',
      ageStatus: 'minor',
      officialPseudonym: true,
    });
    await addIncidentPerson(trx, ACTOR, incidentId, child.id, 'victim');
  });
}

test('school names are found by their shape; ordinary words and the College of Policing are not schools', () => {
  assert.deepEqual(schoolNames('Pupils at Eastfield Primary School and Mossbourne Community Academy.'), [
    'Eastfield Primary School',
    'Mossbourne Community Academy',
  ]);
  assert.deepEqual(
    schoolNames('She was searched at a local school. The College of Policing guidance applies.'),
    [],
  );
});

test('a record about a child that names the school is blocked; described without the name it is allowed', async () => {
  const named = await makeSourcedIncident(t.db, 'A girl was strip-searched at Eastfield Primary School.');
  const plain = await makeSourcedIncident(t.db, 'A girl was strip-searched at her school.');
  const adult = await makeSourcedIncident(t.db, 'An adult learner was arrested at Northgate College.');
  await withChild(named.id);
  await withChild(plain.id);
  assert.match((await r8(named.id))[0] ?? '', /names a school \(Eastfield Primary School\)/);
  assert.deepEqual(await r8(plain.id), []);
  assert.deepEqual(await r8(adult.id), [], 'no child involved: the rule does not apply');
});

test('a record about a child that cites an uploaded photograph is blocked; a document is allowed', async () => {
  const fixtures = path.resolve('test/fixtures/uploads');
  const inc = await makeSourcedIncident(t.db, 'A boy was detained overnight.');
  await withChild(inc.id);
  const cite = async (file: string, type: string) => {
    const source = await makeSource(t.db, { kind: 'submission', url: undefined });
    await uploadToSource({ db: t.db, blobs: testBlobs, vault: testVault }, ACTOR, source.id, {
      bytes: fs.readFileSync(path.join(fixtures, file)),
      filename: file,
      declaredType: type,
    });
    await inTransaction(t.db, (trx) =>
      saveClaim(trx, ACTOR, {
        subjectType: 'incident',
        subjectId: inc.id,
        sourceId: source.id,
        passageNote: 'Held by us.',
      }),
    );
  };
  await cite('statement.pdf', 'application/pdf');
  assert.deepEqual(await r8(inc.id), []);
  await cite('photo-gps.jpg', 'image/jpeg');
  assert.match((await r8(inc.id))[0] ?? '', /cites an uploaded photograph/);
});

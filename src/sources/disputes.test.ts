import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { publicationChecks } from '../publication/checks.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { ACTOR, makeIncident, makeSource } from '../../test/helpers/factories.ts';
import { fetchPage, publish } from '../../test/helpers/pages.ts';
import { saveClaim } from './service.ts';

// Sources that conflict on a fact are flagged and both shown (evidence issue).

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

test('a contradicting source is kept, shown beside the supporting one, and the disagreement flagged', async () => {
  const inc = await makeIncident(t.db, { title: 'Disputed arrest' });
  const police = await makeSource(t.db, {
    kind: 'press_release',
    publisher: 'Example Police',
    title: 'Press release',
  });
  const witness = await makeSource(t.db, { publisher: 'Example Gazette', title: 'Witness account' });
  await inTransaction(t.db, async (trx) => {
    await saveClaim(trx, ACTOR, {
      subjectType: 'incident',
      subjectId: inc.id,
      sourceId: police.id,
      quotedPassage: 'officers used no force during the arrest',
    });
    await publish(trx, 'incidents', inc.id);
  });
  const before = await fetchPage(testApp(t), `/incidents/${inc.slug}`);
  assert.doesNotMatch(before.html, /Sources disagree/, 'one account: nothing to flag');
  const disputed = async () =>
    (await publicationChecks(t.db, 'incidents', inc.id)).warnings.filter((w) => w.rule === 'DISPUTED');
  assert.equal((await disputed()).length, 0);

  await inTransaction(t.db, (trx) =>
    saveClaim(trx, ACTOR, {
      subjectType: 'incident',
      subjectId: inc.id,
      sourceId: witness.id,
      quotedPassage: 'an officer knelt on his back for several minutes',
      stance: 'contradicts',
    }),
  );
  const page = await fetchPage(testApp(t), `/incidents/${inc.slug}`);
  assert.match(page.html, /Sources disagree on this account\. Both accounts are shown/);
  assert.match(page.html, /officers used no force during the arrest/);
  assert.match(page.html, /<li class="contradicts"><p class="badge disputed">This source disputes this:/);
  assert.match(page.html, /an officer knelt on his back for several minutes/);
  assert.equal((await disputed()).length, 1);
});

test('a contradicting claim is not support: an incident sourced only by one stays blocked', async () => {
  const inc = await makeIncident(t.db);
  const src = await makeSource(t.db);
  await inTransaction(t.db, (trx) =>
    saveClaim(trx, ACTOR, {
      subjectType: 'incident',
      subjectId: inc.id,
      sourceId: src.id,
      passageNote: 'The force denies the incident took place.',
      stance: 'contradicts',
    }),
  );
  const report = await publicationChecks(t.db, 'incidents', inc.id);
  assert.ok(report.blocking.some((b) => b.rule === 'R4'));
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { generateDbTypes } from './typegen.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

test('the committed Kysely types match the migrated schema (run `npm run db:types` if not)', async () => {
  const committed = fs.readFileSync(new URL('./schema.generated.ts', import.meta.url), 'utf8');
  assert.equal(await generateDbTypes(t.db), committed);
});

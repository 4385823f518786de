// A real second process for the crash test: takes the data-directory lock like any Custodiet
// command, then commits one audited incident at a time, printing each id only after COMMIT.
import { inTransaction } from '../../src/audit/records.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrations.ts';
import { makeIncident } from '../helpers/factories.ts';

const database = await openDatabase(loadConfig(), 'test-writer');
await migrate(database.db);
console.log('ready');
for (let i = 0; ; i++) {
  const incident = await inTransaction(database.db, (trx) =>
    makeIncident(trx, { title: `Committed write ${i}` }),
  );
  console.log(`committed ${incident.id}`);
}

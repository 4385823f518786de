// Regenerates src/db/schema.generated.ts from a freshly migrated in-memory database.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { kyselyForPglite, PGLITE_EXTENSIONS } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { generateDbTypes } from '../src/db/typegen.ts';

const target = fileURLToPath(new URL('../src/db/schema.generated.ts', import.meta.url));
const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
const db = kyselyForPglite(pglite);
await migrate(db);
fs.writeFileSync(target, await generateDbTypes(db));
await db.destroy();
await pglite.close();
console.log(`wrote ${target}`);

// Records newly added migration files in src/migrations/landed.json. Existing entries are never
// rewritten: if a landed file changed, this refuses, exactly as the test and the app do.
import fs from 'node:fs';
import path from 'node:path';
import { loadMigrations, MIGRATIONS_DIR } from '../src/db/migrations.ts';

const manifestPath = path.join(MIGRATIONS_DIR, 'landed.json');
const landed: { file: string; sha256: string }[] = fs.existsSync(manifestPath)
  ? JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
  : [];
const files = loadMigrations();
for (const entry of landed) {
  const file = files.find((f) => f.filename === entry.file);
  if (!file) throw new Error(`Landed migration ${entry.file} is missing`);
  if (file.checksum !== entry.sha256)
    throw new Error(`Landed migration ${entry.file} was changed; put the change in a new migration`);
}
const added = files.filter((f) => !landed.some((l) => l.file === f.filename));
for (const f of added) landed.push({ file: f.filename, sha256: f.checksum });
fs.writeFileSync(manifestPath, JSON.stringify(landed, null, 2) + '\n');
console.log(added.length ? `Froze ${added.map((a) => a.filename).join(', ')}` : 'Nothing new to freeze.');

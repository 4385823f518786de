import { blobStoreFromConfig } from '../../blobs/from-config.ts';
import path from 'node:path';
import { backupTo, restoreFrom } from '../../backup/service.ts';
import { verifyAll } from '../../verify/service.ts';
import type { Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** Checks the audit hash chain and re-hashes archived snapshots; exit 1 names the first problem. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check the audit log hash chain and every archived snapshot',
  usage: 'custodiet verify',
  details:
    'Exits 1 and names the first broken audit row, and every snapshot whose bytes are missing or changed.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    return withDatabase(config, 'verify', 'require-current', async ({ db }) => {
      const r = await verifyAll(db, await blobStoreFromConfig(config));
      if (r.audit.broken) {
        out(
          `FAIL audit log: row ${r.audit.broken.seq}: ${r.audit.broken.reason} (${r.audit.rows} rows before it verified)`,
        );
      } else {
        out(`ok   audit log: ${r.audit.rows} rows, chain intact, head ${r.audit.head}`);
      }
      for (const p of r.snapshots.problems)
        out(`FAIL snapshot ${p.snapshotId}: blob ${p.sha256} ${p.problem}`);
      if (r.snapshots.problems.length === 0)
        out(`ok   snapshots: ${r.snapshots.checked} archived copies match their SHA-256`);
      return r.ok ? 0 : 1;
    });
  },
};

/** Writes a portable logical backup (restorable into PGlite or PostgreSQL). */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a portable logical backup of the database to FILE',
  usage: 'custodiet backup FILE',
  details: 'The file is gzip-compressed NDJSON with a checksum; `restore` loads it into either backend.',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, config, out }) {
    const file = path.resolve(positionals[0]!);
    await withDatabase(config, 'backup', 'require-current', async ({ db, backend }) => {
      const r = await backupTo(db, file, backend);
      out(`Wrote ${r.rows} rows from ${r.tables} tables to ${file}`);
    });
  },
};

/** Restores a backup into an empty database. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup FILE into an empty database',
  usage: 'custodiet restore FILE',
  details:
    'The target must be empty and at the same schema version. All or nothing: a bad file changes nothing.',
  options: {},
  positionals: { min: 1, max: 1 },
  async run({ positionals, config, out }) {
    const file = path.resolve(positionals[0]!);
    await withDatabase(config, 'restore', 'apply', async ({ db, describe }) => {
      const r = await restoreFrom(db, file);
      out(`Restored ${r.rows} rows into ${describe}`);
    });
  },
};

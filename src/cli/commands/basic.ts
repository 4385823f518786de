import fs from 'node:fs';
import { sql } from '../../db/kysely.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate, migrationStatus } from '../../db/migrations.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** Creates the data directory and database and applies migrations. */
export const initCommand: Command = {
  name: 'init',
  summary: 'Create the database and apply migrations',
  usage: 'custodiet init [--demo]',
  options: { demo: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values, config, out }) {
    if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
    await withDatabase(config, 'init', 'apply', async ({ db, describe }) => {
      out(`Database ready: ${describe}`);
      if (values.demo) {
        const r = await seedDemo(db);
        out(`Demo data loaded (${r.changes} changes).`);
      }
    });
  },
};

/** Applies pending migrations, or reports them with --status. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations (or show status)',
  usage: 'custodiet migrate [--status]',
  details:
    'Refuses to run against a database written by a newer Custodiet, or whose applied migrations changed.',
  options: { status: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values, config, out }) {
    const database = await openDatabase(config, 'migrate');
    try {
      if (values.status) {
        const s = await migrationStatus(database.db);
        out(`Schema version: ${s.current ?? 'empty'} (this build knows up to ${s.latestKnown})`);
        out(`Applied: ${s.applied.length}, pending: ${s.pending.length}`);
        for (const p of s.pending) out(`  pending ${p.filename}`);
        return;
      }
      const { applied } = await migrate(database.db);
      out(applied.length === 0 ? 'Already up to date.' : `Applied ${applied.length} migration(s):`);
      for (const f of applied) out(`  ${f}`);
    } finally {
      await database.close();
    }
  },
};

/** Loads the bundled, sourced demo cases (idempotent). */
export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'Load the bundled demo cases (safe to run again)',
  usage: 'custodiet seed-demo',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ config, out }) {
    await withDatabase(config, 'seed-demo', 'apply', async ({ db }) => {
      const r = await seedDemo(db);
      const c = r.counts;
      out(
        `Demo data: ${c.incidents} incidents, ${c.allegations} allegations, ${c.officers} officers, ${c.statements} statements, ${c.sources} sources.`,
      );
      out(
        r.changes === 0
          ? 'Nothing changed (already loaded).'
          : `${r.changes} change(s) recorded in the audit log.`,
      );
    });
  },
};

const STAT_TABLES = [
  'forces',
  'units',
  'officers',
  'people',
  'incidents',
  'allegations',
  'findings',
  'sanctions',
  'sources',
  'source_snapshots',
  'claims',
  'statements',
  'audit_log',
  'record_versions',
] as const;

/** Prints row counts and schema state. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'Show record counts and schema version',
  usage: 'custodiet stats [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run({ values, config, out }) {
    await withDatabase(config, 'stats', 'require-current', async ({ db, describe, backend }) => {
      const counts: Record<string, number> = {};
      for (const t of STAT_TABLES) {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.ref(t)}`.execute(db);
        counts[t] = rows[0]!.n;
      }
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM incidents WHERE publication_state = 'published'`.execute(db);
      const status = await migrationStatus(db);
      const report = {
        backend,
        database: describe,
        schemaVersion: status.current,
        counts,
        publishedIncidents: rows[0]!.n,
      };
      if (values.json) return out(JSON.stringify(report, null, 2));
      out(`${describe} (schema ${status.current})`);
      for (const [t, n] of Object.entries(counts)) out(`  ${t.padEnd(18)} ${String(n).padStart(9)}`);
      out(`  published incidents ${String(report.publishedIncidents).padStart(7)}`);
    });
  },
};

import type { Config } from '../config/config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate, migrationStatus } from '../db/migrations.ts';

/**
 * Opens the database for a command. `apply` runs pending migrations (serve, init, migrate,
 * seed-demo); otherwise the schema must already be current, and the command says how to fix it.
 */
export async function withDatabase<T>(
  config: Config,
  command: string,
  mode: 'apply' | 'require-current',
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config, command);
  try {
    if (mode === 'apply') await migrate(database.db);
    else {
      const status = await migrationStatus(database.db);
      if (status.pending.length > 0) {
        throw new Error(
          `The database has ${status.pending.length} pending migration(s); run \`custodiet migrate\` first.`,
        );
      }
    }
    return await fn(database);
  } finally {
    await database.close();
  }
}

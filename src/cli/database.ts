/** Opens the configured database for a CLI command, migrated, and closes it afterwards. */
import { openDatabase, type Database } from '../server/db/client.ts';
import { migrateDatabase } from '../server/db/migrate.ts';
import { readConfig } from '../server/platform/config.ts';

/** Runs `fn` with the configured, migrated database and always closes it. */
export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

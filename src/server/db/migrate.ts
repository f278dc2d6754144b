/** Applies the one forward-only migration set (src/server/db/migrations) on either engine. */
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';
import { assertNotNewerThanCode } from './schema-version.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Migrates to the newest schema; safe to call on every start. Refuses a database a newer release has migrated.
 * Each migration file runs in one transaction (drizzle's migrator), so one that fails half-way leaves nothing.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await assertNotNewerThanCode(database.db);
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}

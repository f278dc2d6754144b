/**
 * Which migrations the code knows (the journal drizzle-kit writes) and which a database has applied
 * (`drizzle.__drizzle_migrations`, keyed by each migration's `when`). A database that has applied a migration
 * this code does not know is newer than the code: starting or restoring into an older release is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client.ts';

/** The same folder as migrate.ts's (not imported from there: migrate.ts calls this module). */
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface MigrationEntry {
  tag: string;
  when: number;
}

/** The code's migrations, oldest first. */
export function codeMigrations(): MigrationEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/** The `when` of every migration the database has applied, oldest first; empty for a database never migrated. */
export async function appliedMigrations(db: DbOrTx): Promise<number[]> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists?.present) return [];
  const rows = await queryRows<{ created_at: string | number }>(
    db,
    sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
  );
  return rows.map((r) => Number(r.created_at));
}

export interface SchemaVersion {
  /** Migrations applied. */
  migrations: number;
  /** The newest applied migration's tag, or null when the code does not know it (a newer release) or none is applied. */
  last: string | null;
  /** The newest applied migration's `when` (0: none). */
  lastWhen: number;
}

/** The database's schema version as the code names it. */
export async function schemaVersion(db: DbOrTx): Promise<SchemaVersion> {
  const applied = await appliedMigrations(db);
  const lastWhen = applied.at(-1) ?? 0;
  const known = codeMigrations().find((m) => m.when === lastWhen);
  return { migrations: applied.length, last: known?.tag ?? null, lastWhen };
}

/** True when a schema at `lastWhen` has migrations this code does not know. */
export function isNewerThanCode(lastWhen: number): boolean {
  const newest = codeMigrations().at(-1)?.when ?? 0;
  return lastWhen > newest;
}

/** Refuses a database that a newer release of Fullfölj has migrated: its data may not fit this code. */
export async function assertNotNewerThanCode(db: DbOrTx): Promise<void> {
  const version = await schemaVersion(db);
  if (isNewerThanCode(version.lastWhen)) {
    throw new Error(
      'Databasen har migrerats av en nyare version av Fullfölj än den här: uppgradera programmet i stället för att starta en äldre version ' +
        '(the database was migrated by a newer release; upgrade instead of running an older one).',
    );
  }
}

/**
 * `fullfolj restore <file>`: into an EMPTY database only (a restore never overwrites anything), after the file's
 * length and checksum are checked and its schema is known to this code (a backup from a newer release is refused).
 * Afterwards every table's row count and the access log's checksum must equal the manifest's; then the database is
 * migrated to this release's schema (a backup of an older release is upgraded on the way in).
 * - PGlite: the tar is unpacked into the (absent or empty) data folder; on any failure the folder is removed again.
 * - PostgreSQL: `pg_restore --single-transaction --exit-on-error --no-owner --no-privileges`: all or nothing.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';
import { isNewerThanCode, schemaVersion, type SchemaVersion } from '../schema-version.ts';
import type { BackupTarget } from './backup.ts';
import { contentDifferences, describeContents } from './contents.ts';
import { BackupFileError, readBackup, type BackupManifest } from './format.ts';
import { libpqConnection, pgTool, runTool } from './pg-tools.ts';

export interface RestoreResult {
  engine: BackupManifest['engine'];
  seconds: number;
  /** Tables and rows restored, as counted in the restored database. */
  tables: number;
  rows: number;
  accessLog: { rows: number; checksum: string };
  /** The schema before and after migrating to this release. */
  schemaBefore: string | null;
  schemaAfter: string | null;
}

/** Checks a backup file without restoring it: format, length, checksum, and that this release can read it. */
export async function checkBackup(file: string): Promise<BackupManifest> {
  const { manifest } = await readBackup(file);
  if (isNewerThanCode(manifest.schema.lastWhen)) {
    throw new BackupFileError(
      'Säkerhetskopian kommer från en nyare version av Fullfölj: återställ den med den versionen eller en senare (the backup is from a newer release).',
    );
  }
  return manifest;
}

/** Restores `file` into the empty `target`, verifies it and migrates it to this release. */
export async function restoreFromFile(target: BackupTarget, file: string): Promise<RestoreResult> {
  const started = Date.now();
  const manifest = await checkBackup(file);
  const { payloadOffset } = await readBackup(file);
  if (manifest.engine !== target.kind) {
    throw new BackupFileError(
      manifest.engine === 'pglite'
        ? 'Säkerhetskopian är av den inbyggda databasen och kan bara återställas till en inbyggd databas (FULLFOLJ_DATA_DIR utan DATABASE_URL) ' +
            '(an embedded backup restores into the embedded database).'
        : 'Säkerhetskopian är av en PostgreSQL-server och kan bara återställas till en PostgreSQL-server (DATABASE_URL) ' +
            '(a PostgreSQL backup restores into PostgreSQL).',
    );
  }
  const database =
    target.kind === 'pglite'
      ? await restorePglite(target.dataDir, file, payloadOffset)
      : await restorePostgres(target.url, file, payloadOffset);
  let result: RestoreResult;
  try {
    const contents = await describeContents(database.db);
    const differ = contentDifferences(manifest.contents, contents);
    if (differ.length) {
      throw new Error(
        `Den återställda databasen stämmer inte med säkerhetskopian i ${differ.length} tabell(er): ${differ.slice(0, 10).join(', ')} ` +
          '(the restored database does not match the backup).',
      );
    }
    const before: SchemaVersion = await schemaVersion(database.db);
    await migrateDatabase(database);
    const after = await schemaVersion(database.db);
    result = {
      engine: manifest.engine,
      seconds: 0,
      tables: Object.keys(contents.tables).length,
      rows: Object.values(contents.tables).reduce((a, b) => a + b, 0),
      accessLog: contents.accessLog,
      schemaBefore: before.last,
      schemaAfter: after.last,
    };
  } catch (error) {
    await database.close();
    // Only an empty or new folder was restored into: removing it loses nothing.
    if (target.kind === 'pglite') rmSync(target.dataDir, { recursive: true, force: true });
    throw error;
  }
  await database.close();
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

async function restorePglite(dataDir: string, file: string, offset: number): Promise<Database> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupFileError(
      `Datamappen ${dataDir} är inte tom: återställning sker bara till en tom eller ny mapp, så att inget skrivs över (the data folder is not empty).`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    const payload = new Uint8Array((await readFile(file)).subarray(offset));
    return await openDatabase({ dataDir, loadDataDir: new Blob([payload]) });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function restorePostgres(url: string, file: string, offset: number): Promise<Database> {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const [row] = await queryRows<{ n: string | number }>(
      database.db,
      sql`SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    if (Number(row?.n ?? 0) > 0) {
      throw new BackupFileError(
        'Måldatabasen är inte tom: återställ till en nyskapad databas (CREATE DATABASE …), så att inget skrivs över (the target database is not empty).',
      );
    }
    const { dbname, password } = libpqConnection(url);
    await runTool(
      pgTool('pg_restore'),
      ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`],
      password ? { PGPASSWORD: password } : {},
      { stdin: createReadStream(file, { start: offset }) },
    );
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

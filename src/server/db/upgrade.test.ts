/**
 * Upgrades: a database at the previous schema (every migration but the newest, with the fixture region and access-log
 * rows in it) is migrated to the current schema with its data intact; a migration that fails half-way leaves nothing
 * of itself (drizzle's migrator runs the pending migrations in one transaction). There are no release tags yet, so
 * "the previous release" is the migration set without its newest file. PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadAccessFixtures } from '../../../test/support/access.ts';
import { withDatabase } from '../../../test/support/database.ts';
import { describeContents } from './backup/contents.ts';
import { openDatabase, queryRows, type Database } from './client.ts';
import { migrateDatabase, migrationsFolder } from './migrate.ts';
import { accessLog, noTenant } from './schema/index.ts';
import { codeMigrations, schemaVersion } from './schema-version.ts';

const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'fullfolj-upgrade-test-'));
const created: string[] = [];
after(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function emptyDatabase(): Promise<Database> {
  if (!serverUrl) return openDatabase({ dataDir: 'memory://' });
  const name = `fullfolj_upgrade_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return openDatabase({ databaseUrl: withDatabase(serverUrl, name) });
}

/** A copy of the migration set with the journal's entries rewritten by `edit` (and extra SQL files). */
function migrationSet(
  name: string,
  edit: (entries: Record<string, unknown>[]) => Record<string, unknown>[],
  extra: Record<string, string> = {},
): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'meta'), { recursive: true });
  for (const f of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'))) copyFileSync(join(migrationsFolder, f), join(dir, f));
  for (const [f, text] of Object.entries(extra)) writeFileSync(join(dir, f), text);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Record<string, unknown>[];
  };
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: edit(journal.entries) }));
  return dir;
}

async function migrateWith(database: Database, folder: string): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}

test('a database at the previous schema is upgraded to the current one with its data intact', async () => {
  const all = codeMigrations();
  const previous = migrationSet('previous', (entries) => entries.slice(0, -1));
  const database = await emptyDatabase();
  try {
    await migrateWith(database, previous);
    assert.equal((await schemaVersion(database.db)).last, all.at(-2)?.tag);
    await loadAccessFixtures(database);
    await database.db
      .insert(accessLog)
      .values({ tenantId: noTenant, requestId: 'upgrade', action: 'auth.sign-in', purpose: 'test', outcome: 'denied' });
    const before = await describeContents(database.db);
    assert.ok((before.tables['public.persons'] ?? 0) > 0);

    await migrateDatabase(database);
    assert.equal((await schemaVersion(database.db)).last, all.at(-1)?.tag);
    const afterUpgrade = await describeContents(database.db);
    for (const [table, rows] of Object.entries(before.tables)) {
      if (table === 'drizzle.__drizzle_migrations') assert.equal(afterUpgrade.tables[table], rows + 1);
      else assert.equal(afterUpgrade.tables[table], rows, `${table} keeps its rows`);
    }
    assert.equal(afterUpgrade.accessLog.checksum, before.accessLog.checksum);
  } finally {
    await database.close();
  }
});

test('a migration that fails half-way leaves nothing of itself, and the schema where it was', async () => {
  const last = codeMigrations().at(-1);
  const broken = migrationSet(
    'broken',
    (entries) => [...entries, { idx: entries.length, version: '7', when: (last?.when ?? 0) + 1000, tag: '9999_broken', breakpoints: true }],
    { '9999_broken.sql': 'CREATE TABLE upgrade_probe (id integer);\n--> statement-breakpoint\nSELECT 1 / 0;\n' },
  );
  const database = await emptyDatabase();
  try {
    await migrateDatabase(database);
    await assert.rejects(migrateWith(database, broken));
    const [probe] = await queryRows<{ present: boolean }>(database.db, sql`SELECT to_regclass('upgrade_probe') IS NOT NULL AS present`);
    assert.equal(probe?.present, false, 'the first statement of the failed migration was rolled back');
    assert.equal((await schemaVersion(database.db)).last, last?.tag);
  } finally {
    await database.close();
  }
});

test('a stored risk row keeps its measures when they move from the jsonb object into their columns (0025, 0026)', async () => {
  const before = migrationSet('before-measure-columns', (entries) => entries.filter((e) => String(e.tag) < '0025'));
  const database = await emptyDatabase();
  try {
    await migrateWith(database, before);
    const [tenant, student, unit] = [randomUUID(), randomUUID(), randomUUID()];
    await database.db.execute(sql`
      INSERT INTO student_risk (tenant_id, student_id, as_of, school_unit_id, school_type, tier, flags, data_status, measures)
      VALUES (${tenant}::uuid, ${student}::uuid, '2026-03-16', ${unit}::uuid, 'GY', 2, '{}', 'ok',
        '{"attendance4w": 0.875, "attendance45": 0.9, "attendanceTerm": null, "invalidTerm": 0.05, "validTerm": 0.025,
          "failedGrades": 2, "failedPoints": 150, "reportedDays45": 31}'::jsonb),
        (${tenant}::uuid, ${randomUUID()}::uuid, '2026-03-16', ${unit}::uuid, 'GY', 1, '{}', 'insufficient', '{}'::jsonb)`);
    await migrateDatabase(database);
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql`SELECT attendance_4w, attendance_45, attendance_term, invalid_term, valid_term, failed_grades, failed_points, reported_days_45
            FROM student_risk WHERE tenant_id = ${tenant}::uuid ORDER BY tier DESC`,
    );
    assert.deepEqual(rows[0], {
      attendance_4w: 0.875,
      attendance_45: 0.9,
      attendance_term: null,
      invalid_term: 0.05,
      valid_term: 0.025,
      failed_grades: 2,
      failed_points: 150,
      reported_days_45: 31,
    });
    assert.ok(
      Object.values(rows[1] ?? { none: 1 }).every((v) => v === null),
      'an empty summary leaves the columns empty',
    );
  } finally {
    await database.close();
  }
});

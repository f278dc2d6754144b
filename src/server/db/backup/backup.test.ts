/**
 * The restore drill: the fixture region (both organisers, accounts, access-log rows) is backed up, restored into a
 * fresh database, and every table's row count and the access log's checksum come back equal, with the access log
 * still append-only. Bad input is refused and leaves the target as it was. Runs on PGlite (the backup taken from a
 * "running server" through its socket) and on PostgreSQL (pg_dump/pg_restore) when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadAccessFixtures } from '../../../../test/support/access.ts';
import { withDatabase } from '../../../../test/support/database.ts';
import { openDatabase, type Database } from '../client.ts';
import { migrateDatabase } from '../migrate.ts';
import { accessLog, noTenant } from '../schema/index.ts';
import { backupToFile, type BackupTarget } from './backup.ts';
import { describeContents, type BackupContents } from './contents.ts';
import { serveBackupSocket } from './live-socket.ts';
import { restoreFromFile } from './restore.ts';

const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'fullfolj-backup-test-'));
const createdDatabases: string[] = [];
after(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of createdDatabases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

/** A new empty target: a fresh folder name, or a newly created PostgreSQL database. */
async function emptyTarget(): Promise<BackupTarget> {
  if (!serverUrl) return { kind: 'pglite', dataDir: join(work, `db-${randomUUID().slice(0, 8)}`) };
  const name = `fullfolj_backup_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  createdDatabases.push(name);
  return { kind: 'postgres', url: withDatabase(serverUrl, name) };
}

function open(target: BackupTarget): Promise<Database> {
  return target.kind === 'pglite' ? openDatabase({ dataDir: target.dataDir }) : openDatabase({ databaseUrl: target.url });
}

async function accessLogRefuses(database: Database): Promise<void> {
  for (const attempt of [sql`UPDATE access_log SET outcome = 'denied'`, sql`DELETE FROM access_log`, sql`TRUNCATE access_log`]) {
    await assert.rejects(database.db.execute(attempt), (e: Error) =>
      /append-only/.test(String((e.cause as Error | undefined)?.message ?? e.message)),
    );
  }
}

let source: BackupTarget;
let sourceDb: Database;
let expected: BackupContents;
let backupFile: string;

before(async () => {
  source = await emptyTarget();
  sourceDb = await open(source);
  await migrateDatabase(sourceDb);
  await loadAccessFixtures(sourceDb);
  await sourceDb.db.insert(accessLog).values(
    Array.from({ length: 25 }, (_, i) => ({
      tenantId: noTenant,
      requestId: `drill-${i}`,
      action: 'auth.sign-in',
      purpose: 'test',
      outcome: i % 3 ? ('allowed' as const) : ('denied' as const),
      ...(i % 2 ? { ip: '192.0.2.1' } : {}),
    })),
  );
  expected = await describeContents(sourceDb.db);
});

after(() => sourceDb.close());

test('a backup of the fixture region restores into a fresh database with every count and the access log equal', async () => {
  assert.ok(expected.accessLog.rows >= 25, 'the fixture has access-log rows');
  assert.ok((expected.tables['public.persons'] ?? 0) > 0, 'the fixture has persons');
  backupFile = join(work, 'drill.backup');
  // The embedded database is backed up while "running": its process holds the lock and answers on the socket.
  const socket = source.kind === 'pglite' ? await serveBackupSocket(sourceDb, source.dataDir) : null;
  const result = await backupToFile(source, backupFile);
  await socket?.close();
  if (source.kind === 'pglite') assert.equal(result.via, 'running-server');
  assert.deepEqual(result.manifest.contents, expected);
  assert.equal(statSync(backupFile).mode & 0o777, 0o600, 'a backup is readable by its owner only');
  assert.ok(!readdirSync(work).some((f) => f.endsWith('.partial')), 'no partial file is left');

  const target = await emptyTarget();
  const restored = await restoreFromFile(target, backupFile);
  assert.equal(restored.accessLog.checksum, expected.accessLog.checksum);
  assert.equal(
    restored.rows,
    Object.values(expected.tables).reduce((a, b) => a + b, 0),
  );
  const db = await open(target);
  try {
    assert.deepEqual(await describeContents(db.db), expected);
    await accessLogRefuses(db);
  } finally {
    await db.close();
  }
});

test('a restore into a database that is not empty is refused and changes nothing', async () => {
  const target = await emptyTarget();
  await restoreFromFile(target, backupFile);
  await assert.rejects(restoreFromFile(target, backupFile), /inte tom/);
  const db = await open(target);
  try {
    assert.deepEqual(await describeContents(db.db), expected);
  } finally {
    await db.close();
  }
});

test('a truncated, altered or newer backup is refused before anything is restored', async () => {
  const truncated = join(work, 'truncated.backup');
  copyFileSync(backupFile, truncated);
  truncateSync(truncated, statSync(truncated).size - 100);
  const altered = join(work, 'altered.backup');
  const bytes = readFileSync(backupFile);
  bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
  writeFileSync(altered, bytes);
  const newer = join(work, 'newer.backup');
  const text = readFileSync(backupFile);
  const firstNl = text.indexOf(0x0a);
  const secondNl = text.indexOf(0x0a, firstNl + 1);
  const manifest = JSON.parse(text.subarray(firstNl + 1, secondNl).toString('utf8')) as { schema: { lastWhen: number } };
  manifest.schema.lastWhen += 1e11;
  writeFileSync(newer, Buffer.concat([text.subarray(0, firstNl + 1), Buffer.from(JSON.stringify(manifest)), text.subarray(secondNl)]));
  const notBackup = join(work, 'not.backup');
  writeFileSync(notBackup, 'hello\n');

  for (const [file, reason] of [
    [truncated, /avkortad/],
    [altered, /kontrollsumma/],
    [newer, /nyare version/],
    [notBackup, /ingen säkerhetskopia/],
  ] as const) {
    const target = await emptyTarget();
    await assert.rejects(restoreFromFile(target, file), reason);
    if (target.kind === 'pglite') assert.throws(() => readdirSync(target.dataDir), 'no folder is left behind');
    else {
      const db = await open(target);
      try {
        assert.deepEqual((await describeContents(db.db)).tables, {}, 'the target database stays empty');
      } finally {
        await db.close();
      }
    }
  }
});

test('migrate refuses a database that a newer release has migrated', async () => {
  const target = await emptyTarget();
  await restoreFromFile(target, backupFile);
  const db = await open(target);
  try {
    await db.db.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('future', ${Date.now() + 1e11})`);
    await assert.rejects(migrateDatabase(db), /nyare version/);
  } finally {
    await db.close();
  }
});

test('fullfolj backup --json and restore --check --json print one result document', async () => {
  // PGlite: the source's folder is held by this process, so the CLI takes the copy through the socket.
  const socket = source.kind === 'pglite' ? await serveBackupSocket(sourceDb, source.dataDir) : null;
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...(source.kind === 'pglite' ? { FULLFOLJ_DATA_DIR: source.dataDir, DATABASE_URL: '' } : { DATABASE_URL: source.url }),
  };
  const run = promisify(execFile);
  const out = join(work, 'cli');
  try {
    const backup = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'backup', '--out', out, '--keep', '1', '--json'], {
      env,
    });
    const result = JSON.parse(backup.stdout) as { status: string; file: string; accessLog: { checksum: string }; rows: number };
    assert.equal(result.status, 'ok');
    assert.ok(result.file.startsWith(`${out}/fullfolj-`) && result.file.endsWith('Z.backup'), 'a new folder gets a dated file');
    assert.equal(result.accessLog.checksum, expected.accessLog.checksum);
    const check = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'restore', result.file, '--check', '--json'], {
      env,
    });
    assert.equal((JSON.parse(check.stdout) as { status: string }).status, 'ok');
    const bad = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'restore', join(work, 'missing.backup'), '--json'], {
      env,
    }).catch((e: { stdout: string; code: number }) => e);
    assert.equal((bad as { code: number }).code, 1);
    assert.equal((JSON.parse((bad as { stdout: string }).stdout) as { status: string }).status, 'failed');
  } finally {
    await socket?.close();
  }
});

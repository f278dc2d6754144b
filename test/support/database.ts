/**
 * A fresh, migrated database for each test file: cloned from a template built once per
 * migration set. PGlite: a dumped data directory cached under node_modules/.cache;
 * PostgreSQL (DATABASE_URL set): CREATE DATABASE … TEMPLATE.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { migrateDatabase, migrationsFolder } from '../../src/server/db/migrate.ts';

const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'fullfolj');

/** A hash of the migration files: a new migration gives a new template. */
function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const p = join(migrationsFolder, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(p));
  }
  return h.digest('hex').slice(0, 12);
}

/** Opens a fresh migrated database and closes (and on PostgreSQL drops) it after the file's tests. */
export async function createTestDatabase(): Promise<Database> {
  const database = await openFreshDatabase(process.env.DATABASE_URL);
  after(() => database.close());
  return database;
}

/** A fresh migrated database on PostgreSQL (when `url` is given) or PGlite; `close()` also drops it. */
export async function openFreshDatabase(url: string | undefined): Promise<Database> {
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}

async function createPgliteTestDatabase(): Promise<Database> {
  const file = join(cacheDir, `pglite-template-${migrationsHash()}.bin`);
  if (!existsSync(file)) {
    const template = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(template);
    const client = (template.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const blob = await client.dumpDataDir('none');
    await template.close();
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so that a parallel test file never reads half a template.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  }
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}

async function createPostgresTestDatabase(url: string): Promise<Database> {
  // Another way to make each file's database, e.g. on a Citus cluster (scripts/citus/test-database.ts).
  const factory = process.env.FULLFOLJ_TEST_DATABASE_FACTORY;
  if (factory) {
    const module = (await import(pathToFileURL(resolve(factory)).href)) as { createTestDatabase(url: string): Promise<Database> };
    return module.createTestDatabase(url);
  }
  const template = `fullfolj_tpl_${migrationsHash()}`;
  const name = `fullfolj_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // One test process builds the template; the others wait on the advisory lock.
    await admin.query('SELECT pg_advisory_lock(727001)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const t = await openDatabase({ databaseUrl: withDatabase(url, template) });
      await migrateDatabase(t);
      await t.close();
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.query('SELECT pg_advisory_unlock(727001)');
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(url, name) });
  const close = database.close;
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return database;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

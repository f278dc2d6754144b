/**
 * Each test file's database on the Citus cluster of scripts/citus/cluster.sh, for `scripts/citus/test.sh`: the test
 * support (test/support/database.ts) calls `createTestDatabase` when FULLFOLJ_TEST_DATABASE_FACTORY names this file.
 * A `CREATE DATABASE … TEMPLATE` on the coordinator alone cannot serve — it copies the shard metadata but not the
 * workers' shards — so the template is made once per migration set on EVERY node (the extension, the workers
 * registered, the migrations, scripts/citus/distribute.ts) and each file's database is copied from it on every node
 * under the same name: the coordinator's metadata then names shards that exist on the workers' copies. A template must
 * have no connections while it is copied, and Citus's maintenance daemon keeps one to every database with the
 * extension: the template is closed to connections (ALLOW_CONNECTIONS false) and its daemons ended, on every node.
 * Each file's database is dropped on every node when its tests end.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { migrateDatabase, migrationsFolder } from '../../src/server/db/migrate.ts';
import { distribute } from './distribute.ts';

function nodeUrl(url: string, port: string, database: string): string {
  const u = new URL(url);
  u.port = port;
  u.pathname = `/${database}`;
  return u.toString();
}

async function onNode(url: string, statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const s of statements) results.push(await client.query(s));
    return results;
  } finally {
    await client.end();
  }
}

/**
 * DROP … WITH (FORCE), again while the node answers "being accessed by other users" (55006): a Citus background worker
 * can connect to the database between the termination of its backends and the drop.
 */
async function dropOnNode(url: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await onNode(url, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((done) => setTimeout(done, 250 * attempt));
    }
  }
}

/** Shards per distributed table in a test database: CITUS_TEST_SHARD_COUNT, default 4. */
function shardCount(): number {
  const n = Number(process.env.CITUS_TEST_SHARD_COUNT ?? 4);
  if (!Number.isInteger(n) || n < 1) throw new Error('CITUS_TEST_SHARD_COUNT ska vara ett positivt heltal');
  return n;
}

/** The template's name: a new migration set or shard count gives a new template. */
function templateName(): string {
  const h = createHash('sha256').update(String(shardCount()));
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return `fullfolj_citus_tpl_${h.digest('hex').slice(0, 12)}`;
}

/** Makes the distributed template on every node unless the coordinator has it already. */
async function ensureTemplate(url: string, ports: string[], template: string): Promise<void> {
  const [coordinator, ...workers] = ports as [string, ...string[]];
  const [exists] = await onNode(nodeUrl(url, coordinator, 'postgres'), [`SELECT 1 FROM pg_database WHERE datname = '${template}'`]);
  if (exists?.rowCount) return;
  // Built under a working name and renamed at the end, so that a build that failed half-way is never copied.
  const building = `${template}_building`;
  for (const port of ports) await onNode(nodeUrl(url, port, 'postgres'), [`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`]);
  for (const port of ports) await onNode(nodeUrl(url, port, 'postgres'), [`CREATE DATABASE ${building}`]);
  for (const port of ports) await onNode(nodeUrl(url, port, building), ['CREATE EXTENSION citus']);
  await onNode(nodeUrl(url, coordinator, building), [
    // Fewer shards than Citus's 32 per table (CITUS_TEST_SHARD_COUNT): each table is still split over both workers.
    `SET citus.shard_count = ${shardCount()}`,
    `SELECT citus_set_coordinator_host('127.0.0.1', ${Number(coordinator)})`,
    ...workers.map((w) => `SELECT citus_add_node('127.0.0.1', ${Number(w)})`),
  ]);
  const database = await openDatabase({ databaseUrl: nodeUrl(url, coordinator, building) });
  try {
    await onNode(nodeUrl(url, coordinator, 'postgres'), [`ALTER DATABASE ${building} SET citus.shard_count = ${shardCount()}`]);
    await migrateDatabase(database);
    await distribute(database.db);
  } finally {
    await database.close();
  }
  // The coordinator last: its template's name is what marks the build as done.
  for (const port of [...ports].reverse()) {
    await onNode(nodeUrl(url, port, 'postgres'), [
      `ALTER DATABASE ${building} WITH ALLOW_CONNECTIONS false`,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${building}'`,
      `ALTER DATABASE ${building} RENAME TO ${template}`,
    ]);
  }
}

/** A fresh, migrated, distributed database on the cluster whose coordinator `url` points at. */
export async function createTestDatabase(url: string): Promise<Database> {
  const ports = (process.env.CITUS_PORTS ?? '').trim().split(/\s+/);
  const [coordinator, ...workers] = ports;
  if (!coordinator || workers.length === 0) throw new Error('CITUS_PORTS saknas: starta klustret med scripts/citus/cluster.sh');
  const template = templateName();
  const name = `fullfolj_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  // One test process builds the template; the others wait on the advisory lock (as test/support/database.ts does).
  const lock = new pg.Client({ connectionString: nodeUrl(url, coordinator, 'postgres') });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(727002)');
    await ensureTemplate(url, ports, template);
    for (const port of ports) await onNode(nodeUrl(url, port, 'postgres'), [`CREATE DATABASE ${name} TEMPLATE ${template}`]);
  } finally {
    await lock.end();
  }
  const database = await openDatabase({ databaseUrl: nodeUrl(url, coordinator, name) });
  const close = database.close;
  database.close = async () => {
    await close();
    for (const port of ports) await dropOnNode(nodeUrl(url, port, 'postgres'), name);
  };
  return database;
}

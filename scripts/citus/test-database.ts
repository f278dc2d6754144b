/**
 * Each test file's database on the Citus cluster of scripts/citus/cluster.sh, for `scripts/citus/test.sh`: the test
 * support (test/support/database.ts) calls `createTestDatabase` when FULLFOLJ_TEST_DATABASE_FACTORY names this file.
 * `CREATE DATABASE … TEMPLATE` cannot serve here — it copies the coordinator's shard metadata but not the workers' shards
 * — so every file gets a database made on each node (CITUS_PORTS: coordinator first), the extension, the workers
 * registered, the migrations and scripts/citus/distribute.ts. Dropped on every node when the file's tests end.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { distribute } from './distribute.ts';

function nodeUrl(url: string, port: string, database: string): string {
  const u = new URL(url);
  u.port = port;
  u.pathname = `/${database}`;
  return u.toString();
}

async function onNode(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

/** Shards per distributed table in a test database: CITUS_TEST_SHARD_COUNT, default 4. */
function shardCount(): number {
  const n = Number(process.env.CITUS_TEST_SHARD_COUNT ?? 4);
  if (!Number.isInteger(n) || n < 1) throw new Error('CITUS_TEST_SHARD_COUNT ska vara ett positivt heltal');
  return n;
}

/** A fresh, migrated, distributed database on the cluster whose coordinator `url` points at. */
export async function createTestDatabase(url: string): Promise<Database> {
  const ports = (process.env.CITUS_PORTS ?? '').trim().split(/\s+/);
  const [coordinator, ...workers] = ports;
  if (!coordinator || workers.length === 0) throw new Error('CITUS_PORTS saknas: starta klustret med scripts/citus/cluster.sh');
  const name = `fullfolj_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  for (const port of ports) await onNode(nodeUrl(url, port, 'postgres'), [`CREATE DATABASE ${name}`]);
  for (const port of ports) await onNode(nodeUrl(url, port, name), ['CREATE EXTENSION citus']);
  await onNode(nodeUrl(url, coordinator, name), [
    // Fewer shards than Citus's 32 per table (CITUS_TEST_SHARD_COUNT): each table is still split over both workers,
    // with fewer shard tables per file. Not measurably faster to set up here (about 22 s a file either way at load 16).
    `ALTER DATABASE ${name} SET citus.shard_count = ${shardCount()}`,
    `SELECT citus_set_coordinator_host('127.0.0.1', ${Number(coordinator)})`,
    ...workers.map((w) => `SELECT citus_add_node('127.0.0.1', ${Number(w)})`),
  ]);
  const database = await openDatabase({ databaseUrl: nodeUrl(url, coordinator, name) });
  await migrateDatabase(database);
  await distribute(database.db);
  const close = database.close;
  database.close = async () => {
    await close();
    for (const port of ports) await onNode(nodeUrl(url, port, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  };
  return database;
}

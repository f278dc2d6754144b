/**
 * A seeded demo region (the kurator's, refreshed once) for the read profiles (`profile-reads.ts`, `explain-reads.ts`),
 * kept between runs so that a change can be profiled without seeding again:
 *  - PGlite: the data folder is kept in the file `BENCH_EXPLAIN_CACHE` when set, and loaded from there next time;
 *  - PostgreSQL: `BENCH_KEPT_DATABASE_URL` names a database (created empty by hand) that is seeded when it has no demo
 *    accounts yet and used as it is afterwards; without it, `DATABASE_URL` gives a fresh database each run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { createDemoAccounts } from '../src/server/modules/auth/demo-accounts.ts';
import { refreshAll } from '../src/server/modules/early-warning/refresh.ts';
import { openFreshDatabase } from '../test/support/database.ts';
import { TODAY } from './served-demo.ts';

async function seed(database: Database, scale: number): Promise<void> {
  await seedDemoRegion(database, { seed: 1, scale, today: TODAY });
  await createDemoAccounts(database, { asOf: TODAY });
  await refreshAll(database.db, TODAY);
}

/** The demo region at `scale`: from the kept PGlite file or PostgreSQL database when there is one, else seeded now. */
export async function keptDemo(scale: number): Promise<Database> {
  const cache = process.env.BENCH_EXPLAIN_CACHE;
  const kept = process.env.BENCH_KEPT_DATABASE_URL;
  if (kept) {
    const database = await openDatabase({ databaseUrl: kept });
    await migrateDatabase(database);
    const [seeded] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM accounts WHERE username = 'kurator'`);
    if (!seeded?.n) await seed(database, scale);
    return database;
  }
  if (!process.env.DATABASE_URL && cache && existsSync(cache)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(cache)]) });
    await migrateDatabase(database);
    return database;
  }
  const database = await openFreshDatabase(process.env.DATABASE_URL);
  await seed(database, scale);
  if (cache && database.dumpDataDir) writeFileSync(cache, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  return database;
}

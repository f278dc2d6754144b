/**
 * The plans of the scoped reads (issue #17 item 1): `npx tsx bench/explain-reads.ts` (PGlite; with `DATABASE_URL`,
 * PostgreSQL). Seeds the demo region (scale `BENCH_LIST_SCALE`, default 1) once — on PGlite the seeded data folder is kept
 * in `BENCH_EXPLAIN_CACHE` when set and loaded from there next time — and prints `EXPLAIN (ANALYZE, BUFFERS)` of the
 * kurator's `/api/students?page=2` and worklist queries, five times each, with their planning and execution times.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { openDatabase, queryRows, type Database } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { createDemoAccounts } from '../src/server/modules/auth/demo-accounts.ts';
import { refreshAll } from '../src/server/modules/early-warning/refresh.ts';
import { worklistQuery } from '../src/server/modules/early-warning/queries.ts';
import { scopeStudentsQuery } from '../src/server/modules/students/policy.ts';
import { listStudentsQuery } from '../src/server/modules/students/queries.ts';
import { loadActor } from '../src/server/platform/context.ts';
import { openFreshDatabase } from '../test/support/database.ts';
import { size } from './harness.ts';
import { TODAY } from './served-demo.ts';

const SCALE = size('BENCH_LIST_SCALE', 1, 0.05);
const cache = process.env.BENCH_EXPLAIN_CACHE;
const log = (m: string) => process.stderr.write(`${m}\n`);

/** A seeded demo region: from the cached PGlite folder when there is one. */
async function seeded(): Promise<Database> {
  if (!process.env.DATABASE_URL && cache && existsSync(cache)) {
    const database = await openDatabase({ loadDataDir: new Blob([readFileSync(cache)]) });
    await migrateDatabase(database);
    return database;
  }
  const database = await openFreshDatabase(process.env.DATABASE_URL);
  await seedDemoRegion(database, { seed: 1, scale: SCALE, today: TODAY });
  await createDemoAccounts(database, { asOf: TODAY });
  await refreshAll(database.db, TODAY);
  if (cache && database.dumpDataDir) writeFileSync(cache, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  return database;
}

async function explain(database: Database, name: string, query: SQL): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const rows = await queryRows<{ 'QUERY PLAN': string }>(database.db, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
    const plan = rows.map((r) => r['QUERY PLAN']);
    if (i === 0) log(`— ${name}\n${plan.join('\n')}`);
    log(`${name}: ${plan.filter((l) => /Planning Time|Execution Time/.test(l)).join(', ')}`);
  }
}

const database = await seeded();
try {
  const [account] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM accounts WHERE username = 'kurator'`);
  const actor = account && (await loadActor(database.db, account.id));
  if (!actor?.tenantId) throw new Error('no kurator');
  const scope = scopeStudentsQuery(actor, { asOf: TODAY, permission: 'students.list' });
  if (!scope) throw new Error('no scope');
  await explain(database, 'students page 2', listStudentsQuery(scope, { page: 2, pageSize: 25 }, TODAY));
  await explain(database, 'worklist page 1', worklistQuery(actor.tenantId, scope, { minTier: 1, page: 1, pageSize: 25 }));
} finally {
  await database.close();
}

/**
 * The plans of the scoped reads (issue #17 item 1): `npx tsx bench/explain-reads.ts` (PGlite; with `DATABASE_URL`,
 * PostgreSQL). Seeds the demo region (scale `BENCH_LIST_SCALE`, default 1), or takes the one kept by `kept-demo.ts`
 * (`BENCH_EXPLAIN_CACHE`, `BENCH_KEPT_DATABASE_URL`), and prints `EXPLAIN (ANALYZE, BUFFERS)` of the
 * kurator's `/api/students?page=2` and worklist queries, five times each, with their planning and execution times.
 */
import { sql, type SQL } from 'drizzle-orm';
import { analyzeAfterWrite } from '../src/server/db/analyze.ts';
import { queryRows, type Database } from '../src/server/db/client.ts';
import { worklistQuery } from '../src/server/modules/early-warning/queries.ts';
import { scopeImpliesCurrentEnrolment, scopeStudentsQuery } from '../src/server/modules/students/policy.ts';
import { listStudentsQuery } from '../src/server/modules/students/queries.ts';
import { loadActor } from '../src/server/platform/context.ts';
import { size } from './harness.ts';
import { keptDemo } from './kept-demo.ts';
import { TODAY } from './served-demo.ts';

const SCALE = size('BENCH_LIST_SCALE', 1, 0.05);
const log = (m: string) => process.stderr.write(`${m}\n`);

async function explain(database: Database, name: string, query: SQL): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const rows = await queryRows<{ 'QUERY PLAN': string }>(database.db, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
    const plan = rows.map((r) => r['QUERY PLAN']);
    if (i === 0) log(`— ${name}\n${plan.join('\n')}`);
    log(`${name}: ${plan.filter((l) => /Planning Time|Execution Time/.test(l)).join(', ')}`);
  }
}

const database = await keptDemo(SCALE);
try {
  // BENCH_EXPLAIN_ANALYZE=1: the plans after an ANALYZE of the whole database (what fresh statistics would change).
  if (process.env.BENCH_EXPLAIN_ANALYZE === '1') await analyzeAfterWrite(database.db);
  const [account] = await queryRows<{ id: string }>(database.db, sql`SELECT id FROM accounts WHERE username = 'kurator'`);
  const actor = account && (await loadActor(database.db, account.id));
  if (!actor?.tenantId) throw new Error('no kurator');
  const scope = scopeStudentsQuery(actor, { asOf: TODAY, permission: 'students.list' });
  if (!scope) throw new Error('no scope');
  const scopeEnrols = scopeImpliesCurrentEnrolment(actor, { asOf: TODAY, permission: 'students.list' });
  await explain(database, 'students page 2', listStudentsQuery(actor.tenantId, scope, { page: 2, pageSize: 25 }, TODAY, scopeEnrols));
  await explain(database, 'worklist page 1', worklistQuery(actor.tenantId, scope, { minTier: 1, page: 1, pageSize: 25 }));
} finally {
  await database.close();
}

/**
 * Where the national night's completion spends its time (issue #17 item 5): a synthetic nation (bench/national/generate.ts,
 * untimed), then every organiser's `completionCohorts` timed one by one, the slowest first, and the plan of the largest
 * organiser's statement (EXPLAIN ANALYZE). Not a registered benchmark:
 * `BENCH_NATIONAL_STUDENTS=150000 DATABASE_URL=… npx tsx bench/national/completion-profile.ts` (PGlite without DATABASE_URL).
 */
import { sql } from 'drizzle-orm';
import { openFreshDatabase } from '../../test/support/database.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { completionCohorts, earliestShown } from '../../src/server/modules/follow-up/completion.ts';
import { countsQuery } from '../../src/server/modules/follow-up/cohort-counts.ts';
import { generateNational, nationalNight } from './generate.ts';

const students = Number(process.env.BENCH_NATIONAL_STUDENTS ?? 150_000);

async function main() {
  const database = await openFreshDatabase(process.env.DATABASE_URL || undefined);
  try {
    const { db } = database;
    await generateNational(database, students, (m) => console.error(`generate: ${m}`));
    await db.execute(sql`analyze`);
    const tenants = await queryRows<{ id: string; n: number }>(
      db,
      sql`select tenant_id as id, count(*)::int as n from enrolments where school_type = 'GY' group by tenant_id`,
    );
    const times: { id: string; n: number; ms: number }[] = [];
    const all = performance.now();
    for (const t of tenants) {
      const t0 = performance.now();
      await completionCohorts(db, t.id, 'all', nationalNight);
      times.push({ ...t, ms: performance.now() - t0 });
    }
    const total = performance.now() - all;
    times.sort((a, b) => b.ms - a.ms);
    console.log(`${tenants.length} organisers, ${times.reduce((s, t) => s + t.n, 0)} GY enrolments: ${(total / 1000).toFixed(2)} s`);
    for (const t of times.slice(0, 5)) console.log(`  ${t.n} enrolments: ${t.ms.toFixed(0)} ms`);
    const largest = times.reduce((a, b) => (b.n > a.n ? b : a));
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      db,
      sql`explain (analyze, buffers, costs off) ${countsQuery(largest.id, 'all', nationalNight, earliestShown(nationalNight))}`,
    );
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
  } finally {
    await database.close();
  }
}

await main();

/**
 * Where the national night's early-detection refresh spends its time (issue #17 item 5): a synthetic nation
 * (bench/national/generate.ts) and its night's lessons COPYed in and analysed, untimed, then every organiser's `refreshTenant` in its
 * own transaction (as `refreshAll` runs them) with every statement timed (bench/statement-timer.ts), summed over the
 * organisers. Not a registered benchmark:
 * `BENCH_NATIONAL_STUDENTS=150000 BENCH_NATIONAL_WORKERS=1 DATABASE_URL=… npx tsx bench/national/refresh-profile.ts`.
 * With one worker (the default) the table adds up to the refresh's wall time; with more, the statements overlap.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openFreshDatabase } from '../../test/support/database.ts';
import { queryRows } from '../../src/server/db/client.ts';
import { refreshTenant } from '../../src/server/modules/early-warning/refresh.ts';
import { sideBySide } from '../../src/server/platform/side-by-side.ts';
import { analyzeAfterWrite } from '../../src/server/db/analyze.ts';
import { copyInto } from '../national-night.bench.ts';
import { backendCpu, backendPid, nodeCpu, printSteps, timedTransaction, type Step } from '../statement-timer.ts';
import { dayCsv, generateNational, nationalNight, scheduleNight } from './generate.ts';

const students = Number(process.env.BENCH_NATIONAL_STUDENTS ?? 150_000);
const workers = Math.max(1, Number(process.env.BENCH_NATIONAL_WORKERS ?? 1));
const explain = process.env.BENCH_NATIONAL_EXPLAIN ? new RegExp(process.env.BENCH_NATIONAL_EXPLAIN, 'i') : null;

async function main() {
  const database = await openFreshDatabase(process.env.DATABASE_URL || undefined);
  try {
    const { db } = database;
    await generateNational(database, students, (m) => console.error(`generate: ${m}`));
    await scheduleNight(database);
    // The day in as the benchmark takes it: COPYed, then analysed as an import ends its run.
    await copyInto(database, 'attendances', await dayCsv(database, students));
    await analyzeAfterWrite(db, ['attendances']);
    const tenants = await queryRows<{ id: string; name: string }>(db, sql`select id, name from organisers order by name, id`);
    const steps = new Map<string, Step>();
    const total = { wall: 0, server: 0, node: 0 };
    let scored = 0;
    const [w, n] = [performance.now(), nodeCpu()];
    await sideBySide(tenants, workers, (t) =>
      db.transaction(async (tx) => {
        const pid = await backendPid(tx, database.kind);
        const s = backendCpu(pid);
        const summary = await refreshTenant(timedTransaction(tx, pid, steps, explain), t.id, nationalNight);
        total.server += backendCpu(pid) - s;
        scored += summary.students;
        return summary;
      }),
    );
    Object.assign(total, { wall: (performance.now() - w) / 1000, node: nodeCpu() - n });
    process.stdout.write(
      `${database.kind}, ${students} pupils, ${tenants.length} organisers, ${scored} refreshed, ${workers} at a time: refresh wall ` +
        `${total.wall.toFixed(2)} s, server CPU ${total.server.toFixed(2)} s, Node CPU ${total.node.toFixed(2)} s ` +
        `(load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
    );
    printSteps(steps, total);
  } finally {
    await database.close();
  }
}

await main();

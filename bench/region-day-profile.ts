/**
 * Where the region-day refresh spends its time (issue #17 item 2): the `region-day refresh` benchmark's setup and COPY
 * (bench/early-warning.bench.ts), then one `refreshTenant` with every statement timed — wall time, and on PostgreSQL the
 * backend's CPU time from /proc (this machine is shared, so wall time alone says little) — and Node's CPU time beside it.
 * Not a registered benchmark: `BENCH_REGION_STUDENTS=50000 DATABASE_URL=… npx tsx bench/region-day-profile.ts`
 * (PGlite without DATABASE_URL). Prints one line per statement group, slowest first. `BENCH_REGION_REFRESHES=2` refreshes
 * again on each following day, each in its own transaction, and profiles the last: the nightly case, where the merges
 * meet yesterday's rows (with the statistics the first refresh left).
 */
import { readFileSync } from 'node:fs';
import { openFreshDatabase } from '../test/support/database.ts';
import { refreshTenant } from '../src/server/modules/early-warning/refresh.ts';
import { attendanceCsv, copyChunks, loadRegion, SCHOOL_DAY, syntheticRegion } from './early-warning.bench.ts';
import { backendCpu, backendPid, nodeCpu, printSteps, timedTransaction, type Step } from './statement-timer.ts';

const students = Number(process.env.BENCH_REGION_STUDENTS ?? 50_000);
const explainPattern = process.env.BENCH_REGION_EXPLAIN ? new RegExp(process.env.BENCH_REGION_EXPLAIN, 'i') : null;
const refreshes = Math.max(1, Number(process.env.BENCH_REGION_REFRESHES ?? 1));

/** `date` plus `days` (ISO dates). */
const nextDay = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function main() {
  const database = await openFreshDatabase(process.env.DATABASE_URL || undefined);
  try {
    const region = syntheticRegion(students);
    const { chunks, rows } = attendanceCsv(region);
    await loadRegion(database, region);
    const c0 = performance.now();
    await copyChunks(database, chunks);
    const copySeconds = (performance.now() - c0) / 1000;
    const steps = new Map<string, Step>();
    const total = { wall: 0, server: 0, node: 0 };
    for (let day = 0; day < refreshes - 1; day++)
      await database.db.transaction((tx) => refreshTenant(tx, region.tenantId, nextDay(SCHOOL_DAY, day)));
    await database.db.transaction(async (tx) => {
      const pid = await backendPid(tx, database.kind);
      // `BENCH_REGION_EXPLAIN=<pattern>`: the statements whose name matches run under EXPLAIN ANALYZE (which executes them).
      const timedTx = timedTransaction(tx, pid, steps, explainPattern);
      const [w, s, n] = [performance.now(), backendCpu(pid), nodeCpu()];
      const summary = await refreshTenant(timedTx, region.tenantId, nextDay(SCHOOL_DAY, refreshes - 1));
      Object.assign(total, { wall: (performance.now() - w) / 1000, server: backendCpu(pid) - s, node: nodeCpu() - n });
      process.stdout.write(`${summary.students} students, ${summary.activeIndicators} indicators\n`);
    });
    process.stdout.write(
      `${database.kind}, ${students} students, ${rows} rows, refresh ${refreshes} of ${refreshes}: COPY ${copySeconds.toFixed(2)} s; refresh wall ${total.wall.toFixed(2)} s, ` +
        `server CPU ${total.server.toFixed(2)} s, Node CPU ${total.node.toFixed(2)} s (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
    );
    printSteps(steps, total);
  } finally {
    await database.close();
  }
}

await main();

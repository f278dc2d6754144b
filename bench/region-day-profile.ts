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
import { sql, type SQL } from 'drizzle-orm';
import { openFreshDatabase } from '../test/support/database.ts';
import { queryRows, type DbOrTx } from '../src/server/db/client.ts';
import { refreshTenant } from '../src/server/modules/early-warning/refresh.ts';
import { attendanceCsv, copyChunks, loadRegion, SCHOOL_DAY, syntheticRegion } from './early-warning.bench.ts';

const students = Number(process.env.BENCH_REGION_STUDENTS ?? 50_000);
const explainPattern = process.env.BENCH_REGION_EXPLAIN ? new RegExp(process.env.BENCH_REGION_EXPLAIN, 'i') : null;
const refreshes = Math.max(1, Number(process.env.BENCH_REGION_REFRESHES ?? 1));
const ticks = 100; // USER_HZ on Linux

/** The backend's CPU seconds (user + system), or 0 where /proc cannot be read (PGlite, another host). */
function backendCpu(pid: number | null): number {
  if (pid === null) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0;
  }
}

const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Step {
  wall: number;
  server: number;
  node: number;
  calls: number;
}

/** A name for a statement: its first words, without parameters. */
function label(query: unknown): string {
  const chunks = (query as { queryChunks?: unknown[] }).queryChunks;
  const text = Array.isArray(chunks)
    ? chunks.map((c) => (c && typeof c === 'object' && 'value' in c ? (c as { value: unknown[] }).value.join('') : '')).join(' ')
    : String(query);
  const words = text.replace(/\s+/g, ' ').trim();
  const cte = /^with (\w+)/i.exec(words);
  const verb = /(insert into \w+|delete from \w+|update \w+|select|analyze|create \w+ \w+|truncate|set local)/i.exec(words);
  return `${cte ? `with ${cte[1]}… ` : ''}${verb?.[0] ?? words.slice(0, 40)}`.slice(0, 60);
}

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
    let pid: number | null = null;
    const total = { wall: 0, server: 0, node: 0 };
    for (let day = 0; day < refreshes - 1; day++)
      await database.db.transaction((tx) => refreshTenant(tx, region.tenantId, nextDay(SCHOOL_DAY, day)));
    await database.db.transaction(async (tx) => {
      if (database.kind === 'postgres') {
        const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        pid = row?.pid ?? null;
      }
      const timedTx = new Proxy(tx, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver) as unknown;
          if (key !== 'execute' || typeof value !== 'function') return value;
          return async (query: unknown) => {
            const [w, s, n] = [performance.now(), backendCpu(pid), nodeCpu()];
            try {
              if (explainPattern?.test(label(query))) {
                // `BENCH_REGION_EXPLAIN=<pattern>`: the statements whose name matches run under EXPLAIN ANALYZE (which executes them).
                const plan = await queryRows<{ 'QUERY PLAN': string }>(target, sql`explain (analyze, buffers) ${query as SQL}`);
                process.stderr.write(`— ${label(query)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
                return [];
              }
              return await (value as (q: unknown) => Promise<unknown>).call(target, query);
            } finally {
              const name = label(query);
              const step = steps.get(name) ?? { wall: 0, server: 0, node: 0, calls: 0 };
              step.wall += (performance.now() - w) / 1000;
              step.server += backendCpu(pid) - s;
              step.node += nodeCpu() - n;
              step.calls += 1;
              steps.set(name, step);
            }
          };
        },
      }) as DbOrTx;
      const [w, s, n] = [performance.now(), backendCpu(pid), nodeCpu()];
      const summary = await refreshTenant(timedTx, region.tenantId, nextDay(SCHOOL_DAY, refreshes - 1));
      Object.assign(total, { wall: (performance.now() - w) / 1000, server: backendCpu(pid) - s, node: nodeCpu() - n });
      process.stdout.write(`${summary.students} students, ${summary.activeIndicators} indicators\n`);
    });
    const fmt = (x: number) => x.toFixed(2).padStart(7);
    process.stdout.write(
      `${database.kind}, ${students} students, ${rows} rows, refresh ${refreshes} of ${refreshes}: COPY ${copySeconds.toFixed(2)} s; refresh wall ${total.wall.toFixed(2)} s, ` +
        `server CPU ${total.server.toFixed(2)} s, Node CPU ${total.node.toFixed(2)} s (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`,
    );
    process.stdout.write(`   wall  server    node  calls  statement\n`);
    let inStatements = { wall: 0, node: 0 };
    for (const [name, s] of [...steps].sort((a, b) => b[1].wall - a[1].wall)) {
      inStatements = { wall: inStatements.wall + s.wall, node: inStatements.node + s.node };
      process.stdout.write(`${fmt(s.wall)} ${fmt(s.server)} ${fmt(s.node)} ${String(s.calls).padStart(6)}  ${name}\n`);
    }
    process.stdout.write(
      `${fmt(total.wall - inStatements.wall)}         ${fmt(total.node - inStatements.node)}         between statements (Node: indicators, scoring, CSV)\n`,
    );
  } finally {
    await database.close();
  }
}

await main();

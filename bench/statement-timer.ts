/**
 * Statement-level timing for the profiling scripts (bench/region-day-profile.ts, bench/national/refresh-profile.ts): a
 * transaction wrapped so every `execute` adds its wall time, the PostgreSQL backend's CPU time (from /proc: this
 * machine is shared, so wall time alone says little) and Node's CPU time to a table keyed by the statement's first
 * words. Not a benchmark: the profiles print the table, slowest first.
 */
import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../src/server/db/client.ts';

const ticks = 100; // USER_HZ on Linux

/** The backend's CPU seconds (user + system), or 0 where /proc cannot be read (PGlite, another host). */
export function backendCpu(pid: number | null): number {
  if (pid === null) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0;
  }
}

/** This Node process's CPU seconds so far. */
export const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export interface Step {
  wall: number;
  server: number;
  node: number;
  calls: number;
}

/** A name for a statement: its first words, without parameters. */
export function label(query: unknown): string {
  const chunks = (query as { queryChunks?: unknown[] }).queryChunks;
  const text = Array.isArray(chunks)
    ? chunks.map((c) => (c && typeof c === 'object' && 'value' in c ? (c as { value: unknown[] }).value.join('') : '')).join(' ')
    : String(query);
  const words = text.replace(/\s+/g, ' ').trim();
  const cte = /^with (\w+)/i.exec(words);
  const verb = /(insert into \w+|delete from \w+|update \w+|select|analyze|create \w+ \w+|truncate|set local)/i.exec(words);
  return `${cte ? `with ${cte[1]}… ` : ''}${verb?.[0] ?? words.slice(0, 40)}`.slice(0, 60);
}

/** The transaction's backend process id on PostgreSQL (null on PGlite). */
export async function backendPid(tx: DbOrTx, kind: 'pglite' | 'postgres'): Promise<number | null> {
  if (kind !== 'postgres') return null;
  const [row] = await queryRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
  return row?.pid ?? null;
}

/**
 * `tx` with every `execute` timed into `steps`. Statements whose name matches `explain` run under EXPLAIN ANALYZE
 * instead (which executes them), their plans go to stderr, and the caller gets no rows.
 */
export function timedTransaction(tx: DbOrTx, pid: number | null, steps: Map<string, Step>, explain: RegExp | null = null): DbOrTx {
  return new Proxy(tx, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== 'execute' || typeof value !== 'function') return value;
      return async (query: unknown) => {
        const [w, s, n] = [performance.now(), backendCpu(pid), nodeCpu()];
        try {
          if (explain?.test(label(query))) {
            const plan = await queryRows<{ 'QUERY PLAN': string }>(target, sql`explain (analyze, buffers) ${query as SQL}`);
            process.stderr.write(`— ${label(query)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`);
            return { rows: [] };
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
}

/** Prints the table, slowest first, and the time outside the statements (`total` less their sum). */
export function printSteps(steps: Map<string, Step>, total: { wall: number; node: number }): void {
  const fmt = (x: number) => x.toFixed(2).padStart(7);
  process.stdout.write(`   wall  server    node  calls  statement\n`);
  let inStatements = { wall: 0, node: 0 };
  for (const [name, s] of [...steps].sort((a, b) => b[1].wall - a[1].wall)) {
    inStatements = { wall: inStatements.wall + s.wall, node: inStatements.node + s.node };
    process.stdout.write(`${fmt(s.wall)} ${fmt(s.server)} ${fmt(s.node)} ${String(s.calls).padStart(6)}  ${name}\n`);
  }
  process.stdout.write(
    `${fmt(total.wall - inStatements.wall)}         ${fmt(total.node - inStatements.node)}         between statements (Node: indicators, scoring, CSV)\n`,
  );
}

/**
 * The scoped student list under load: p95 latency of `GET /api/students` for the kurator of the demo region's
 * largest school unit, against `GET /api/auth/me` in the same run — the same pipeline (session lookup,
 * transaction, permission check) without the scoped query, paging, count and access-log row. The ratio is
 * what the list costs on top of a bare authenticated request; lower is better.
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { seedDemoRegion } from '../src/ingest/demo/index.ts';
import { buildApp } from '../src/server/app.ts';
import { createDemoAccounts, demoPassword } from '../src/server/modules/auth/demo-accounts.ts';
import { round, withFresh, type Benchmark } from './harness.ts';

const TODAY = '2026-11-22';
const SCALE = Number(process.env.BENCH_LIST_SCALE ?? 1);
const SECONDS = Number(process.env.BENCH_LIST_SECONDS ?? 10);
const CONNECTIONS = 10;

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Fewer responses than this make no p95 worth reporting (BENCH_LIST_MIN_SAMPLES): a loaded machine may answer few in a short run. */
const MIN_SAMPLES = Number(process.env.BENCH_LIST_MIN_SAMPLES ?? 20);

/**
 * Runs autocannon against `url` for SECONDS, again until at least MIN_SAMPLES responses came back (at most ten rounds),
 * and returns every response time in ms (autocannon's histogram has no p95).
 */
async function latencies(url: string, headers: Record<string, string>): Promise<{ times: number[]; non2xx: number }> {
  const times: number[] = [];
  let non2xx = 0;
  for (let round = 0; round < 10 && times.length < MIN_SAMPLES; round++) {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS }, (error, r) =>
        error ? reject(error) : resolve(r),
      );
      instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
    });
    non2xx += result.non2xx;
  }
  if (times.length < MIN_SAMPLES) throw new Error(`${url}: bara ${times.length} svar på tio omgångar om ${SECONDS} s (too few responses)`);
  return { times, non2xx };
}

const studentList: Benchmark = {
  name: 'student-list p95',
  unit: 'ms',
  describe: `p95 latency of GET /api/students (kurator, demo region scale ${SCALE}, ${CONNECTIONS} connections, ${SECONDS} s) / p95 of GET /api/auth/me in the same run; lower is better`,
  async run(engine, log) {
    return withFresh(engine, async (database) => {
      await seedDemoRegion(database, { seed: 1, scale: SCALE, today: TODAY });
      await createDemoAccounts(database, { asOf: TODAY });
      const app = await buildApp({ database, config: { logLevel: 'silent' }, clock: () => new Date(`${TODAY}T10:00:00+01:00`) });
      try {
        await app.listen({ host: '127.0.0.1', port: 0 });
        const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
        const signIn = await fetch(`${base}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': '1' },
          body: JSON.stringify({ username: 'kurator', password: demoPassword }),
        });
        if (!signIn.ok) throw new Error(`Inloggningen misslyckades: ${signIn.status}`);
        const cookie = signIn.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const headers = { cookie };
        const list = await latencies(`${base}/api/students?page=2&pageSize=25`, headers);
        const me = await latencies(`${base}/api/auth/me`, headers);
        if (list.non2xx || me.non2xx) throw new Error(`Svar utan 2xx: lista ${list.non2xx}, me ${me.non2xx}`);
        // autocannon drops its last sockets mid-request; let the server finish those before closing the database.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const total = (await (await fetch(`${base}/api/students?pageSize=1`, { headers })).json()) as { total: number };
        log(`${total.total} students in scope; list ${list.times.length} requests, me ${me.times.length} requests`);
        return { value: round(percentile(list.times, 95)), baseline: round(percentile(me.times, 95)) };
      } finally {
        await app.close();
      }
    });
  },
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [studentList];

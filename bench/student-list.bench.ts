/**
 * Scoped reads under load, each against `GET /api/auth/me` in the same run — the same pipeline (session lookup,
 * transaction, permission check) without the scoped query, paging, count and access-log row:
 *  - `student-list p95`: p95 latency of `GET /api/students` for the kurator of the demo region's largest school unit;
 *  - `worklist p95`: p95 latency of the same kurator's early-detection worklist (`GET /api/early-warning/worklist`);
 *  - `students under load`: responses per second of `GET /api/students` at 50 connections (30 s) against `/api/auth/me`
 *    at the same load; p95 and timeouts of both on stderr.
 * The p95 ratios are what the read costs on top of a bare authenticated request; lower is better.
 */
import { round, size, type Benchmark } from './harness.ts';
import { load, percentile, withSignedInDemo, type SignedIn } from './served-demo.ts';

export { percentile } from './served-demo.ts';

const SCALE = size('BENCH_LIST_SCALE', 1, 0.05);
const CONNECTIONS = size('BENCH_LIST_CONNECTIONS', 10, 2);
/**
 * Requests per p95, the same number for the read and its baseline: a fixed count rather than a time window, so that a
 * slow engine (PGlite answered 20–30 worklist requests in a 10 s window on a loaded machine) still gives a p95 from enough
 * samples. 1,000 since 5 December: with 200, three runs of the list on PostgreSQL gave 3.8–5.1; with 1,000 after a
 * warm-up, 3.3–3.5 (bench/README.md).
 */
const SAMPLES = size('BENCH_LIST_SAMPLES', 1000, 5);
/** Requests to each URL before it is measured, not counted: the first ones pay for compiling code and filling caches. */
const WARM_UP = size('BENCH_LIST_WARM_UP', 100, 2);
const LOAD_CONNECTIONS = size('BENCH_LOAD_CONNECTIONS', 50, 10);
const LOAD_SECONDS = size('BENCH_LOAD_SECONDS', 30, 2);

/**
 * Rounds the samples are taken in, the read's and the baseline's alternating: taken one after the other, the first side
 * ran on less settled code (compiled, garbage-collected) and in another minute of the machine's load than the second,
 * and the order alone moved the ratio by up to 0.5 between runs of the same tree (bench/README.md, *6 December*).
 */
const ROUNDS = size('BENCH_LIST_ROUNDS', 5, 1);

/** `amount` requests to `url` over CONNECTIONS connections; every response time in ms. */
async function latencies(url: string, headers: Record<string, string>, amount: number): Promise<number[]> {
  const run = await load(url, headers, { connections: CONNECTIONS, seconds: 0, amount, timeout: 30 });
  if (run.non2xx) throw new Error(`${url}: ${run.non2xx} svar utan 2xx (responses without 2xx)`);
  if (run.times.length < amount) throw new Error(`${url}: bara ${run.times.length} av ${amount} svar (too few responses)`);
  return run.times;
}

/** A load run of `url` at LOAD_CONNECTIONS for LOAD_SECONDS; where no response came back, again for twice as long (four rounds at most). */
async function loaded(url: string, headers: Record<string, string>) {
  let run = await load(url, headers, { connections: LOAD_CONNECTIONS, seconds: LOAD_SECONDS });
  for (let round = 1, seconds = LOAD_SECONDS * 2; round < 4 && run.times.length === 0; round++, seconds *= 2)
    run = await load(url, headers, { connections: LOAD_CONNECTIONS, seconds });
  return run;
}

/** p95 of `path` against p95 of /api/auth/me, both signed in as the kurator, each after WARM_UP requests of its own, in ROUNDS alternating rounds. */
async function p95AgainstMe(s: SignedIn, path: string): Promise<{ value: number; baseline: number }> {
  for (const url of [`${s.base}${path}`, `${s.base}/api/auth/me`])
    await load(url, s.headers, { connections: CONNECTIONS, seconds: 0, amount: Math.max(WARM_UP, CONNECTIONS), timeout: 30 });
  const value: number[] = [];
  const me: number[] = [];
  const perRound = Math.max(CONNECTIONS, Math.ceil(SAMPLES / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    value.push(...(await latencies(`${s.base}${path}`, s.headers, perRound)));
    me.push(...(await latencies(`${s.base}/api/auth/me`, s.headers, perRound)));
  }
  const answer = (await (await fetch(`${s.base}${path}`, { headers: s.headers })).json()) as { total: number };
  s.log(`${answer.total} rows in scope; ${path} ${value.length} requests, me ${me.length} requests`);
  return { value: round(percentile(value, 95)), baseline: round(percentile(me, 95)) };
}

const studentList: Benchmark = {
  name: 'student-list p95',
  unit: 'ms',
  describe: `p95 latency of GET /api/students (kurator, demo region scale ${SCALE}, ${CONNECTIONS} connections, ${SAMPLES} requests after ${WARM_UP} unmeasured, in ${ROUNDS} rounds alternating with the baseline) / p95 of GET /api/auth/me in the same run; lower is better`,
  run: (engine, log) =>
    withSignedInDemo(engine, { scale: SCALE, username: 'kurator', log }, (s) => p95AgainstMe(s, '/api/students?page=2&pageSize=25')),
};

const worklistList: Benchmark = {
  name: 'worklist p95',
  unit: 'ms',
  describe: `p95 latency of GET /api/early-warning/worklist (kurator, demo region scale ${SCALE} refreshed once, ${CONNECTIONS} connections, ${SAMPLES} requests after ${WARM_UP} unmeasured, in ${ROUNDS} rounds alternating with the baseline) / p95 of GET /api/auth/me in the same run; lower is better`,
  run: (engine, log) =>
    withSignedInDemo(engine, { scale: SCALE, username: 'kurator', refresh: true, log }, (s) =>
      p95AgainstMe(s, '/api/early-warning/worklist?minTier=1&page=1&pageSize=25'),
    ),
};

const studentsUnderLoad: Benchmark = {
  name: 'students under load',
  unit: 'req/s',
  describe: `responses/s of GET /api/students (kurator, demo region scale ${SCALE}) at ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s (BENCH_LOAD_SECONDS) / responses/s of GET /api/auth/me at the same load; higher is better (1 = the list as cheap as a bare request); p95 and timeouts on stderr`,
  run: (engine, log) =>
    withSignedInDemo(engine, { scale: SCALE, username: 'kurator', log }, async (s) => {
      const list = await loaded(`${s.base}/api/students?page=2&pageSize=25`, s.headers);
      const me = await loaded(`${s.base}/api/auth/me`, s.headers);
      for (const [name, r] of [
        ['/api/students', list],
        ['/api/auth/me', me],
      ] as const)
        log(
          `${name}: ${r.perSecond.toFixed(1)} req/s, p95 ${percentile(r.times, 95)} ms, ${r.timeouts} timeouts, ${r.errors} errors, ${r.non2xx} non-2xx`,
        );
      if (list.non2xx || me.non2xx) throw new Error(`Svar utan 2xx: lista ${list.non2xx}, me ${me.non2xx}`);
      if (list.times.length === 0 || me.times.length === 0) throw new Error('inga svar under belastningen (no responses under load)');
      return { value: round(list.perSecond), baseline: round(me.perSecond) };
    }),
};

/** This file's benchmarks, picked up by bench/registry.ts. */
export const benchmarks: Benchmark[] = [studentList, worklistList, studentsUnderLoad];

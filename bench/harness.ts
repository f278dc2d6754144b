/**
 * The benchmark contract: each benchmark measures its value AND its baseline in the same run,
 * on one engine; the harness reports `ratio = value / baseline`. Each benchmark's `describe`
 * says which direction of the ratio is good.
 */
import type { Database } from '../src/server/db/client.ts';

/** One reported figure; `name` carries the engine, e.g. `copy-vs-insert (pglite)`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

/** A database engine the benchmarks run on. */
export interface Engine {
  kind: 'pglite' | 'postgres';
  /** A fresh, migrated database; the benchmark closes it (on PostgreSQL, closing drops it). */
  fresh(): Promise<Database>;
}

/**
 * What a benchmark file exports (as `benchmarks: Benchmark[]`). Every size a benchmark has (rows, students, seconds,
 * scale, repeats) is read with `size(name, full, smallest)`, so that `test/bench-smoke.test.ts` — which sets
 * `BENCH_SIZE=smallest` and runs EVERY registered benchmark — runs it at the smallest size that still walks its path.
 */
export interface Benchmark {
  name: string;
  unit: string;
  /** One line: what the value is, what the baseline is, which way the ratio is good. */
  describe: string;
  run(engine: Engine, log: (message: string) => void): Promise<{ value: number; baseline: number }>;
  /** Set when the benchmark drives a browser: the smoke test skips it where no Chromium is installed. */
  needsBrowser?: boolean;
}

/**
 * A benchmark's size parameter: the environment variable `name` when set (e.g. `BENCH_IMPORT_ROWS=1000000`), else
 * `smallest` under `BENCH_SIZE=smallest` (the smoke test in `npm test`), else `full` (`npm run bench`). `smallest` is
 * the least that still exercises every step the full run times — a few hundred rows, one second, one repeat.
 */
export function size(name: string, full: number, smallest: number): number {
  const set = process.env[name];
  if (set !== undefined && set !== '') {
    const n = Number(set);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${set} är ingen positiv siffra (not a positive number)`);
    return n;
  }
  return process.env.BENCH_SIZE === 'smallest' ? smallest : full;
}

/** The median of a non-empty list (of an even count, the mean of the two middle values): a benchmark's repeated runs. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for reporting: 3 decimals are plenty for timings and rates. */
export function round(n: number, digits = 3): number {
  return Number(n.toFixed(digits));
}

/** Runs `fn` and returns its result with the seconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Opens a fresh database on `engine`, runs `fn` on it and always closes it. */
export async function withFresh<T>(engine: Engine, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await engine.fresh();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

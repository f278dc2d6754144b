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

/** What a benchmark file exports (as `benchmarks: Benchmark[]`). */
export interface Benchmark {
  name: string;
  unit: string;
  /** One line: what the value is, what the baseline is, which way the ratio is good. */
  describe: string;
  run(engine: Engine, log: (message: string) => void): Promise<{ value: number; baseline: number }>;
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

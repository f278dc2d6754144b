/**
 * The benchmark contract: each benchmark measures its value AND its baseline in the same run,
 * on one engine; the harness reports `ratio = value / baseline`.
 */
import type { Database } from '../src/server/db/client.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

export interface Engine {
  kind: 'pglite' | 'postgres';
  /** A fresh, migrated database; the benchmark closes it. */
  fresh(): Promise<Database>;
}

export interface Benchmark {
  name: string;
  unit: string;
  /** One line: what the value is, what the baseline is, which way the ratio is good. */
  describe: string;
  run(engine: Engine, log: (message: string) => void): Promise<{ value: number; baseline: number }>;
}

/** Rounds for reporting: 3 significant decimals are plenty for timings. */
export function round(n: number, digits = 3): number {
  return Number(n.toFixed(digits));
}

/** Seconds a promise took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Finds the benchmarks: every `bench/*.bench.ts` exports `benchmarks: Benchmark[]`. */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Benchmark } from './harness.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** Every benchmark of every `*.bench.ts` file, in file-name order; `only` keeps names containing it. */
export async function loadBenchmarks(only?: string): Promise<Benchmark[]> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const all: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { benchmarks?: Benchmark[] };
    if (!Array.isArray(mod.benchmarks)) throw new Error(`${file} exporterar inga benchmarks (exports no \`benchmarks\` array).`);
    all.push(...mod.benchmarks);
  }
  return all.filter((b) => !only || b.name.includes(only));
}

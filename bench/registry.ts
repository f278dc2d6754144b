/** Finds the benchmarks: every `bench/*.bench.ts` exports `benchmarks: Benchmark[]`. */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Benchmark } from './harness.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/** The benchmarks of one `*.bench.ts` file (its name, e.g. `import.bench.ts`), in its order; `only` keeps names containing it. */
export async function loadBenchmarkFile(file: string, only?: string): Promise<Benchmark[]> {
  if (!/^[\w-]+\.bench\.ts$/.test(file)) throw new Error(`${file} är ingen benchmarkfil (not a *.bench.ts file name).`);
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { benchmarks?: Benchmark[] };
  if (!Array.isArray(mod.benchmarks)) throw new Error(`${file} exporterar inga benchmarks (exports no \`benchmarks\` array).`);
  return mod.benchmarks.filter((b) => !only || b.name.includes(only));
}

/** Every `*.bench.ts` file with its benchmarks, in file-name order; `only` keeps names containing it (and files with one). */
export async function loadBenchmarkFiles(only?: string): Promise<{ file: string; benchmarks: Benchmark[] }[]> {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const all: { file: string; benchmarks: Benchmark[] }[] = [];
  for (const file of files) {
    const benchmarks = await loadBenchmarkFile(file, only);
    if (benchmarks.length) all.push({ file, benchmarks });
  }
  return all;
}

/** Every benchmark of every `*.bench.ts` file, in file-name order; `only` keeps names containing it. */
export async function loadBenchmarks(only?: string): Promise<Benchmark[]> {
  return (await loadBenchmarkFiles(only)).flatMap((f) => f.benchmarks);
}

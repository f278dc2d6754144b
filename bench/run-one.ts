/**
 * One benchmark file's entries on one engine, in a process of their own: `bench/run.ts` starts this once per
 * `*.bench.ts` file and engine, so no entry inherits the heap, the JIT state or the open handles of another file's
 * entries (in one process the import entry, 40th of the suite, measured 0.70 of COPY against 0.84–0.98 alone;
 * bench/README.md, 7 December). Entries of one file share what the file sets up once (the dashboards' seeded region).
 *
 * `tsx bench/run-one.ts --engine pglite|postgres --file <name>.bench.ts [--only <text>]` (DATABASE_URL for postgres):
 * progress on stderr, one JSON line `{name, value, unit, baseline, ratio}` per entry on stdout.
 */
import { openFreshDatabase } from '../test/support/database.ts';
import { round, type BenchResult, type Engine } from './harness.ts';
import { loadBenchmarkFile } from './registry.ts';

const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const file = option('--file');
const kind = option('--engine');
const url = process.env.DATABASE_URL || undefined;

if (!file || (kind !== 'pglite' && kind !== 'postgres') || (kind === 'postgres' && !url)) {
  process.stderr.write('Använd: --engine pglite|postgres --file <namn>.bench.ts [--only <text>] (DATABASE_URL för postgres)\n');
  process.exit(2);
}
let benchmarks;
try {
  benchmarks = await loadBenchmarkFile(file, option('--only'));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const engine: Engine = { kind, fresh: () => openFreshDatabase(kind === 'postgres' ? url : undefined) };
for (const benchmark of benchmarks) {
  process.stderr.write(`▶ ${benchmark.name} (${kind}) — ${benchmark.describe}\n`);
  const { value, baseline } = await benchmark.run(engine, (m) => process.stderr.write(`  ${m}\n`));
  const result: BenchResult = {
    name: `${benchmark.name} (${kind})`,
    value: round(value),
    unit: benchmark.unit,
    baseline: round(baseline),
    ratio: round(value / baseline),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
// An entry that left a handle open (a timer, a pool) must not hold the suite: the results are written, so end here.
process.stdout.write('', () => process.exit(0));

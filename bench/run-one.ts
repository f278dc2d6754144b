/**
 * One registered benchmark on one engine, in a process of its own: `bench/run.ts` starts this file once per entry and
 * engine, so no entry inherits the heap, the JIT state or the open handles of the entries before it (in one process the
 * import entry, 40th of the suite, measured 0.70 of COPY against 0.84–0.98 alone; bench/README.md, 7 December).
 *
 * `tsx bench/run-one.ts --engine pglite|postgres --name "<exact name>"` (DATABASE_URL for postgres): progress on stderr,
 * ONE JSON line `{name, value, unit, baseline, ratio}` on stdout.
 */
import { openFreshDatabase } from '../test/support/database.ts';
import { round, type BenchResult, type Engine } from './harness.ts';
import { loadBenchmarks } from './registry.ts';

const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const name = option('--name');
const kind = option('--engine');
const url = process.env.DATABASE_URL || undefined;

if (!name || (kind !== 'pglite' && kind !== 'postgres') || (kind === 'postgres' && !url)) {
  process.stderr.write('Använd: --engine pglite|postgres --name "<namn>" (DATABASE_URL för postgres)\n');
  process.exit(2);
}
const benchmark = (await loadBenchmarks(name)).find((b) => b.name === name);
if (!benchmark) {
  process.stderr.write(`Ingen benchmark heter "${name}" (no benchmark of that name)\n`);
  process.exit(2);
}
const engine: Engine = { kind, fresh: () => openFreshDatabase(kind === 'postgres' ? url : undefined) };
const { value, baseline } = await benchmark.run(engine, (m) => process.stderr.write(`  ${m}\n`));
const result: BenchResult = {
  name: `${benchmark.name} (${kind})`,
  value: round(value),
  unit: benchmark.unit,
  baseline: round(baseline),
  ratio: round(value / baseline),
};
process.stdout.write(`${JSON.stringify(result)}\n`);

// The benchmarks still run (importer API, schema and COPY paths), on a few hundred rows and on the
// engine under test; the figures themselves are only reported by `npm run bench`, never asserted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engine } from '../bench/harness.ts';
import { openFreshDatabase } from './support/database.ts';

process.env.BENCH_COPY_ROWS = '300';
process.env.BENCH_IMPORT_ROWS = '300';
const { loadBenchmarks } = await import('../bench/registry.ts');
const engine: Engine = {
  kind: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  fresh: () => openFreshDatabase(process.env.DATABASE_URL),
};

for (const name of ['copy-vs-insert', 'import rows/s']) {
  test(`benchmark "${name}" measures a value and a baseline`, async () => {
    const [benchmark] = (await loadBenchmarks()).filter((b) => b.name === name);
    assert.ok(benchmark, `no benchmark named ${name}`);
    const { value, baseline } = await benchmark.run(engine, () => {});
    assert.ok(Number.isFinite(value) && value > 0, `value ${value}`);
    assert.ok(Number.isFinite(baseline) && baseline > 0, `baseline ${baseline}`);
  });
}

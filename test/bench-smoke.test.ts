// Every registered benchmark (bench/registry.ts) runs here at its smallest size (`size(name, full, smallest)` in
// bench/harness.ts, chosen by BENCH_SIZE=smallest) on the engine under test, so a benchmark that breaks fails `npm test`.
// The figures are only reported by `npm run bench`, never asserted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engine } from '../bench/harness.ts';
import { openFreshDatabase } from './support/database.ts';

process.env.BENCH_SIZE = 'smallest';
// bench/follow-up.bench.ts still reads its size from the environment directly (its owner moves it to `size()`).
process.env.BENCH_FOLLOW_UP_STUDENTS ??= '300';
const { loadBenchmarks } = await import('../bench/registry.ts');
const engine: Engine = {
  kind: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  fresh: () => openFreshDatabase(process.env.DATABASE_URL),
};

const benchmarks = await loadBenchmarks();

test('the registry finds the benchmarks the issues name', () => {
  const names = benchmarks.map((b) => b.name);
  for (const name of ['copy-vs-insert', 'import rows/s', 'demo seed scale 1', 'student-list p95', 'region-day refresh', 'model training'])
    assert.ok(names.includes(name), name);
  assert.equal(new Set(names).size, names.length, 'benchmark names are unique');
});

for (const benchmark of benchmarks) {
  test(`benchmark "${benchmark.name}" measures a value and a baseline at its smallest size`, async (t) => {
    if (benchmark.needsBrowser) {
      const { browserUnavailable, builtWebRoot } = await import('./support/browser.ts');
      const unavailable = browserUnavailable();
      if (unavailable) return t.skip(unavailable);
      process.env.BENCH_WEB_ROOT ??= await builtWebRoot();
    }
    const { value, baseline } = await benchmark.run(engine, () => {});
    assert.ok(Number.isFinite(value) && value >= 0, `value ${value}`);
    assert.ok(Number.isFinite(baseline) && baseline > 0, `baseline ${baseline}`);
  });
}

test('the student-list benchmark takes the nearest-rank percentile', async () => {
  const { percentile } = await import('../bench/student-list.bench.ts');
  assert.equal(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 95), 10);
  assert.equal(percentile([5, 1, 4, 2, 3, 6, 7, 8, 9, 10], 50), 5);
  assert.equal(
    percentile(
      Array.from({ length: 100 }, (_, i) => i + 1),
      95,
    ),
    95,
  );
});

test('a size parameter: the environment first, then the smallest under BENCH_SIZE=smallest', async () => {
  const { size } = await import('../bench/harness.ts');
  assert.equal(size('BENCH_NOT_SET_ANYWHERE', 1000, 3), 3);
  process.env.BENCH_SMOKE_PROBE = '7';
  assert.equal(size('BENCH_SMOKE_PROBE', 1000, 3), 7);
  delete process.env.BENCH_SMOKE_PROBE;
  process.env.BENCH_SIZE = 'full';
  assert.equal(size('BENCH_NOT_SET_ANYWHERE', 1000, 3), 1000);
  process.env.BENCH_SIZE = 'smallest';
});

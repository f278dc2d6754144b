// The benchmarks still run (importer API, schema and COPY paths, early-warning refresh and training), on a few
// hundred rows or a small demo region and on the engine under test; the figures themselves are only reported by
// `npm run bench`, never asserted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engine } from '../bench/harness.ts';
import { openFreshDatabase } from './support/database.ts';

process.env.BENCH_COPY_ROWS = '300';
process.env.BENCH_IMPORT_ROWS = '300';
process.env.BENCH_LIST_SCALE = '0.05';
process.env.BENCH_LIST_SECONDS = '1';
// One response each is enough to prove the path; on a loaded CI machine a short run may see only a few.
process.env.BENCH_LIST_MIN_SAMPLES = '1';
process.env.BENCH_REGION_STUDENTS = '300';
// At demo scale 0.12 one organiser (Skövde) has enough finished cohorts to train a model (at 0.1 and 0.13 none has).
process.env.BENCH_TRAIN_SCALE = '0.12';
// The model-fit benchmarks need no database; 300 rows and one repeat prove the path.
process.env.BENCH_FIT_ROWS = '300';
process.env.BENCH_FIT_REPEATS = '1';
const { loadBenchmarks } = await import('../bench/registry.ts');
const engine: Engine = {
  kind: process.env.DATABASE_URL ? 'postgres' : 'pglite',
  fresh: () => openFreshDatabase(process.env.DATABASE_URL),
};

for (const name of [
  'copy-vs-insert',
  'import rows/s',
  'student-list p95',
  'region-day refresh',
  'model training',
  'model fit logistic',
  'model fit forest',
]) {
  test(`benchmark "${name}" measures a value and a baseline`, async () => {
    const [benchmark] = (await loadBenchmarks()).filter((b) => b.name === name);
    assert.ok(benchmark, `no benchmark named ${name}`);
    const { value, baseline } = await benchmark.run(engine, () => {});
    assert.ok(Number.isFinite(value) && value > 0, `value ${value}`);
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

// The knowledge bank's public map page (bench/knowledge-bank.bench.ts): the gzip entry on the build the browser tests
// share. The two Lighthouse entries are not run here: two full Lighthouse passes take over a minute on a 2-core machine
// (`npm run bench -- --only lighthouse` runs them); their names are checked to exist.
test('benchmark "public map page gzip" measures a value and a baseline; the Lighthouse entries exist', async (t) => {
  const { browserUnavailable, builtWebRoot } = await import('./support/browser.ts');
  const names = (await loadBenchmarks()).map((b) => b.name);
  for (const name of ['public map page gzip', 'lighthouse performance', 'lighthouse accessibility']) assert.ok(names.includes(name), name);
  const unavailable = browserUnavailable();
  if (unavailable) return t.skip(unavailable);
  process.env.BENCH_WEB_ROOT = await builtWebRoot();
  const [benchmark] = (await loadBenchmarks('public map page gzip')).filter((b) => b.name === 'public map page gzip');
  const { value, baseline } = await benchmark!.run(engine, () => {});
  assert.ok(Number.isFinite(value) && value > 0, `value ${value}`);
  assert.ok(Number.isFinite(baseline) && baseline > 0, `baseline ${baseline}`);
});

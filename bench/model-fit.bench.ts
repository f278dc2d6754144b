/**
 * The risk model's fits on a synthetic 4,000 × 230 design (issue #19; `syntheticDesign`: 20 numeric, 4 binary and four
 * nominal inputs of 40/80/60/30 codes, standardised as training does), each beside a bare baseline in the same run:
 * one dense XᵀX of the same standardised design in plain loops over Float64Arrays — the product every Newton step of a
 * dense solver needs at least once. No database: the engine is ignored (the figures are the same on both).
 * Value and baseline are medians of `BENCH_FIT_REPEATS` (3) runs; rows `BENCH_FIT_ROWS` (4,000).
 */
import { encodeRows, fitEncoder } from '../src/server/modules/early-warning/model/encoding.ts';
import { fitLogistic } from '../src/server/modules/early-warning/model/logistic-regression.ts';
import { fitForest } from '../src/server/modules/early-warning/model/random-forest.ts';
import { syntheticDesign } from '../src/server/modules/early-warning/model/synthetic-design.ts';
import { median, size, type Benchmark } from './harness.ts';

const ROWS = size('BENCH_FIT_ROWS', 4000, 300);
const REPEATS = size('BENCH_FIT_REPEATS', 3, 1);

function design() {
  // minLevelCount 1: every code its own column, so the design is the full 230 columns (pooling would shrink it)
  const { rows, labels, specs } = syntheticDesign({ rows: ROWS });
  const encoder = fitEncoder(specs, rows, { minLevelCount: 1 });
  return { x: encodeRows(encoder, rows), labels, columns: encoder.columns.length };
}

/** Seconds of one dense XᵀX (p × p) over the rows. */
function crossProductSeconds(x: readonly number[][]): number {
  const n = x.length;
  const p = (x[0] as number[]).length;
  const flat = new Float64Array(n * p);
  x.forEach((row, i) => flat.set(row, i * p));
  const started = performance.now();
  const out = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    const base = i * p;
    for (let a = 0; a < p; a++) {
      const va = flat[base + a] as number;
      const rowA = a * p;
      for (let b = 0; b <= a; b++) out[rowA + b] = (out[rowA + b] as number) + va * (flat[base + b] as number);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (!Number.isFinite(out[0])) throw new Error('XᵀX is not finite');
  return seconds;
}

function measure(fit: () => void, x: readonly number[][]): { value: number; baseline: number } {
  const values: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    baselines.push(crossProductSeconds(x));
    const started = performance.now();
    fit();
    values.push((performance.now() - started) / 1000);
  }
  return { value: median(values), baseline: median(baselines) };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'model fit logistic',
    unit: 's',
    describe:
      'seconds per L2 logistic fit (Newton, to convergence) on a synthetic 4,000 × 230 design; baseline: one dense XᵀX of the same design; ratio = fits per product, lower is better',
    async run(_engine, log) {
      const { x, labels, columns } = design();
      let iterations = 0;
      const result = measure(() => {
        iterations = fitLogistic(x, labels).iterations;
      }, x);
      log(`${x.length} × ${columns}, ${iterations} Newton iterations`);
      return result;
    },
  },
  {
    name: 'model fit forest',
    unit: 's',
    describe:
      'seconds per calibrated 50-tree forest fit (depth 8, leaves ≥ 3, out-of-bag Platt map) on the same design; baseline: one dense XᵀX; lower is better',
    async run(_engine, log) {
      const { x, labels, columns } = design();
      const result = measure(() => void fitForest(x, labels, { trees: 50, seed: 1 }), x);
      log(`${x.length} × ${columns}, 50 trees`);
      return result;
    },
  },
];

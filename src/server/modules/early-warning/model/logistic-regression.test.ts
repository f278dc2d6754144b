import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeRow, encodeRows, fitEncoder, type FeatureRow } from './encoding.ts';
import { probabilityBand, topContributions } from './explain.ts';
import { fitLogistic, originalScaleCoefficients, predictLogistic, sigmoid } from './logistic-regression.ts';
import { cholesky, choleskySolve } from './linear-algebra.ts';
import { seededRandom } from './random.ts';

/** 20,000 rows from a known model: logit = −1 + 0.8·x − 1.5·flag + 0.6·[colour=red]. */
function synthetic(n: number, seed: number): { rows: FeatureRow[]; y: number[] } {
  const random = seededRandom(seed);
  const rows: FeatureRow[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = 10 + 3 * (random() + random() + random() - 1.5);
    const flag = random() < 0.4 ? 'yes' : 'no';
    const colour = ['blue', 'green', 'red'][Math.floor(random() * 3)] as string;
    const eta = -1 + 0.8 * (x - 10) - 1.5 * (flag === 'yes' ? 1 : 0) + 0.6 * (colour === 'red' ? 1 : 0);
    rows.push({ x, flag, colour });
    y.push(random() < sigmoid(eta) ? 1 : 0);
  }
  return { rows, y };
}

const specs = [
  { name: 'x', kind: 'numeric' as const },
  { name: 'flag', kind: 'binary' as const, positive: 'yes' },
  { name: 'colour', kind: 'nominal' as const },
];

describe('logistic regression', () => {
  const { rows, y } = synthetic(20000, 42);
  const encoder = fitEncoder(specs, rows);
  const model = fitLogistic(encodeRows(encoder, rows), y, { lambda: 1e-6 });

  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r.colour), (counts.get(String(r.colour)) ?? 0) + 1);
  const mostCommon = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string;

  it('encodes one-hot with the most common level as reference, standardised on the training rows', () => {
    assert.equal(encoder.reference?.colour, mostCommon);
    assert.deepEqual(encoder.columns, ['x', 'flag', ...['blue', 'green', 'red'].filter((c) => c !== mostCommon).map((c) => `colour=${c}`)]);
    const z = encodeRows(encoder, rows);
    const meanX = z.reduce((s, r) => s + (r[0] as number), 0) / z.length;
    assert.ok(Math.abs(meanX) < 1e-9);
  });

  it('recovers the known coefficients on the original scale', () => {
    assert.ok(model.converged && model.iterations < 15, `${model.iterations} iterations`);
    const { intercept, coefficients } = originalScaleCoefficients(model, encoder);
    const effect: Record<string, number> = { blue: 0, green: 0, red: 0.6 };
    const expected: Record<string, number> = { x: 0.8, flag: -1.5 };
    for (const c of ['blue', 'green', 'red'].filter((c) => c !== mostCommon))
      expected[`colour=${c}`] = (effect[c] as number) - (effect[mostCommon] as number);
    for (const [name, value] of Object.entries(expected)) {
      assert.ok(Math.abs((coefficients[name] as number) - value) < 0.1, `${name}: ${coefficients[name]} vs ${value}`);
    }
    assert.ok(Math.abs(intercept - (-1 - 0.8 * 10 + (effect[mostCommon] as number))) < 0.4, `intercept ${intercept}`);
  });

  it('is deterministic, and a stronger penalty shrinks the slopes', () => {
    const again = fitLogistic(encodeRows(encoder, rows), y, { lambda: 1e-6 });
    assert.deepEqual(again.weights, model.weights);
    const shrunk = fitLogistic(encodeRows(encoder, rows), y, { lambda: 5000 });
    assert.ok(Math.abs(shrunk.weights[0] as number) < Math.abs(model.weights[0] as number));
  });

  it('explains a student by weight × standardised value and gives a delta-method band around the probability', () => {
    const student = encodeRow(encoder, { x: 14, flag: 'yes', colour: mostCommon });
    const top = topContributions(model, encoder, student, 2);
    assert.deepEqual(
      top.map((c) => c.column),
      ['x', 'flag'],
    );
    assert.ok((top[0]?.contribution ?? 0) > 0 && (top[1]?.contribution ?? 0) < 0);
    const band = probabilityBand(model, student);
    const [p] = predictLogistic(model, [student]);
    assert.equal(band.probability, p);
    assert.ok(band.lower < band.probability && band.probability < band.upper && band.upper - band.lower < 0.1, JSON.stringify(band));
    // fewer rows → a wider band for the same student
    const few = synthetic(300, 7);
    const small = fitLogistic(encodeRows(encoder, few.rows), few.y, { lambda: 1e-6 });
    const wide = probabilityBand(small, student);
    assert.ok(wide.upper - wide.lower > band.upper - band.lower);
  });
});

/** A plain dense Newton–Cholesky fit (what fitLogistic was before issue #19): the reference the compressed design must match. */
function denseReference(x: number[][], y: number[], lambda: number): number[] {
  const p = (x[0]?.length ?? 0) + 1;
  const beta = new Array<number>(p).fill(0);
  for (let iteration = 0; iteration < 100; iteration++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : -lambda * b));
    const hessian = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    x.forEach((r, n) => {
      const row = [1, ...r];
      const prob = sigmoid(row.reduce((s, v, j) => s + v * (beta[j] as number), 0));
      const w = Math.max(prob * (1 - prob), 1e-10);
      row.forEach((ri, i) => {
        gradient[i] = (gradient[i] as number) + ri * ((y[n] as number) - prob);
        row.forEach((rj, j) => ((hessian[i] as number[])[j] = ((hessian[i] as number[])[j] as number) + w * ri * rj));
      });
    });
    const step = choleskySolve(cholesky(hessian), gradient);
    step.forEach((s, j) => (beta[j] = (beta[j] as number) + s));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return beta;
}

describe('the compressed design (issue #19) against a dense Newton–Cholesky fit', () => {
  it('gives the same coefficients on random designs with numeric, one-hot and constant columns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 20, max: 80 }), fc.constantFrom(0.5, 1, 3), (seed, n, lambda) => {
        const random = seededRandom(seed);
        const x = Array.from({ length: n }, () => {
          const level = Math.floor(random() * 4);
          return [random() * 4 - 2, level === 1 ? 1 : 0, level === 2 ? 1 : 0, random() < 0.05 ? 1 : 0, 7, Math.round(random() * 3)];
        });
        const y = x.map((r) => (random() < sigmoid((r[0] as number) - (r[1] as number)) ? 1 : 0));
        fc.pre(y.includes(0) && y.includes(1));
        const fast = fitLogistic(x, y, { lambda, tolerance: 1e-10 });
        const reference = denseReference(x, y, lambda);
        [fast.intercept, ...fast.weights].forEach((b, j) =>
          assert.ok(Math.abs(b - (reference[j] as number)) < 1e-8, `coefficient ${j}: ${b} vs ${reference[j]}`),
        );
      }),
      { numRuns: 40 },
    );
  });
});

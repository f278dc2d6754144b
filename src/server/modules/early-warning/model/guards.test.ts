import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ModelInputError } from './guards.ts';
import { fitLogistic, sigmoid } from './logistic-regression.ts';
import { accuracy, averagePrecision, brierScore, expectedCalibrationError, f1AtThreshold, logLoss, rocAuc } from './metrics.ts';
import { fitForest } from './random-forest.ts';

const refused = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof ModelInputError && pattern.test(e.message) && e.en.length > 0 && e.sv.length > 0);

/** A small valid training set: two columns, both classes. */
const x = [
  [0, 1],
  [1, 0],
  [2, 1],
  [3, 0],
  [4, 1],
  [5, 0],
];
const y = [0, 0, 1, 0, 1, 1];

describe('model input guards', () => {
  it('a label other than 0/1 is refused by the fits and by every metric, naming its row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.oneof(
          fc.double({ noNaN: false }).filter((v) => v !== 0 && v !== 1),
          fc.constantFrom(2, -1, 0.5, NaN, Infinity),
        ),
        (row, bad) => {
          const labels = y.slice();
          labels[row] = bad;
          const pattern = new RegExp(`rad ${row + 1} .*not 0 or 1|row ${row + 1} is not 0 or 1`);
          refused(() => fitLogistic(x, labels), pattern);
          refused(() => fitForest(x, labels, { trees: 2 }), pattern);
          const scores = labels.map((_, i) => i / 10);
          for (const metric of [rocAuc, averagePrecision, brierScore, accuracy, logLoss, f1AtThreshold, expectedCalibrationError])
            refused(() => metric(scores, labels), pattern);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a non-finite feature is refused with its row and column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(NaN, Infinity, -Infinity),
        (i, j, bad) => {
          const rows = x.map((r) => r.slice());
          (rows[i] as number[])[j] = bad;
          const pattern = new RegExp(`Rad ${i + 1}, kolumn ${j + 1} är inte ett ändligt tal`);
          refused(() => fitLogistic(rows, y), pattern);
          refused(() => fitForest(rows, y, { trees: 2 }), pattern);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('empty, single-class, ragged and mismatched training sets are refused', () => {
    refused(() => fitLogistic([], []), /inga rader/);
    refused(() => fitLogistic(x, [0, 0, 0, 0, 0, 0]), /bara ett utfall \(0 av 6 positiva\)/);
    refused(() => fitForest(x, [1, 1, 1, 1, 1, 1]), /only one class/);
    refused(() => fitLogistic(x, [0, 1]), /length mismatch/);
    refused(() => fitLogistic([[0, 1], [1], [2, 2]], [0, 1, 0]), /Rad 2 har 1 kolumner, väntade 2/);
    refused(() => rocAuc([0.1, NaN], [0, 1]), /rad 2 .*finite/);
    refused(() => fitLogistic(x, y, { lambda: -1 }), /penalty/);
  });

  it('any valid 0/1 training set gives probabilities inside [0, 1] and a converged flag that callers can read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), {
          minLength: 4,
          maxLength: 40,
        }),
        (data) => {
          const labels = data.map(([, , b]) => (b ? 1 : 0));
          fc.pre(labels.includes(0) && labels.includes(1));
          const rows = data.map(([a, b]) => [a, b]);
          const m = fitLogistic(rows, labels);
          assert.equal(typeof m.converged, 'boolean');
          for (const r of rows) {
            const p = sigmoid(m.intercept + (m.weights[0] as number) * (r[0] as number) + (m.weights[1] as number) * (r[1] as number));
            assert.ok(p >= 0 && p <= 1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a fit that runs out of iterations says so (converged: false)', () => {
    const m = fitLogistic(x, y, { maxIterations: 1, lambda: 1e-9 });
    assert.equal(m.converged, false);
  });
});

describe('metrics added for issue #19 (hand-computed)', () => {
  it('expected calibration error, log loss and F1', () => {
    // two bins of two: predicted 0.1 observed ½ → 0.4; predicted 0.9 observed 1 → 0.1; weighted ½ each → 0.25
    assert.ok(Math.abs(expectedCalibrationError([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1]) - 0.25) < 1e-12);
    assert.ok(Math.abs(logLoss([0.5, 0.5], [0, 1]) - Math.log(2)) < 1e-12);
    // predicted positive at ≥ 0.5: rows 1 and 3; tp 1, fp 1, fn 1 → F1 = 2/4
    assert.equal(f1AtThreshold([0.9, 0.2, 0.6, 0.1], [1, 1, 0, 0]), 0.5);
    assert.equal(f1AtThreshold([0.1, 0.2], [1, 0]), 0);
  });
});

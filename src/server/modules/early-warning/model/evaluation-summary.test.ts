import assert from 'node:assert/strict';
import { it } from 'node:test';
import { summariseEvaluation } from './evaluation-summary.ts';

it('summarises an evaluation: AUC, AP, Brier, accuracy and top-k % with Wilson intervals, calibration bins', () => {
  const probabilities = Array.from({ length: 20 }, (_, i) => 0.95 - i * 0.045); // 0.95 … 0.095, descending
  const labels = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const s = summariseEvaluation(probabilities, labels);
  assert.equal(s.n, 20);
  assert.equal(s.positives, 4);
  // negatives ranked above each positive: 0, 0, 1, 3 of 16 → AUC = 1 − 4/64
  assert.ok(Math.abs(s.rocAuc - (1 - 4 / 64)) < 1e-12);
  assert.deepEqual(
    s.top.map((t) => [t.k, t.precision.estimate, t.recall.estimate]),
    [
      [1, 1, 0.25],
      [2, 1, 0.5],
      [4, 0.75, 0.75],
    ],
  );
  assert.ok(s.top.every((t) => t.precision.lower <= t.precision.estimate && t.precision.estimate <= t.precision.upper));
  assert.equal(
    s.calibration.reduce((sum, b) => sum + b.count, 0),
    20,
  );
  assert.ok(s.brier > 0 && s.brier < 0.25);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracy, averagePrecision, brierScore, calibrationBins, precisionRecallAtTop, rocAuc } from './metrics.ts';

const close = (actual: number, expected: number, eps = 1e-12) => assert.ok(Math.abs(actual - expected) < eps, `${actual} ≠ ${expected}`);

describe('metrics, against hand-computed cases', () => {
  it('ROC-AUC: perfect, reversed, and ties counted as half', () => {
    assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1);
    assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0);
    // pairs (pos, neg): (0.8,0.1)=1 (0.8,0.5)=1 (0.5,0.1)=1 (0.5,0.5)=½ → 3.5/4
    close(rocAuc([0.1, 0.5, 0.5, 0.8], [0, 0, 1, 1]), 0.875);
    assert.equal(rocAuc([0.3, 0.3, 0.3], [0, 1, 1]), 0.5);
    assert.ok(Number.isNaN(rocAuc([0.1, 0.2], [1, 1])));
  });

  it('average precision: Σ ΔR·P, and tied scores as one threshold', () => {
    // ranked 1,0,1,0: P@1 = 1 (R ½), P@3 = ⅔ (R 1) → ½·1 + ½·⅔ = ⅚
    close(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]), 5 / 6);
    // all tied: one threshold with precision ½ and recall 1
    close(averagePrecision([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]), 0.5);
  });

  it('precision and recall at the top 5/10/20 %', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 1 - i / 20); // ranked in input order
    const labels = [1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    assert.deepEqual(precisionRecallAtTop(scores, labels, 0.05), { k: 1, precision: 1, recall: 0.25 });
    assert.deepEqual(precisionRecallAtTop(scores, labels, 0.1), { k: 2, precision: 0.5, recall: 0.25 });
    assert.deepEqual(precisionRecallAtTop(scores, labels, 0.2), { k: 4, precision: 0.75, recall: 0.75 });
  });

  it('Brier score and accuracy', () => {
    close(brierScore([1, 0, 0.5, 0.8], [1, 0, 1, 0]), (0 + 0 + 0.25 + 0.64) / 4);
    assert.equal(accuracy([0.9, 0.4, 0.5, 0.2], [1, 1, 1, 0]), 0.75);
  });

  it('calibration bins: mean predicted and observed rate per non-empty bin, 1.0 in the last bin', () => {
    const bins = calibrationBins([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1], 10);
    assert.equal(bins.length, 3);
    assert.deepEqual(
      bins.map((b) => b.count),
      [1, 2, 2],
    );
    close(bins[1]?.meanPredicted ?? NaN, 0.135);
    assert.equal(bins[1]?.observedRate, 0.5);
    assert.equal(bins[2]?.lower, 0.9);
    assert.equal(bins[2]?.observedRate, 1);
  });

  it('refuses scores and labels of different lengths', () => {
    assert.throws(() => rocAuc([0.1], [0, 1]), /length mismatch/);
  });
});

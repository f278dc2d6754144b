import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bootstrapInterval, meanInterval, wilsonInterval } from './intervals.ts';
import { rocAuc } from './metrics.ts';

describe('intervals', () => {
  it('Wilson interval for 8 of 10 (textbook 0.490–0.943)', () => {
    const w = wilsonInterval(8, 10);
    assert.equal(w.estimate, 0.8);
    assert.ok(Math.abs(w.lower - 0.4902) < 1e-3 && Math.abs(w.upper - 0.9433) < 1e-3, JSON.stringify(w));
    assert.equal(wilsonInterval(0, 5).lower, 0);
  });

  it('mean with a 95 % t half-width', () => {
    const m = meanInterval([1, 2, 3, 4]);
    assert.equal(m.mean, 2.5);
    assert.ok(Math.abs(m.sd - Math.sqrt(5 / 3)) < 1e-12);
    assert.ok(Math.abs(m.halfWidth - (3.182 * m.sd) / 2) < 1e-12);
    assert.deepEqual(meanInterval([7]), { mean: 7, sd: 0, halfWidth: 0 });
  });

  it('bootstrap interval is seeded and contains the estimate', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.9, 0.6];
    const labels = [0, 0, 1, 1, 1, 0, 1, 0];
    const a = bootstrapInterval(rocAuc, scores, labels, { resamples: 200, seed: 3 });
    const b = bootstrapInterval(rocAuc, scores, labels, { resamples: 200, seed: 3 });
    assert.deepEqual(a, b);
    assert.ok(a.lower <= a.estimate && a.estimate <= a.upper, JSON.stringify(a));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRows, fitEncoder } from './encoding.ts';
import { expectedCalibrationError, rocAuc } from './metrics.ts';
import { applyPlatt, fitForest, fitPlatt, predictForest, predictForestRaw } from './random-forest.ts';
import { syntheticDesign } from './synthetic-design.ts';
import { seededRandom } from './random.ts';

describe('random forest (comparator)', () => {
  const random = seededRandom(5);
  const x = Array.from({ length: 400 }, () => [random(), random(), random()]);
  const y = x.map((r) => ((r[0] as number) > 0.5 !== (r[1] as number) > 0.5 ? 1 : 0)); // XOR: no linear model can

  it('learns an interaction and is deterministic per seed', () => {
    const forest = fitForest(x, y, { trees: 30, seed: 9 });
    const p = predictForest(forest, x);
    assert.ok(rocAuc(p, y) > 0.95, String(rocAuc(p, y)));
    assert.deepEqual(predictForest(fitForest(x, y, { trees: 30, seed: 9 }), x), p);
    assert.ok(p.every((v) => v >= 0 && v <= 1));
  });

  it('splits on histograms: a grade-like feature splits exactly where a sorted CART would', () => {
    const grades = Array.from({ length: 60 }, (_, i) => [i % 21]);
    const passed = grades.map((g) => ((g[0] as number) >= 10 ? 1 : 0));
    const forest = fitForest(grades, passed, { trees: 1, maxDepth: 1, minLeaf: 1, calibrate: false, seed: 2 });
    const root = forest.trees[0] as { threshold: number };
    assert.equal(root.threshold, 9.5);
  });

  it('is calibrated on its out-of-bag scores: the calibration error on new students falls', () => {
    const train = syntheticDesign({ rows: 1500, numeric: 6, nominalLevels: [10], seed: 4 });
    const test = syntheticDesign({ rows: 1500, numeric: 6, nominalLevels: [10], seed: 5 });
    const encoder = fitEncoder(train.specs, train.rows);
    const forest = fitForest(encodeRows(encoder, train.rows), train.labels, { trees: 40, maxDepth: 6, minLeaf: 5, seed: 1 });
    assert.ok(forest.calibration, 'a Platt map was fitted');
    const xTest = encodeRows(encoder, test.rows);
    const raw = expectedCalibrationError(predictForestRaw(forest, xTest), test.labels);
    const calibrated = expectedCalibrationError(predictForest(forest, xTest), test.labels);
    assert.ok(calibrated < raw, `ECE ${calibrated} vs raw ${raw}`);
    // the ranking is unchanged: the map is monotone
    assert.equal(rocAuc(predictForest(forest, xTest), test.labels), rocAuc(predictForestRaw(forest, xTest), test.labels));
  });

  it('Platt scaling recovers a known map', () => {
    const random = seededRandom(8);
    const scores = Array.from({ length: 20000 }, () => 0.05 + 0.9 * random());
    const labels = scores.map((s) => (random() < 1 / (1 + Math.exp(-(2 * Math.log(s / (1 - s)) - 0.5))) ? 1 : 0));
    const c = fitPlatt(scores, labels);
    assert.ok(Math.abs(c.a - 2) < 0.1 && Math.abs(c.b + 0.5) < 0.1, JSON.stringify(c));
    assert.ok(applyPlatt(c, [0.5])[0] !== undefined);
  });
});

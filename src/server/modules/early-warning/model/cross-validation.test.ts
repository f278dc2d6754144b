import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { repeatedStratifiedKFold, stratifiedKFold, timeAwareSplit, trainingIndices } from './cross-validation.ts';

describe('cross-validation splits', () => {
  const labels = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 26 positives

  it('stratified k-fold: a partition with the positives spread evenly, reproducible per seed', () => {
    const folds = stratifiedKFold(labels, 10, 7);
    assert.equal(folds.length, 10);
    assert.deepEqual(
      folds.flat().sort((a, b) => a - b),
      labels.map((_, i) => i),
    );
    const positivesPerFold = folds.map((f) => f.filter((i) => labels[i] === 1).length);
    assert.ok(Math.max(...positivesPerFold) - Math.min(...positivesPerFold) <= 1, String(positivesPerFold));
    assert.deepEqual(stratifiedKFold(labels, 10, 7), folds);
    assert.notDeepEqual(stratifiedKFold(labels, 10, 8), folds);
  });

  it('repeated runs use different seeds; training indices complement the fold', () => {
    const runs = repeatedStratifiedKFold(labels, 5, 3);
    assert.equal(runs.length, 3);
    assert.notDeepEqual(runs[0], runs[1]);
    const test = runs[0]?.[0] ?? [];
    assert.equal(trainingIndices(labels.length, test).length + test.length, labels.length);
  });

  it('time-aware split trains on older cohorts only', () => {
    assert.deepEqual(timeAwareSplit([2021, 2023, 2022, 2024, 2021], 2023), { train: [0, 2, 4], test: [1, 3] });
  });

  it('refuses more folds than rows', () => {
    assert.throws(() => stratifiedKFold([0, 1], 3, 1), /folds out of range/);
  });
});

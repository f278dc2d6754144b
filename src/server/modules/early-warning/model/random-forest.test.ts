import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rocAuc } from './metrics.ts';
import { fitForest, predictForest } from './random-forest.ts';
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
});

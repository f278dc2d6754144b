import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateUci } from './evaluate.ts';

// 2 runs × 10-fold (the paper uses 20); about 2 s. The full comparison is in docs/early-warning-model.md.
describe('UCI evaluation (Cortez & Silva 2008, pass = G3 ≥ 10)', () => {
  const results = evaluateUci({ runs: 2, folds: 10, model: 'logistic' });
  const get = (subject: string, setup: string) => results.find((r) => r.subject === subject && r.setup === setup);

  it("reports mat and por in setups A, B, C with the paper's best beside ours", () => {
    assert.deepEqual(
      results.map((r) => `${r.subject}${r.setup}`),
      ['matA', 'matB', 'matC', 'porA', 'porB', 'porC'],
    );
    assert.equal(get('por', 'A')?.paperBest, 0.93);
    assert.ok(results.every((r) => r.runs === 2 && r.folds === 10));
  });

  it('lands near the paper: A above 0.85 for both subjects, every setup within 4 points of the best, C below A', () => {
    for (const subject of ['mat', 'por']) {
      const [a, b, c] = ['A', 'B', 'C'].map((s) => get(subject, s));
      assert.ok((a?.accuracy ?? 0) > 0.85, `${subject} A ${a?.accuracy}`);
      assert.ok((c?.accuracy ?? 1) < (b?.accuracy ?? 0) && (b?.accuracy ?? 1) < (a?.accuracy ?? 0), subject);
    }
    for (const r of results)
      assert.ok(Math.abs(r.accuracy - r.paperBest) < 0.04, `${r.subject} ${r.setup}: ${r.accuracy} vs ${r.paperBest}`);
  });

  it('is reproducible with the same seed', () => {
    const again = evaluateUci({ runs: 1, folds: 10, subjects: ['mat'], setups: ['C'] });
    const same = evaluateUci({ runs: 1, folds: 10, subjects: ['mat'], setups: ['C'] });
    assert.deepEqual(again, same);
  });
});

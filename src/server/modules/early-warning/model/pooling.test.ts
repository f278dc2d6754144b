import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRow, encodeRows, fitEncoder, nameableColumn, OTHER_LEVEL, type FeatureRow, type FeatureSpec } from './encoding.ts';
import { informativeBand, probabilityBand, topContributions } from './explain.ts';
import { fitLogistic, originalScaleCoefficients, predictLogistic, sigmoid } from './logistic-regression.ts';
import { extremeShare } from './metrics.ts';
import { seededRandom } from './random.ts';
import { syntheticDesign } from './synthetic-design.ts';

/**
 * 400 students: a grade, and a school code with three common codes (A 200, B 120, C 70) and a tail held by few (D 5,
 * E 3, and F held by one student, who did not complete). The code has no effect on the outcome.
 */
function withRareCodes(): { rows: FeatureRow[]; labels: number[]; specs: FeatureSpec[] } {
  const random = seededRandom(3);
  const codes = [...Array(200).fill('A'), ...Array(120).fill('B'), ...Array(70).fill('C'), ...Array(5).fill('D'), ...Array(4).fill('E')];
  const rows: FeatureRow[] = codes.map((code) => ({ grade: Math.round(random() * 20), code }));
  const labels = rows.map((r) => (random() < sigmoid(1 - 0.15 * (r.grade as number)) ? 1 : 0));
  rows.push({ grade: 18, code: 'F' });
  labels.push(1);
  return {
    rows,
    labels,
    specs: [
      { name: 'grade', kind: 'numeric' },
      { name: 'code', kind: 'nominal' },
    ],
  };
}

/** The stated bound: with pooling, no one-hot coefficient exceeds this many log-odds (original scale) on these data. */
const COEFFICIENT_BOUND = 3;

describe('rare categories (issue #19)', () => {
  const { rows, labels, specs } = withRareCodes();

  it('the reference level is the most common, not the first in string order; rare levels are pooled', () => {
    const encoder = fitEncoder(specs, [...rows, { grade: 1, code: '0' }, { grade: 1, code: '0' }], { minLevelCount: 30 });
    assert.equal(encoder.reference?.code, 'A');
    assert.deepEqual(encoder.levels.code, ['B', 'C']);
    // D, E, F and '0' together hold 5 + 4 + 1 + 2 = 12 < 30: the pooled group joins the reference, no "övriga" column
    assert.deepEqual(encoder.columns, ['grade', 'code=B', 'code=C']);
    // at 5: E (4) and F (1) pooled, together 5: an "övriga" column
    const loose = fitEncoder(specs, rows, { minLevelCount: 5 });
    assert.deepEqual(loose.columns, ['grade', 'code=B', 'code=C', 'code=D', `code=${OTHER_LEVEL}`]);
    assert.deepEqual(loose.pooled?.code, ['E', 'F']);
    assert.equal(loose.columnCounts?.[`code=${OTHER_LEVEL}`], 5);
    assert.deepEqual(encodeRow(loose, { grade: 0, code: 'F' }).slice(1), encodeRow(loose, { grade: 0, code: 'E' }).slice(1));
    // a level never seen in training encodes as "övriga" too
    assert.deepEqual(encodeRow(loose, { grade: 0, code: 'Z' }), encodeRow(loose, { grade: 0, code: 'F' }));
  });

  it('a one-student category gets no coefficient beyond the stated bound and is never named in an explanation', () => {
    const student = rows.at(-1) as FeatureRow; // the one student of code F
    for (const minLevelCount of [30, 5, 1]) {
      const encoder = fitEncoder(specs, rows, { minLevelCount });
      const model = fitLogistic(encodeRows(encoder, rows), labels);
      assert.ok(model.converged);
      const nominal = Object.entries(originalScaleCoefficients(model, encoder).coefficients).filter(([c]) => c.startsWith('code='));
      const z = encodeRow(encoder, student);
      const named = topContributions(model, encoder, z, encoder.columns.length).map((c) => c.column);
      assert.ok(
        !named.includes('code=F') && !named.includes(`code=${OTHER_LEVEL}`) && !named.includes('code=E'),
        `${minLevelCount}: ${named}`,
      );
      if (minLevelCount === 30) for (const [c, v] of nominal) assert.ok(Math.abs(v) <= COEFFICIENT_BOUND, `${c}: ${v}`);
    }
    // Without pooling (minLevelCount 1) code F has its own column; the explanation still never names it.
    const unpooled = fitEncoder(specs, rows, { minLevelCount: 1 });
    assert.ok(unpooled.columns.includes('code=F'));
    assert.equal(nameableColumn(unpooled, 'code=F'), false);
    assert.equal(nameableColumn(unpooled, 'code=D'), true); // 5 students: at the disclosure threshold
  });

  it('on a wide design with long-tailed codes, pooling removes most extreme probabilities and bounds the coefficients', () => {
    const d = syntheticDesign({ rows: 1500, numeric: 5, nominalLevels: [40, 60] });
    const fit = (minLevelCount: number) => {
      const encoder = fitEncoder(d.specs, d.rows, { minLevelCount });
      const model = fitLogistic(encodeRows(encoder, d.rows), d.labels);
      const coefficients = Object.entries(originalScaleCoefficients(model, encoder).coefficients).filter(([c]) => c.includes('='));
      return {
        largest: Math.max(...coefficients.map(([, v]) => Math.abs(v))),
        extremes: extremeShare(predictLogistic(model, encodeRows(encoder, d.rows))),
      };
    };
    const pooled = fit(30);
    const unpooled = fit(1);
    assert.ok(pooled.largest <= COEFFICIENT_BOUND, String(pooled.largest));
    assert.ok(pooled.largest < unpooled.largest, `${pooled.largest} vs ${unpooled.largest}`);
    assert.ok(pooled.extremes <= unpooled.extremes, `${pooled.extremes} vs ${unpooled.extremes}`);
  });

  it('a band that says nothing is flagged as uncertain', () => {
    assert.equal(informativeBand({ lower: 0.2, upper: 0.4 }), true);
    assert.equal(informativeBand({ lower: 0.01, upper: 0.99 }), false);
    const encoder = fitEncoder(specs, rows.slice(0, 40), { minLevelCount: 1 });
    const model = fitLogistic(encodeRows(encoder, rows.slice(0, 40)), labels.slice(0, 40), { lambda: 1e-3 });
    const band = probabilityBand(model, encodeRow(encoder, { grade: 60, code: 'A' }));
    assert.equal(informativeBand(band), band.upper - band.lower < 0.5);
  });
});

/**
 * A synthetic data set shaped like the one issue #19 was found on: thousands of invented students, a few numeric and
 * binary inputs, and several nominal inputs with dozens of codes of very unequal size (Zipf-like: a few common codes,
 * a long tail held by one or two students), a positive class of about a third. No real person: numbers only. Used by
 * the `model fit` benchmark and by the tests of pooling and speed.
 */
import type { FeatureRow, FeatureSpec } from './encoding.ts';
import { sigmoid } from './logistic-regression.ts';
import { seededRandom, type Random } from './random.ts';

/** Options: rows, numeric inputs, and the number of codes of each nominal input. */
export interface SyntheticDesignOptions {
  rows?: number;
  numeric?: number;
  binary?: number;
  nominalLevels?: number[];
  seed?: number;
}

/** Zipf-like draw of a level index in [0, levels): P(k) ∝ 1/(k+1)^1.1. */
function zipf(levels: number, random: Random): number {
  let total = 0;
  for (let k = 0; k < levels; k++) total += 1 / (k + 1) ** 1.1;
  let u = random() * total;
  for (let k = 0; k < levels; k++) {
    u -= 1 / (k + 1) ** 1.1;
    if (u <= 0) return k;
  }
  return levels - 1;
}

/**
 * Rows, labels and specs. Defaults: 4,000 rows, 20 numeric, 4 binary and four nominal inputs of 40, 80, 60 and 30
 * codes — 230 encoded columns when every code is seen. The outcome depends on three numeric inputs, one binary, and
 * on the first three codes of the first nominal input; every other code has no effect.
 */
export function syntheticDesign(options: SyntheticDesignOptions = {}): { rows: FeatureRow[]; labels: number[]; specs: FeatureSpec[] } {
  const n = options.rows ?? 4000;
  const numeric = options.numeric ?? 20;
  const binary = options.binary ?? 4;
  const nominalLevels = options.nominalLevels ?? [40, 80, 60, 30];
  const random = seededRandom(options.seed ?? 19);
  const specs: FeatureSpec[] = [
    ...Array.from({ length: numeric }, (_, j): FeatureSpec => ({ name: `x${j + 1}`, kind: 'numeric' })),
    ...Array.from({ length: binary }, (_, j): FeatureSpec => ({ name: `b${j + 1}`, kind: 'binary', positive: 'ja' })),
    ...nominalLevels.map((_, j): FeatureSpec => ({ name: `kod${j + 1}`, kind: 'nominal' })),
  ];
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, string | number> = {};
    for (let j = 0; j < numeric; j++) row[`x${j + 1}`] = Math.round((random() + random() + random() - 1.5) * 1000) / 100;
    for (let j = 0; j < binary; j++) row[`b${j + 1}`] = random() < 0.3 ? 'ja' : 'nej';
    const codes = nominalLevels.map((levels) => zipf(levels, random));
    codes.forEach((k, j) => (row[`kod${j + 1}`] = `k${String(k + 1).padStart(2, '0')}`));
    const first = codes[0] ?? 99;
    const eta =
      -0.9 +
      0.35 * (row.x1 as number) -
      0.25 * (row.x2 as number) +
      0.15 * (row.x3 as number) +
      (row.b1 === 'ja' ? 0.8 : 0) +
      (first === 0 ? 0.5 : first === 1 ? -0.4 : first === 2 ? 0.3 : 0);
    rows.push(row);
    labels.push(random() < sigmoid(eta) ? 1 : 0);
  }
  return { rows, labels, specs };
}

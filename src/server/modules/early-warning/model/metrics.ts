/**
 * Evaluation metrics for a probability (or any score) against 0/1 labels. Higher scores mean "more likely positive".
 * Ties are handled explicitly: ROC-AUC gives tied pairs half credit, average precision evaluates tied scores as one
 * threshold, and the top-k% selections break ties by input order (documented, deterministic).
 */

import { checkFiniteScores, checkLabels, checkLengths as checkSameLength } from './guards.ts';

/** Same length, finite scores and 0/1 labels, or a ModelInputError (an unknown label is never read as negative). */
function checkLengths(scores: readonly number[], labels: readonly number[]): void {
  checkSameLength(scores, labels);
  checkLabels(labels);
  checkFiniteScores(scores);
}

/** ROC-AUC as the Mann–Whitney statistic with average ranks for ties; NaN when only one class is present. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  checkLengths(scores, labels);
  const order = scores.map((s, i) => ({ s, y: labels[i] as number })).sort((a, b) => a.s - b.s);
  let rankSumPositive = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && (order[j] as { s: number }).s === (order[i] as { s: number }).s) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if ((order[k] as { y: number }).y === 1) {
        rankSumPositive += averageRank;
        positives++;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** PR-AUC as average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct score thresholds, highest first. */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  checkLengths(scores, labels);
  const order = scores.map((s, i) => ({ s, y: labels[i] as number })).sort((a, b) => b.s - a.s);
  const positives = order.filter((o) => o.y === 1).length;
  if (positives === 0) return NaN;
  let truePositives = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && (order[j] as { s: number }).s === (order[i] as { s: number }).s) j++;
    for (let k = i; k < j; k++) truePositives += (order[k] as { y: number }).y;
    const recall = truePositives / positives;
    ap += (recall - previousRecall) * (truePositives / j);
    previousRecall = recall;
    i = j;
  }
  return ap;
}

/** Precision and recall among the top `fraction` of scores (k = ceil(fraction·n); ties broken by input order). */
export function precisionRecallAtTop(
  scores: readonly number[],
  labels: readonly number[],
  fraction: number,
): { k: number; precision: number; recall: number } {
  checkLengths(scores, labels);
  const k = Math.min(scores.length, Math.ceil(fraction * scores.length));
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i);
  const hits = order.slice(0, k).reduce((sum, o) => sum + (labels[o.i] as number), 0);
  const positives = labels.reduce((sum, y) => sum + y, 0);
  return { k, precision: k > 0 ? hits / k : NaN, recall: positives > 0 ? hits / positives : NaN };
}

/** Brier score: the mean squared difference between probability and outcome (lower is better). */
export function brierScore(probabilities: readonly number[], labels: readonly number[]): number {
  checkLengths(probabilities, labels);
  return probabilities.reduce((sum, p, i) => sum + (p - (labels[i] as number)) ** 2, 0) / probabilities.length;
}

/** Share classified correctly (PCC) when predicting positive at probability ≥ threshold. */
export function accuracy(probabilities: readonly number[], labels: readonly number[], threshold = 0.5): number {
  checkLengths(probabilities, labels);
  const correct = probabilities.filter((p, i) => (p >= threshold ? 1 : 0) === labels[i]).length;
  return correct / probabilities.length;
}

/** One bin of a calibration plot. */
export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Equal-width calibration bins over [0, 1]; empty bins are left out. The last bin includes 1. */
export function calibrationBins(probabilities: readonly number[], labels: readonly number[], bins = 10): CalibrationBin[] {
  checkLengths(probabilities, labels);
  const sums = Array.from({ length: bins }, () => ({ count: 0, predicted: 0, observed: 0 }));
  probabilities.forEach((p, i) => {
    const bin = sums[Math.min(bins - 1, Math.floor(p * bins))] as { count: number; predicted: number; observed: number };
    bin.count++;
    bin.predicted += p;
    bin.observed += labels[i] as number;
  });
  return sums.flatMap((b, i) =>
    b.count === 0
      ? []
      : [
          {
            lower: i / bins,
            upper: (i + 1) / bins,
            count: b.count,
            meanPredicted: b.predicted / b.count,
            observedRate: b.observed / b.count,
          },
        ],
  );
}

/**
 * Expected calibration error: Σ_b (n_b / n)·|mean predicted − observed rate| over equal-width bins (default 10) —
 * how far, on average over students, the stated probability is from what happened to students given that probability.
 */
export function expectedCalibrationError(probabilities: readonly number[], labels: readonly number[], bins = 10): number {
  const n = probabilities.length;
  if (n === 0) return NaN;
  return calibrationBins(probabilities, labels, bins).reduce(
    (sum, b) => sum + (b.count / n) * Math.abs(b.meanPredicted - b.observedRate),
    0,
  );
}

/** Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 − 1e-15] as scikit-learn does. */
export function logLoss(probabilities: readonly number[], labels: readonly number[]): number {
  checkLengths(probabilities, labels);
  let sum = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p));
    sum -= labels[i] === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return sum / probabilities.length;
}

/** F1 (harmonic mean of precision and recall) when predicting positive at probability ≥ threshold; 0 when nothing is found. */
export function f1AtThreshold(probabilities: readonly number[], labels: readonly number[], threshold = 0.5): number {
  checkLengths(probabilities, labels);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  probabilities.forEach((p, i) => {
    const predicted = p >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Share of probabilities below `edge` or above 1 − `edge` (default 0.001): the extremes a rare category produces. */
export function extremeShare(probabilities: readonly number[], edge = 0.001): number {
  if (probabilities.length === 0) return NaN;
  return probabilities.filter((p) => p < edge || p > 1 - edge).length / probabilities.length;
}

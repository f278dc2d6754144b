/**
 * Every metric of issue #4's evaluation report for one set of out-of-sample probabilities, in one object (the JSON a
 * model version will store). Proportions (precision and recall at the top k %, accuracy) carry Wilson intervals.
 */
import { wilsonInterval, type Interval } from './intervals.ts';
import {
  accuracy,
  averagePrecision,
  brierScore,
  calibrationBins,
  expectedCalibrationError,
  extremeShare,
  f1AtThreshold,
  logLoss,
  precisionRecallAtTop,
  rocAuc,
  type CalibrationBin,
} from './metrics.ts';

/** Precision and recall when the top `fraction` of students are selected. */
export interface TopSelection {
  fraction: number;
  k: number;
  precision: Interval;
  recall: Interval;
}

/** The metrics of one evaluation. */
export interface EvaluationSummary {
  n: number;
  positives: number;
  rocAuc: number;
  averagePrecision: number;
  brier: number;
  /** Expected calibration error over ten equal-width bins (issue #19). */
  ece: number;
  logLoss: number;
  /** F1 when predicting positive at `threshold`. */
  f1: number;
  threshold: number;
  /** Share of probabilities below 0.001 or above 0.999. */
  extremes: number;
  accuracy: Interval;
  top: TopSelection[];
  calibration: CalibrationBin[];
}

/** Summarises probabilities against 0/1 labels (1 = the outcome being predicted, e.g. not completing). */
export function summariseEvaluation(
  probabilities: readonly number[],
  labels: readonly number[],
  fractions = [0.05, 0.1, 0.2],
  threshold = 0.5,
): EvaluationSummary {
  const n = labels.length;
  const positives = labels.reduce((s, y) => s + y, 0);
  const correct = Math.round(accuracy(probabilities, labels, threshold) * n);
  return {
    n,
    positives,
    rocAuc: rocAuc(probabilities, labels),
    averagePrecision: averagePrecision(probabilities, labels),
    brier: brierScore(probabilities, labels),
    ece: expectedCalibrationError(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    f1: f1AtThreshold(probabilities, labels, threshold),
    threshold,
    extremes: extremeShare(probabilities),
    accuracy: wilsonInterval(correct, n),
    top: fractions.map((fraction) => {
      const at = precisionRecallAtTop(probabilities, labels, fraction);
      const hits = Math.round(at.precision * at.k);
      return { fraction, k: at.k, precision: wilsonInterval(hits, at.k), recall: wilsonInterval(hits, positives) };
    }),
    calibration: calibrationBins(probabilities, labels),
  };
}

/**
 * The evaluation protocol for any data set (issue #19), the same as the internal evaluation and the Cortez & Silva
 * comparison: `runs` repetitions of stratified `folds`-fold cross-validation (seeds `seed + run`); in every fold the
 * encoder (reference levels, pooling of rare levels, means and standard deviations) and each model are fitted on the
 * training part only. Per run, every metric of the evaluation report is computed on the run's out-of-fold
 * probabilities; the result is the mean over runs with its 95 % t half-width.
 */
import { repeatedStratifiedKFold, trainingIndices } from '../model/cross-validation.ts';
import { DEFAULT_MIN_LEVEL_COUNT, encodeRows, fitEncoder, type FeatureRow, type FeatureSpec } from '../model/encoding.ts';
import { summariseEvaluation, type EvaluationSummary } from '../model/evaluation-summary.ts';
import { checkLabels, checkLengths } from '../model/guards.ts';
import { meanInterval } from '../model/intervals.ts';
import { fitLogistic, predictLogistic } from '../model/logistic-regression.ts';
import { fitForest, predictForest, predictForestRaw } from '../model/random-forest.ts';

/** The models the protocol can fit: `forest` is calibrated; `forest-uncalibrated` is the same forest's raw scores. */
export type ModelKind = 'logistic' | 'forest' | 'forest-uncalibrated';

/** Options for evaluateDataset. */
export interface ProtocolOptions {
  runs?: number;
  folds?: number;
  seed?: number;
  models?: ModelKind[];
  minLevelCount?: number;
  /** L2 penalty of the logistic model on the standardised scale (default 1). */
  lambda?: number;
  /** Probability at which F1 and accuracy are read (default 0.5). */
  threshold?: number;
  forest?: { trees?: number; maxDepth?: number; minLeaf?: number };
  /** A rule baseline's fixed scores (0/1 or any score in [0, 1]), evaluated on the same runs. */
  ruleScores?: readonly number[];
  onProgress?: (message: string) => void;
}

/** A metric's mean over runs with the 95 % t half-width. */
export interface RunMean {
  mean: number;
  halfWidth: number;
}

/** One model's metrics over the runs. */
export interface ModelResult {
  model: ModelKind | 'rule';
  rocAuc: RunMean;
  averagePrecision: RunMean;
  brier: RunMean;
  ece: RunMean;
  logLoss: RunMean;
  f1: RunMean;
  accuracy: RunMean;
  extremes: RunMean;
  precisionTop10: RunMean;
  recallTop10: RunMean;
  precisionTop20: RunMean;
  recallTop20: RunMean;
  /** Logistic fits that did not converge (each one is counted, and its fold still predicted). */
  notConverged?: number;
  /** Seconds spent fitting this model over all folds and runs. */
  fitSeconds?: number;
  /** The last run's summary, for a reliability table. */
  lastRun: EvaluationSummary;
}

/** The protocol's result. */
export interface ProtocolResult {
  n: number;
  positives: number;
  runs: number;
  folds: number;
  seed: number;
  minLevelCount: number;
  threshold: number;
  results: ModelResult[];
}

const FRACTIONS = [0.1, 0.2];

function summarise(model: ModelResult['model'], perRun: EvaluationSummary[]): ModelResult {
  const of = (pick: (s: EvaluationSummary) => number): RunMean => {
    const m = meanInterval(perRun.map(pick));
    return { mean: m.mean, halfWidth: m.halfWidth };
  };
  return {
    model,
    rocAuc: of((s) => s.rocAuc),
    averagePrecision: of((s) => s.averagePrecision),
    brier: of((s) => s.brier),
    ece: of((s) => s.ece),
    logLoss: of((s) => s.logLoss),
    f1: of((s) => s.f1),
    accuracy: of((s) => s.accuracy.estimate),
    extremes: of((s) => s.extremes),
    precisionTop10: of((s) => s.top[0]?.precision.estimate ?? NaN),
    recallTop10: of((s) => s.top[0]?.recall.estimate ?? NaN),
    precisionTop20: of((s) => s.top[1]?.precision.estimate ?? NaN),
    recallTop20: of((s) => s.top[1]?.recall.estimate ?? NaN),
    lastRun: perRun.at(-1) as EvaluationSummary,
  };
}

/** Out-of-fold probabilities of every requested model for one run's folds. */
export function outOfFoldPredictions(
  rows: readonly FeatureRow[],
  labels: readonly number[],
  specs: readonly FeatureSpec[],
  folds: readonly number[][],
  options: ProtocolOptions & { forestSeed?: number },
  timing?: Map<ModelKind, number>,
): { predictions: Map<ModelKind, number[]>; notConverged: number } {
  const models = options.models ?? ['logistic', 'forest', 'forest-uncalibrated'];
  const predictions = new Map<ModelKind, number[]>(models.map((m) => [m, new Array<number>(rows.length).fill(0)]));
  let notConverged = 0;
  folds.forEach((test, f) => {
    const train = trainingIndices(rows.length, test);
    const trainRows = train.map((i) => rows[i] as FeatureRow);
    const encoder = fitEncoder(specs, trainRows, { minLevelCount: options.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT });
    const xTrain = encodeRows(encoder, trainRows);
    const yTrain = train.map((i) => labels[i] as number);
    const xTest = encodeRows(
      encoder,
      test.map((i) => rows[i] as FeatureRow),
    );
    const put = (kind: ModelKind, values: number[]) => {
      const out = predictions.get(kind);
      if (out) test.forEach((i, k) => (out[i] = values[k] as number));
    };
    const clock = (kind: ModelKind, started: number) => timing?.set(kind, (timing.get(kind) ?? 0) + (performance.now() - started) / 1000);
    if (predictions.has('logistic')) {
      const started = performance.now();
      const model = fitLogistic(xTrain, yTrain, { lambda: options.lambda ?? 1 });
      clock('logistic', started);
      if (!model.converged) notConverged++;
      put('logistic', predictLogistic(model, xTest));
    }
    if (predictions.has('forest') || predictions.has('forest-uncalibrated')) {
      const started = performance.now();
      const forest = fitForest(xTrain, yTrain, { ...options.forest, seed: (options.forestSeed ?? 1) * 1000 + f });
      clock('forest', started);
      put('forest', predictForest(forest, xTest));
      put('forest-uncalibrated', predictForestRaw(forest, xTest));
    }
  });
  return { predictions, notConverged };
}

/** Runs the protocol on a data set. */
export function evaluateDataset(
  rows: readonly FeatureRow[],
  labels: readonly number[],
  specs: readonly FeatureSpec[],
  options: ProtocolOptions = {},
): ProtocolResult {
  checkLengths(rows, labels);
  checkLabels(labels);
  const runs = options.runs ?? 20;
  const folds = options.folds ?? 10;
  const seed = options.seed ?? 1;
  const threshold = options.threshold ?? 0.5;
  const models = options.models ?? ['logistic', 'forest', 'forest-uncalibrated'];
  if (options.ruleScores) checkLengths(options.ruleScores, labels);
  const splits = repeatedStratifiedKFold(labels, folds, runs, seed);
  const perRun = new Map<ModelKind | 'rule', EvaluationSummary[]>();
  const timing = new Map<ModelKind, number>();
  let notConverged = 0;
  splits.forEach((runFolds, r) => {
    const { predictions, notConverged: missed } = outOfFoldPredictions(
      rows,
      labels,
      specs,
      runFolds,
      { ...options, forestSeed: seed + r },
      timing,
    );
    notConverged += missed;
    for (const [kind, p] of predictions) {
      const list = perRun.get(kind) ?? [];
      list.push(summariseEvaluation(p, labels, FRACTIONS, threshold));
      perRun.set(kind, list);
    }
    options.onProgress?.(`körning ${r + 1} av ${runs} klar (run ${r + 1} of ${runs} done)`);
  });
  const results: ModelResult[] = models.map((kind) => ({
    ...summarise(kind, perRun.get(kind) ?? []),
    fitSeconds: timing.get(kind === 'forest-uncalibrated' ? 'forest' : kind) ?? 0,
    ...(kind === 'logistic' ? { notConverged } : {}),
  }));
  if (options.ruleScores) {
    // A fixed rule does not learn, so every run gives the same figures; it is listed once per run for the same shape.
    const summary = summariseEvaluation(options.ruleScores, labels, FRACTIONS, threshold);
    results.push(
      summarise(
        'rule',
        Array.from({ length: runs }, () => summary),
      ),
    );
  }
  return {
    n: labels.length,
    positives: labels.reduce((s, y) => s + y, 0),
    runs,
    folds,
    seed,
    minLevelCount: options.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT,
    threshold,
    results,
  };
}

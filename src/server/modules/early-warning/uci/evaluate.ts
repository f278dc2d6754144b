/**
 * The paper's protocol on the UCI data: per subject and setup, `runs` repetitions of stratified `folds`-fold
 * cross-validation; the encoder (levels, means, standard deviations) and the model are fitted on each training fold
 * only. Accuracy (PCC) per run over all out-of-fold predictions; reported as mean, sd and 95 % t half-width over runs.
 */
import { trainingIndices, repeatedStratifiedKFold } from '../model/cross-validation.ts';
import { encodeRows, fitEncoder, type FeatureRow } from '../model/encoding.ts';
import { meanInterval } from '../model/intervals.ts';
import { fitLogistic, predictLogistic } from '../model/logistic-regression.ts';
import { accuracy, rocAuc } from '../model/metrics.ts';
import { fitForest, predictForest } from '../model/random-forest.ts';
import { loadUciSubject, uciFeatureSpecs, uciPassed, type UciSetup, type UciSubject } from './dataset.ts';
import { PAPER_BEST } from './paper-results.ts';

/** Which model to evaluate. */
export type UciModelKind = 'logistic' | 'forest';

/** Options for evaluateUci. */
export interface UciEvaluationOptions {
  runs?: number;
  folds?: number;
  model?: UciModelKind;
  seed?: number;
  subjects?: UciSubject[];
  setups?: UciSetup[];
  /** Called after each subject × setup (for progress on stderr). */
  onProgress?: (message: string) => void;
}

/** One row of the comparison table. */
export interface UciResult {
  subject: UciSubject;
  setup: UciSetup;
  /** Mean PCC over runs (0–1). */
  accuracy: number;
  accuracySd: number;
  /** Half-width of the 95 % t-interval of the mean over runs (the paper's "±"). */
  accuracyHalfWidth: number;
  /** Mean ROC-AUC over runs. */
  auc: number;
  paperBest: number;
  paperBestMethod: string;
  students: number;
  runs: number;
  folds: number;
  model: UciModelKind;
}

function outOfFoldProbabilities(
  rows: FeatureRow[],
  labels: number[],
  setup: UciSetup,
  folds: number[][],
  model: UciModelKind,
  seed: number,
): number[] {
  const specs = uciFeatureSpecs(setup);
  const probabilities = new Array<number>(rows.length).fill(0);
  folds.forEach((test, f) => {
    const train = trainingIndices(rows.length, test);
    const encoder = fitEncoder(
      specs,
      train.map((i) => rows[i] as FeatureRow),
    );
    const xTrain = encodeRows(
      encoder,
      train.map((i) => rows[i] as FeatureRow),
    );
    const yTrain = train.map((i) => labels[i] as number);
    const xTest = encodeRows(
      encoder,
      test.map((i) => rows[i] as FeatureRow),
    );
    const predicted =
      model === 'logistic'
        ? predictLogistic(fitLogistic(xTrain, yTrain), xTest)
        : predictForest(fitForest(xTrain, yTrain, { seed: seed * 1000 + f }), xTest);
    test.forEach((i, k) => (probabilities[i] = predicted[k] as number));
  });
  return probabilities;
}

/** Runs the evaluation; results in the order mat A, B, C, por A, B, C. */
export function evaluateUci(options: UciEvaluationOptions = {}): UciResult[] {
  const runs = options.runs ?? 20;
  const folds = options.folds ?? 10;
  const model = options.model ?? 'logistic';
  const seed = options.seed ?? 1;
  const results: UciResult[] = [];
  for (const subject of options.subjects ?? (['mat', 'por'] as const)) {
    const rows = loadUciSubject(subject);
    const labels = rows.map(uciPassed);
    const splits = repeatedStratifiedKFold(labels, folds, runs, seed);
    for (const setup of options.setups ?? (['A', 'B', 'C'] as const)) {
      const accuracies: number[] = [];
      const aucs: number[] = [];
      splits.forEach((runFolds, r) => {
        const probabilities = outOfFoldProbabilities(rows, labels, setup, runFolds, model, seed + r);
        accuracies.push(accuracy(probabilities, labels));
        aucs.push(rocAuc(probabilities, labels));
      });
      const acc = meanInterval(accuracies);
      const paper = PAPER_BEST[subject][setup];
      results.push({
        subject,
        setup,
        accuracy: acc.mean,
        accuracySd: acc.sd,
        accuracyHalfWidth: acc.halfWidth,
        auc: meanInterval(aucs).mean,
        paperBest: paper.accuracy,
        paperBestMethod: paper.method,
        students: rows.length,
        runs,
        folds,
        model,
      });
      options.onProgress?.(`${subject} ${setup}: ${(acc.mean * 100).toFixed(1)} % (${runs}×${folds}-fold, ${model})`);
    }
  }
  return results;
}

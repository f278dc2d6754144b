/**
 * The paper's protocol on the UCI data: per subject and setup, `runs` repetitions of stratified `folds`-fold
 * cross-validation; the encoder (levels, means, standard deviations) and the model are fitted on each training fold
 * only. Accuracy (PCC) per run over all out-of-fold predictions; reported as mean, sd and 95 % t half-width over runs.
 * One caller of the general protocol (evaluate/protocol.ts) that `model evaluate --csv` runs on any file.
 */
import { outOfFoldPredictions } from '../evaluate/protocol.ts';
import { repeatedStratifiedKFold } from '../model/cross-validation.ts';
import { DEFAULT_MIN_LEVEL_COUNT } from '../model/encoding.ts';
import { meanInterval } from '../model/intervals.ts';
import { accuracy, expectedCalibrationError, logLoss, rocAuc } from '../model/metrics.ts';
import { loadUciSubject, uciFeatureSpecs, uciPassed, type UciSetup, type UciSubject } from './dataset.ts';
import { PAPER_BEST } from './paper-results.ts';

/** Which model to evaluate. */
export type UciModelKind = 'logistic' | 'forest' | 'forest-uncalibrated';

/** Options for evaluateUci. */
export interface UciEvaluationOptions {
  runs?: number;
  folds?: number;
  model?: UciModelKind;
  seed?: number;
  subjects?: UciSubject[];
  setups?: UciSetup[];
  /** Levels with fewer training students are pooled into "övriga" (default 30; 1 = no pooling, as before issue #19). */
  minLevelCount?: number;
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
  /** Mean expected calibration error and log loss over runs. */
  ece: number;
  logLoss: number;
  paperBest: number;
  paperBestMethod: string;
  students: number;
  runs: number;
  folds: number;
  model: UciModelKind;
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
      const eces: number[] = [];
      const losses: number[] = [];
      const specs = uciFeatureSpecs(setup);
      splits.forEach((runFolds, r) => {
        const { predictions } = outOfFoldPredictions(rows, labels, specs, runFolds, {
          models: [model],
          minLevelCount: options.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT,
          forestSeed: seed + r,
        });
        const probabilities = predictions.get(model) as number[];
        accuracies.push(accuracy(probabilities, labels));
        aucs.push(rocAuc(probabilities, labels));
        eces.push(expectedCalibrationError(probabilities, labels));
        losses.push(logLoss(probabilities, labels));
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
        ece: meanInterval(eces).mean,
        logLoss: meanInterval(losses).mean,
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

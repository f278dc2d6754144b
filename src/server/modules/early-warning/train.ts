/**
 * Trains and evaluates one model version: a time-aware split (older finished cohorts train, the newest tests),
 * L2 logistic regression on the changeable inputs, and on the same test students the two baselines (the indicator
 * rules and targeting whole schools by their share of non-completion), the tree ensemble as a comparator, the real
 * precision of each support tier, and the same metrics per subgroup with the gaps between them.
 */
import { evaluateIndicators, ruleScore, supportTier } from './indicators.ts';
import { featureRow, featureSpecs, hasSufficientData, programmeGroup, type ModelStage } from './features.ts';
import { DEFAULT_MIN_LEVEL_COUNT, encodeRows, fitEncoder, type Encoder } from './model/encoding.ts';
import { summariseEvaluation, type EvaluationSummary } from './model/evaluation-summary.ts';
import { wilsonInterval, type Interval } from './model/intervals.ts';
import {
  fitLogistic,
  originalScaleCoefficients,
  predictLogistic,
  type LogisticModel,
  type LogisticOptions,
} from './model/logistic-regression.ts';
import { precisionRecallAtTop, rocAuc } from './model/metrics.ts';
import { fitForest, predictForest, predictForestRaw } from './model/random-forest.ts';
import type { Thresholds } from './thresholds.ts';
import type { TrainingExample } from './training-set.ts';

export interface ModelParameters {
  encoder: Encoder;
  logistic: LogisticModel;
}

export interface SubgroupRow {
  dimension: string;
  level: string;
  n: number;
  positives: number;
  rocAuc: number | null;
  /** Of the students in this group, the share selected when the top 10 % of all test students are selected. */
  selected: number;
  precision: Interval;
  recall: Interval;
}

export interface EvaluationReport {
  stage: ModelStage;
  split: {
    trainCohorts: number[];
    testCohort: number;
    nTrain: number;
    nTest: number;
    positivesTrain: number;
    positivesTest: number;
    excludedInsufficient: number;
  };
  model: EvaluationSummary;
  baselines: { rules: EvaluationSummary; schools: EvaluationSummary };
  forest: {
    rocAuc: number;
    averagePrecision: number;
    /** The calibrated forest on the test cohort (issue #19); absent in reports stored before it. */
    calibrated?: EvaluationSummary;
    /** The same forest's raw scores (the mean leaf share), before calibration. */
    uncalibrated?: EvaluationSummary;
  };
  /** Whether each model could be activated on its calibration, and why not (issue #19). */
  calibration?: {
    logisticEce: number;
    forestEce: number;
    forestEceUncalibrated: number;
    /** The forest is activatable only when calibrated and its calibration error is not above the logistic model's. */
    forestActivatable: boolean;
  };
  /** Training settings that shape the model: the pooling minimum and the logistic fit's iterations. */
  settings?: { minLevelCount: number; lambda: number; iterations: number; converged: boolean };
  tiers: { tier: number; n: number; precision: Interval }[];
  subgroups: SubgroupRow[];
  gaps: { dimension: string; recallGap: number; precisionGap: number }[];
  coefficients: { intercept: number; coefficients: Record<string, number> };
  trainingMs: number;
}

/** A refusal to train: `sv` and `en` say the same; `message` carries both (the CLI prints it), `text()` picks one. */
export class TrainingRefused extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
  ) {
    super(`${sv} (${en})`);
    this.name = 'TrainingRefused';
  }

  /** The refusal in the reader's language. */
  text(language: 'sv' | 'en'): string {
    return language === 'en' ? this.en : this.sv;
  }
}

/** Options for trainAndEvaluate: the pooling minimum for nominal inputs and the logistic fit's settings. */
export interface TrainOptions {
  minLevelCount?: number;
  logistic?: LogisticOptions;
}

const MIN_TRAIN_POSITIVES = 10;
const MIN_TEST = 30;

/** Trains on older cohorts, evaluates on the newest; refuses (in Swedish) when the data cannot support a model. */
export function trainAndEvaluate(
  examples: readonly TrainingExample[],
  thresholds: Thresholds,
  stage: ModelStage = 'GY',
  options: TrainOptions = {},
): { parameters: ModelParameters; report: EvaluationReport } {
  const started = performance.now();
  const minLevelCount = options.minLevelCount ?? DEFAULT_MIN_LEVEL_COUNT;
  const lambda = options.logistic?.lambda ?? 1;
  const usable = examples.filter((e) => hasSufficientData(e.measures, thresholds.insufficientDays));
  const cohorts = [...new Set(usable.map((e) => e.cohort))].sort((a, b) => a - b);
  if (cohorts.length < 2) {
    throw new TrainingRefused(
      `Minst två avslutade årskullar behövs för att träna och testa en modell; det finns ${cohorts.length}.`,
      `At least two finished cohorts are needed to train and test a model; there are ${cohorts.length}.`,
    );
  }
  const testCohort = cohorts.at(-1) as number;
  const train = usable.filter((e) => e.cohort < testCohort);
  const test = usable.filter((e) => e.cohort === testCohort);
  const positivesTrain = train.filter((e) => e.label === 1).length;
  if (positivesTrain < MIN_TRAIN_POSITIVES || train.length - positivesTrain < MIN_TRAIN_POSITIVES) {
    const outcome = stage === 'GY' ? 'utan examen' : 'utan behörighet';
    const outcomeEn = stage === 'GY' ? 'without a diploma' : 'not eligible';
    throw new TrainingRefused(
      `För få elever i de äldre årskullarna (${train.length}, varav ${positivesTrain} ${outcome}) för att träna en modell.`,
      `Too few students in the older cohorts (${train.length}, of whom ${positivesTrain} ${outcomeEn}) to train a model.`,
    );
  }
  if (test.length < MIN_TEST)
    throw new TrainingRefused(
      `Testårskullen ${testCohort} har bara ${test.length} elever; minst ${MIN_TEST} behövs.`,
      `The test cohort ${testCohort} has only ${test.length} students; at least ${MIN_TEST} are needed.`,
    );
  const positivesTest = test.filter((e) => e.label === 1).length;
  if (positivesTest === 0 || positivesTest === test.length) {
    throw new TrainingRefused(
      `Testårskullen ${testCohort} har bara ett utfall (${positivesTest} av ${test.length}); modellen kan inte prövas på den.`,
      `The test cohort ${testCohort} has only one outcome (${positivesTest} of ${test.length}); the model cannot be tested on it.`,
    );
  }

  const trainRows = train.map((e) => featureRow(e.measures));
  const encoder = fitEncoder(featureSpecs[stage], trainRows, { minLevelCount });
  const yTrain = train.map((e) => e.label);
  const xTrain = encodeRows(encoder, trainRows);
  const logistic = fitLogistic(xTrain, yTrain, { ...options.logistic, lambda });
  // A model that did not converge is never stored (so never activated): its coefficients are wherever the iterations stopped.
  if (!logistic.converged) {
    throw new TrainingRefused(
      `Modellen konvergerade inte på ${logistic.iterations} iterationer och sparas inte; kontrollera indata (t.ex. en indatakolumn som ensam avgör utfallet).`,
      `The model did not converge in ${logistic.iterations} iterations and is not stored; check the inputs (e.g. an input that alone decides the outcome).`,
    );
  }
  const xTest = encodeRows(
    encoder,
    test.map((e) => featureRow(e.measures)),
  );
  const yTest = test.map((e) => e.label);
  const probabilities = predictLogistic(logistic, xTest);

  const indicatorsOf = test.map((e) => evaluateIndicators(e.measures, thresholds));
  const rules = indicatorsOf.map(ruleScore);
  const schoolShare = shareByUnit(train);
  const overall = positivesTrain / train.length;
  const schools = test.map((e) => schoolShare.get(e.measures.schoolUnitId) ?? overall);
  const forest = fitForest(xTrain, yTrain, { trees: 100, maxDepth: 6, minLeaf: 5, seed: 1 });
  const model = summariseEvaluation(probabilities, yTest);
  const forestSummary = summariseEvaluation(predictForest(forest, xTest), yTest);
  const forestRaw = summariseEvaluation(predictForestRaw(forest, xTest), yTest);

  const tiers = ([1, 2, 3] as const).map((tier) => {
    const idx = indicatorsOf.map((ind, i) => (supportTier(ind).tier === tier ? i : -1)).filter((i) => i >= 0);
    const hits = idx.filter((i) => yTest[i] === 1).length;
    return { tier, n: idx.length, precision: wilsonInterval(hits, idx.length) };
  });
  const { subgroups, gaps } = subgroupMetrics(test, probabilities);
  return {
    parameters: { encoder, logistic },
    report: {
      stage,
      split: {
        trainCohorts: cohorts.slice(0, -1),
        testCohort,
        nTrain: train.length,
        nTest: test.length,
        positivesTrain,
        positivesTest: yTest.filter((y) => y === 1).length,
        excludedInsufficient: examples.length - usable.length,
      },
      model,
      baselines: { rules: summariseEvaluation(normalise(rules), yTest), schools: summariseEvaluation(schools, yTest) },
      forest: {
        rocAuc: forestSummary.rocAuc,
        averagePrecision: forestSummary.averagePrecision,
        calibrated: forestSummary,
        uncalibrated: forestRaw,
      },
      calibration: {
        logisticEce: model.ece,
        forestEce: forestSummary.ece,
        forestEceUncalibrated: forestRaw.ece,
        forestActivatable: forest.calibration !== undefined && forestSummary.ece <= model.ece,
      },
      settings: { minLevelCount, lambda, iterations: logistic.iterations, converged: logistic.converged },
      tiers,
      subgroups,
      gaps,
      coefficients: originalScaleCoefficients(logistic, encoder),
      trainingMs: Math.round(performance.now() - started),
    },
  };
}

/** Rule scores mapped into [0, 1] so that the Brier score and calibration of the baseline can be read (ranks unchanged). */
function normalise(scores: readonly number[]): number[] {
  const max = Math.max(...scores, 1);
  return scores.map((s) => s / max);
}

function shareByUnit(train: readonly TrainingExample[]): Map<string, number> {
  const counts = new Map<string, { n: number; positives: number }>();
  for (const e of train) {
    const c = counts.get(e.measures.schoolUnitId) ?? { n: 0, positives: 0 };
    c.n += 1;
    c.positives += e.label;
    counts.set(e.measures.schoolUnitId, c);
  }
  return new Map([...counts].map(([unit, c]) => [unit, c.positives / c.n]));
}

const dimensions: { name: string; of: (e: TrainingExample) => string }[] = [
  { name: 'kön', of: (e) => e.measures.sex ?? 'okänt' },
  { name: 'skolform', of: (e) => e.measures.schoolType },
  { name: 'programgrupp', of: (e) => (e.measures.schoolType === 'GY' ? programmeGroup(e.measures.programmeCode) : 'grundskola') },
  { name: 'nyanländ', of: (e) => (e.measures.newlyArrived ? 'ja' : 'nej') },
];

function subgroupMetrics(test: readonly TrainingExample[], probabilities: readonly number[]) {
  const top = precisionRecallAtTop(
    probabilities,
    test.map((e) => e.label),
    0.1,
  );
  const cut = [...probabilities].sort((a, b) => b - a)[Math.max(top.k - 1, 0)] ?? 1;
  const selected = probabilities.map((p) => p >= cut);
  const subgroups: SubgroupRow[] = [];
  const gaps: EvaluationReport['gaps'] = [];
  for (const dim of dimensions) {
    const levels = [...new Set(test.map(dim.of))].sort();
    const rows = levels.map((level) => {
      const idx = test.map((e, i) => (dim.of(e) === level ? i : -1)).filter((i) => i >= 0);
      const labels = idx.map((i) => test[i]?.label ?? 0);
      const positives = labels.filter((y) => y === 1).length;
      const chosen = idx.filter((i) => selected[i]);
      const hits = chosen.filter((i) => test[i]?.label === 1).length;
      const both = positives > 0 && positives < idx.length;
      return {
        dimension: dim.name,
        level,
        n: idx.length,
        positives,
        rocAuc: both
          ? rocAuc(
              idx.map((i) => probabilities[i] as number),
              labels,
            )
          : null,
        selected: chosen.length / idx.length,
        precision: wilsonInterval(hits, chosen.length),
        recall: wilsonInterval(hits, positives),
      };
    });
    subgroups.push(...rows);
    const spread = (values: number[]) => (values.length > 1 ? Math.max(...values) - Math.min(...values) : 0);
    gaps.push({
      dimension: dim.name,
      recallGap: spread(rows.filter((r) => r.positives > 0).map((r) => r.recall.estimate)),
      precisionGap: spread(rows.filter((r) => r.precision.estimate === r.precision.estimate).map((r) => r.precision.estimate)),
    });
  }
  return { subgroups, gaps };
}

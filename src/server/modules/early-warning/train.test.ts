import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './model/random.ts';
import { measuresOf } from './test-measures.ts';
import { defaultThresholds } from './thresholds.ts';
import { trainAndEvaluate, TrainingRefused } from './train.ts';
import type { TrainingExample } from './training-set.ts';

/** Four cohorts where non-completion follows unexcused absence and failed grades (with noise), and one school is worse. */
function examples(cohorts = [2019, 2020, 2021, 2022], perCohort = 150): TrainingExample[] {
  const random = seededRandom(7);
  const out: TrainingExample[] = [];
  for (const cohort of cohorts) {
    for (let i = 0; i < perCohort; i++) {
      const invalid = random() ** 2 * 0.3;
      const failed = random() < invalid * 2 ? 2 : 0;
      const risk = -2.2 + 10 * invalid + 0.8 * failed + (random() - 0.5) * 1.5;
      const label = random() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
      out.push({
        cohort,
        snapshot: `${cohort + 1}-11-22`,
        label,
        measures: measuresOf({
          studentId: `${cohort}-${i}`,
          schoolUnitId: i % 3 === 0 ? 'u1' : 'u2',
          sex: i % 2 ? 'Man' : 'Kvinna',
          newlyArrived: i % 10 === 0,
          programmeCode: i % 4 === 0 ? 'EE' : 'NA',
          absentTerm: 4000 * invalid,
          invalidTerm: 4000 * invalid,
          absent4w: 1600 * invalid,
          invalid4w: 1600 * invalid,
          invalidMonthMax: 1800 * invalid,
          failedGrades365: failed,
        }),
      });
    }
  }
  return out;
}

test('time-aware split: older cohorts train, the newest tests; the report carries both baselines, tiers and subgroups', () => {
  const { report, parameters } = trainAndEvaluate(examples(), defaultThresholds);
  assert.deepEqual(report.split.trainCohorts, [2019, 2020, 2021]);
  assert.equal(report.split.testCohort, 2022);
  assert.equal(report.split.nTest, 150);
  assert.equal(report.split.nTrain, 450);
  assert.ok(report.model.rocAuc > 0.7, `AUC ${report.model.rocAuc}`);
  assert.ok(report.model.rocAuc > report.baselines.schools.rocAuc, 'beats whole-school targeting');
  assert.ok(Number.isFinite(report.baselines.rules.rocAuc));
  assert.deepEqual(
    report.model.top.map((t) => t.fraction),
    [0.05, 0.1, 0.2],
  );
  assert.deepEqual(
    report.tiers.map((t) => t.tier),
    [1, 2, 3],
  );
  assert.equal(
    report.tiers.reduce((s, t) => s + t.n, 0),
    150,
  );
  assert.deepEqual([...new Set(report.subgroups.map((g) => g.dimension))], ['kön', 'skolform', 'programgrupp', 'nyanländ']);
  assert.deepEqual(
    report.gaps.map((g) => g.dimension),
    ['kön', 'skolform', 'programgrupp', 'nyanländ'],
  );
  assert.ok(report.coefficients.coefficients.invalidTerm !== undefined);
  assert.ok(!parameters.encoder.columns.some((c) => /sex|newly|kön/i.test(c)), 'no background traits as inputs');
});

test('refuses, in Swedish, with fewer than two finished cohorts', () => {
  assert.throws(
    () => trainAndEvaluate(examples([2021]), defaultThresholds),
    (e: unknown) => e instanceof TrainingRefused && /Minst två avslutade årskullar/.test(e.message),
  );
});

test('students with too little reported attendance are left out, not scored low', () => {
  const all = examples();
  const thin = all.map((e, i) => (i % 5 === 0 ? { ...e, measures: { ...e.measures, reportedDays45: 2 } } : e));
  const { report } = trainAndEvaluate(thin, defaultThresholds);
  assert.equal(report.split.excludedInsufficient, 120);
});

test('the years 7–9 model uses its own inputs (subjects not passed, core subjects), not upper-secondary points', () => {
  const gr = examples().map((e) => ({
    ...e,
    measures: { ...e.measures, schoolType: 'GR', schoolYear: 8, gradedSubjects: 16, passedSubjects: 16 - e.measures.failedGrades365 },
  }));
  const { parameters, report } = trainAndEvaluate(gr, defaultThresholds, 'GR');
  assert.equal(report.stage, 'GR');
  assert.ok(parameters.encoder.columns.includes('subjectsNotPassed'));
  assert.ok(!parameters.encoder.columns.includes('failedPoints'));
  assert.ok(report.model.rocAuc > 0.7, `AUC ${report.model.rocAuc}`);
});

test('refuses a test cohort with only one outcome (no AUC can be measured on it)', () => {
  const all = examples().map((e) => (e.cohort === 2022 ? { ...e, label: 0 as const } : e));
  assert.throws(
    () => trainAndEvaluate(all, defaultThresholds),
    (e: unknown) => e instanceof TrainingRefused && /bara ett utfall \(0 av 150\)/.test(e.message),
  );
});

test('a fit that does not converge is refused, in Swedish and English, and so never stored', () => {
  assert.throws(
    () => trainAndEvaluate(examples(), defaultThresholds, 'GY', { logistic: { maxIterations: 1 } }),
    (e: unknown) =>
      e instanceof TrainingRefused &&
      /konvergerade inte på 1 iterationer och sparas inte/.test(e.text('sv')) &&
      /did not converge in 1 iterations and is not stored/.test(e.text('en')),
  );
});

test('the report carries calibration for every model: ECE of the logistic model, the forest before and after its calibration', () => {
  const { report } = trainAndEvaluate(examples(), defaultThresholds);
  assert.ok(report.settings?.converged && report.settings.minLevelCount === 30);
  const c = report.calibration;
  assert.ok(c && Number.isFinite(c.logisticEce) && Number.isFinite(c.forestEce) && Number.isFinite(c.forestEceUncalibrated));
  assert.equal(c.logisticEce, report.model.ece);
  assert.equal(c.forestActivatable, c.forestEce <= c.logisticEce);
  assert.ok(report.forest.calibrated && report.forest.uncalibrated);
  assert.equal(report.forest.calibrated.rocAuc, report.forest.rocAuc);
  for (const s of [report.model, report.forest.calibrated, report.forest.uncalibrated])
    assert.ok(s.f1 >= 0 && s.f1 <= 1 && s.logLoss > 0 && s.ece >= 0 && s.threshold === 0.5);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateIndicators, ruleScore, supportTier } from './indicators.ts';
import { measuresOf } from './test-measures.ts';
import { defaultThresholds, mergeThresholds, thresholdsPatch } from './thresholds.ts';

const codes = (m = measuresOf()) => evaluateIndicators(m, defaultThresholds).map((i) => `${i.code}:${i.severity}:${i.counts}`);

test('full attendance and no other signal: no indicator, tier 1', () => {
  assert.deepEqual(codes(), []);
  assert.deepEqual(supportTier([]), { tier: 1, flags: [] });
});

test('attendance: the worst window decides the level (95 / 90 / 80 %); unexcused absence makes it count', () => {
  // 12 % absence in the last 4 weeks, all unexcused, after full attendance before: chronic absence and a falling trend.
  assert.deepEqual(codes(measuresOf({ absent4w: 192, invalid4w: 192 })), ['attendance:flag:true', 'falling-attendance:caution:true']);
  assert.deepEqual(codes(measuresOf({ absentTerm: 1000, invalidTerm: 1000 })), ['attendance:severe:true']);
  assert.deepEqual(codes(measuresOf({ absent45: 252, invalid45: 252 })), ['attendance:caution:true']);
});

test('excused absence alone is shown as valid absence and never counts towards the tier', () => {
  const indicators = evaluateIndicators(measuresOf({ absentTerm: 1000, validTerm: 1000 }), defaultThresholds);
  assert.deepEqual(
    indicators.map((i) => [i.code, i.counts]),
    [['valid-absence', false]],
  );
  assert.equal(supportTier(indicators).tier, 1);
});

test('nothing reported is "not reported": no attendance indicator at all', () => {
  assert.deepEqual(codes(measuresOf({ offered4w: 0, offered45: 0, offeredTerm: 0, offeredPrior: 0, reportedDays45: 0 })), []);
});

test('CSN: unexcused absence of 4 hours or more in a calendar month', () => {
  assert.deepEqual(codes(measuresOf({ invalidMonthMax: 239 })), []);
  assert.deepEqual(codes(measuresOf({ invalidMonthMax: 240 })), ['csn-invalid-absence:flag:true']);
  assert.deepEqual(
    codes(measuresOf({ schoolType: 'GYS', invalidMonthMax: 240 })),
    ['csn-invalid-absence:flag:true'],
    'anpassad gymnasieskola too',
  );
});

test('CSN: the study-allowance limit is an upper-secondary rule, never flagged for pupils in years 7–9', () => {
  for (const schoolType of ['GR', 'GRS']) {
    assert.deepEqual(codes(measuresOf({ schoolType, schoolYear: 7, invalidMonthMax: 600 })), [], schoolType);
  }
});

test('long absence counts only when the run had unexcused time; twice the limit is severe', () => {
  assert.deepEqual(codes(measuresOf({ longestAbsenceDays: 10, longestAbsenceInvalid: false })), ['long-absence:flag:false']);
  assert.deepEqual(codes(measuresOf({ longestAbsenceDays: 20, longestAbsenceInvalid: true })), ['long-absence:severe:true']);
});

test('falling trend: attendance down 5 points or more with some unexcused absence', () => {
  const m = measuresOf({ absent4w: 160, invalid4w: 80, absentPrior: 0 });
  assert.ok(codes(m).includes('falling-attendance:caution:true'));
});

test('course performance: F and dash grades, warnings, points at risk (GY) and eligibility (GR)', () => {
  assert.deepEqual(codes(measuresOf({ failedGrades365: 1 })), ['failed-grades:flag:true']);
  assert.deepEqual(codes(measuresOf({ failedGrades365: 3 })), ['failed-grades:severe:true']);
  assert.deepEqual(codes(measuresOf({ failedPoints: 150 })), ['points-at-risk:flag:true']);
  assert.deepEqual(codes(measuresOf({ failedPoints: 300 })), ['points-at-risk:severe:true']);
  assert.deepEqual(codes(measuresOf({ failedRequiredCourses: 1, failedPoints: 100 })), ['points-at-risk:flag:true']);
  assert.deepEqual(codes(measuresOf({ schoolType: 'GR', schoolYear: 8, gradedSubjects: 16, passedSubjects: 15, failedCoreSubjects: 1 })), [
    'eligibility:flag:true',
  ]);
  assert.deepEqual(codes(measuresOf({ schoolType: 'GR', schoolYear: 8, gradedSubjects: 16, passedSubjects: 16 })), []);
  assert.deepEqual(codes(measuresOf({ schoolType: 'GR', failedPoints: 300 })), [], 'points are an upper-secondary rule');
});

test('transitions and connectedness; newly arrived is shown but never counts', () => {
  assert.deepEqual(codes(measuresOf({ newlyArrived: true, introduction: true, programmeCode: 'IMSPR' })), [
    'introduction:caution:true',
    'newly-arrived:caution:false',
  ]);
  assert.deepEqual(codes(measuresOf({ connectednessMarks: 1, connectednessRed: 0 })), []);
  assert.deepEqual(codes(measuresOf({ connectednessMarks: 3, connectednessRed: 2 })), ['connectedness:severe:true']);
});

test('tiers: severe or three flags → 3; a flag or two cautions → 2; the rule score orders by tier then count', () => {
  const severe = evaluateIndicators(measuresOf({ failedGrades365: 5 }), defaultThresholds);
  assert.equal(supportTier(severe).tier, 3);
  const twoCautions = evaluateIndicators(measuresOf({ programmeChange: true, schoolChange: true }), defaultThresholds);
  assert.deepEqual(supportTier(twoCautions), { tier: 2, flags: ['programme-change', 'school-change'] });
  assert.equal(supportTier(evaluateIndicators(measuresOf({ schoolChange: true }), defaultThresholds)).tier, 1);
  assert.ok(ruleScore(severe) > ruleScore(twoCautions));
});

test('thresholds: out-of-range values are refused naming the field; levels must be in order', () => {
  const bad = thresholdsPatch.safeParse({ attendanceFlag: 0.3, csnMonthlyInvalidMinutes: 240.5, unknown: 1 });
  assert.equal(bad.success, false);
  const issues = (bad.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.code}`).sort();
  assert.deepEqual(issues, [': unrecognized_keys', 'attendanceFlag: too_small', 'csnMonthlyInvalidMinutes: custom']);
  const { problems } = mergeThresholds(defaultThresholds, { attendanceFlag: 0.97, attendanceCaution: 0.96 });
  assert.match(problems.map((p) => p.sv).join(' '), /Närvarogränserna ska vara i ordningen/);
  assert.match(problems.map((p) => p.en).join(' '), /The attendance levels must be in the order/);
  assert.deepEqual(mergeThresholds(defaultThresholds, { attendanceFlag: 0.92 }).problems, []);
});

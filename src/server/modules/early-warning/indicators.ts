/**
 * Indicators: transparent rules over a student's measures, each with a severity and whether it counts towards the
 * support tier. Valid (excused) absence is shown but never counts on its own; a window with nothing reported yields
 * no attendance indicator at all ("not reported" is not absence).
 */
import type { StudentMeasures } from './measures.ts';
import type { Thresholds } from './thresholds.ts';
import type { IndicatorCode } from '../../../shared/early-warning/labels.ts';

export { indicatorCodes, type IndicatorCode } from '../../../shared/early-warning/labels.ts';
export type Severity = 'caution' | 'flag' | 'severe';

export interface Indicator {
  code: IndicatorCode;
  severity: Severity;
  counts: boolean;
  value: number | null;
  details: Record<string, number | boolean | string | null>;
}

/** Share of scheduled time attended, or null when nothing was reported in the window. */
export const attendanceRate = (offered: number, absent: number): number | null => (offered > 0 ? 1 - absent / offered : null);

/** Upper secondary: gymnasieskola (GY) and anpassad gymnasieskola (GYS). */
export const isUpperSecondary = (schoolType: string): boolean => schoolType === 'GY' || schoolType === 'GYS';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function attendanceIndicators(m: StudentMeasures, t: Thresholds): Indicator[] {
  const out: Indicator[] = [];
  // The lowest of the 4-week, 45-day and term rates decides; the invalid share of the same windows decides whether it counts.
  const windows = [
    { window: '4w', rate: attendanceRate(m.offered4w, m.absent4w), invalid: m.offered4w > 0 ? m.invalid4w / m.offered4w : 0 },
    { window: '45d', rate: attendanceRate(m.offered45, m.absent45), invalid: m.offered45 > 0 ? m.invalid45 / m.offered45 : 0 },
    { window: 'term', rate: attendanceRate(m.offeredTerm, m.absentTerm), invalid: m.offeredTerm > 0 ? m.invalidTerm / m.offeredTerm : 0 },
  ].filter((w): w is { window: string; rate: number; invalid: number } => w.rate !== null);
  if (windows.length === 0) return out;
  const worst = windows.reduce((a, b) => (b.rate < a.rate ? b : a));
  const severity: Severity | null =
    worst.rate < t.attendanceSevere
      ? 'severe'
      : worst.rate < t.attendanceFlag
        ? 'flag'
        : worst.rate < t.attendanceCaution
          ? 'caution'
          : null;
  if (severity) {
    const unexcused = worst.invalid >= t.invalidShareForRisk;
    const details = { window: worst.window, invalidShare: round3(worst.invalid), validShare: round3(1 - worst.rate - worst.invalid) };
    // Mostly excused absence: shown to the team as valid absence, never as a risk on its own.
    out.push(
      unexcused
        ? { code: 'attendance', severity, counts: true, value: round3(worst.rate), details }
        : { code: 'valid-absence', severity: 'caution', counts: false, value: round3(worst.rate), details },
    );
  }
  // CSN's study allowance (studiehjälp) is paid in upper secondary only: the limit says nothing about a pupil in years 7–9.
  if (isUpperSecondary(m.schoolType) && m.invalidMonthMax >= t.csnMonthlyInvalidMinutes) {
    out.push({
      code: 'csn-invalid-absence',
      severity: 'flag',
      counts: true,
      value: Math.round(m.invalidMonthMax),
      details: { limitMinutes: t.csnMonthlyInvalidMinutes },
    });
  }
  if (m.longestAbsenceDays !== null && m.longestAbsenceDays >= t.consecutiveAbsenceDays) {
    out.push({
      code: 'long-absence',
      severity: m.longestAbsenceDays >= 2 * t.consecutiveAbsenceDays ? 'severe' : 'flag',
      counts: m.longestAbsenceInvalid,
      value: m.longestAbsenceDays,
      details: { unexcused: m.longestAbsenceInvalid },
    });
  }
  const recent = attendanceRate(m.offered4w, m.absent4w);
  const before = attendanceRate(m.offeredPrior, m.absentPrior);
  if (recent !== null && before !== null && before - recent >= t.fallingTrendPoints && m.invalid4w > 0) {
    out.push({
      code: 'falling-attendance',
      severity: 'caution',
      counts: true,
      value: round3(before - recent),
      details: { recent: round3(recent), before: round3(before) },
    });
  }
  return out;
}

function courseIndicators(m: StudentMeasures, t: Thresholds): Indicator[] {
  const out: Indicator[] = [];
  if (m.failedGrades365 >= t.failedGradesFlag) {
    out.push({
      code: 'failed-grades',
      severity: m.failedGrades365 >= t.failedGradesSevere ? 'severe' : 'flag',
      counts: true,
      value: m.failedGrades365,
      details: {},
    });
  }
  if (m.failWarnings > 0) out.push({ code: 'fail-warnings', severity: 'caution', counts: true, value: m.failWarnings, details: {} });
  if (m.schoolType === 'GY') {
    const severity: Severity | null =
      m.failedPoints > t.pointsAtRiskSevere
        ? 'severe'
        : m.failedRequiredCourses > 0
          ? 'flag'
          : m.failedPoints >= t.pointsAtRiskFlag
            ? 'flag'
            : m.failedPoints >= t.pointsAtRiskCaution && m.failedPoints > 0
              ? 'caution'
              : null;
    if (severity)
      out.push({
        code: 'points-at-risk',
        severity,
        counts: true,
        value: m.failedPoints,
        details: { requiredCoursesFailed: m.failedRequiredCourses },
      });
  }
  if (m.schoolType === 'GR' && m.gradedSubjects > 0 && (m.failedCoreSubjects > 0 || m.passedSubjects < t.eligibilityPassedSubjects)) {
    out.push({
      code: 'eligibility',
      severity: m.failedCoreSubjects >= 2 ? 'severe' : 'flag',
      counts: true,
      value: m.passedSubjects,
      details: { coreSubjectsFailed: m.failedCoreSubjects, gradedSubjects: m.gradedSubjects },
    });
  }
  return out;
}

function transitionIndicators(m: StudentMeasures, t: Thresholds): Indicator[] {
  const out: Indicator[] = [];
  if (m.programmeChange) out.push({ code: 'programme-change', severity: 'caution', counts: true, value: null, details: {} });
  if (m.schoolChange) out.push({ code: 'school-change', severity: 'caution', counts: true, value: null, details: {} });
  if (m.introduction)
    out.push({ code: 'introduction', severity: 'caution', counts: true, value: null, details: { programme: m.programmeCode } });
  // Newly arrived: a need for language support, shown to the team; never a risk on its own.
  if (m.newlyArrived) out.push({ code: 'newly-arrived', severity: 'caution', counts: false, value: null, details: {} });
  if (m.connectednessMarks !== null && m.connectednessMarks >= t.connectednessMarks) {
    out.push({
      code: 'connectedness',
      severity: (m.connectednessRed ?? 0) >= 2 ? 'severe' : 'flag',
      counts: true,
      value: m.connectednessMarks,
      details: { red: m.connectednessRed },
    });
  }
  return out;
}

/** Every indicator that holds for the student. */
export function evaluateIndicators(m: StudentMeasures, t: Thresholds): Indicator[] {
  return [...attendanceIndicators(m, t), ...courseIndicators(m, t), ...transitionIndicators(m, t)];
}

/**
 * The support tier (1 = the support every student gets, 2 = extra attention, 3 = coordinated support) and the
 * indicators that placed the student there. Only counting indicators place anyone.
 */
export function supportTier(indicators: readonly Indicator[]): { tier: 1 | 2 | 3; flags: IndicatorCode[] } {
  const counting = indicators.filter((i) => i.counts);
  const severe = counting.filter((i) => i.severity === 'severe');
  const flagged = counting.filter((i) => i.severity !== 'caution');
  const cautions = counting.filter((i) => i.severity === 'caution');
  if (severe.length > 0 || flagged.length >= 3) return { tier: 3, flags: counting.map((i) => i.code) };
  if (flagged.length > 0 || cautions.length >= 2) return { tier: 2, flags: counting.map((i) => i.code) };
  return { tier: 1, flags: counting.map((i) => i.code) };
}

/** The rule-based score the indicator baseline ranks by: the tier, then the number of counting indicators. */
export function ruleScore(indicators: readonly Indicator[]): number {
  const { tier } = supportTier(indicators);
  const counting = indicators.filter((i) => i.counts).length;
  return tier + Math.min(counting, 9) / 10;
}

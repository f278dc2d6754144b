/**
 * An indicator's value as a person reads it, in the page's language: attendance as a percentage (0.769 → "76,9 %"),
 * a fall in attendance in percentage points, absence in minutes or days, grades, credits, subjects and marks counted.
 */
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, formatPercentagePoints } from '../../shared/format.ts';

/** The value of an indicator episode, or "–" when it has none. */
export function indicatorValue(indicator: string, value: number | null, t: TFunction): string {
  if (value === null) return '–';
  switch (indicator) {
    case 'attendance':
    case 'valid-absence':
      return formatPercent(value, 1);
    case 'falling-attendance':
      return formatPercentagePoints(value, 1);
    case 'csn-invalid-absence':
      return t('earlyWarning.valueMinutes', { value: formatNumber(value, 0) });
    case 'long-absence':
      return t('earlyWarning.valueDays', { count: value });
    case 'failed-grades':
    case 'fail-warnings':
      return t('earlyWarning.valueGrades', { count: value });
    case 'points-at-risk':
      return t('earlyWarning.valueCredits', { value: formatNumber(value, 0) });
    case 'eligibility':
      return t('earlyWarning.valueSubjects', { count: value });
    case 'connectedness':
      return t('earlyWarning.valueMarks', { count: value });
    default:
      return formatNumber(value);
  }
}

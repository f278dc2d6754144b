/**
 * A threshold as the settings form shows and reads it: shares as percentages and differences as percentage points
 * (0.95 ↔ "95", 0.05 ↔ "5"), the rest as whole numbers; the page's decimal comma or point both accepted. The range
 * is checked here in the same units, so a person is never told "at least 0.7" about a field that reads 70.
 */
import type { TFunction } from 'i18next';
import type { ThresholdSpec } from '../../../shared/early-warning/thresholds.ts';
import { formatNumber, formatPercent, formatPercentagePoints } from '../../shared/format.ts';

const scaled = (spec: Pick<ThresholdSpec, 'unit'>) => spec.unit === 'share' || spec.unit === 'points';

/** The stored value as the input shows it (no thousands separators, the language's decimal sign). */
export function toInput(spec: Pick<ThresholdSpec, 'unit'>, value: number, language: 'sv' | 'en'): string {
  const shown = scaled(spec) ? Math.round(value * 100 * 1000) / 1000 : value;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 3, useGrouping: false }).format(shown);
}

export type InputProblem = 'number' | 'whole' | 'low' | 'high';

/** The stored value of what was typed, or why it cannot be one. */
export function fromInput(spec: ThresholdSpec, text: string): { value: number } | { problem: InputProblem } {
  const cleaned = text
    .replace(/[\s\u00a0%]/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { problem: 'number' };
  const typed = Number(cleaned);
  const value = scaled(spec) ? Number((typed / 100).toFixed(6)) : typed;
  if (spec.integer && !Number.isInteger(value)) return { problem: 'whole' };
  if (value < spec.min) return { problem: 'low' };
  if (value > spec.max) return { problem: 'high' };
  return { value };
}

/** A value with its unit: "95 %", "5 procentenheter", "240 minuter", "3" (a count needs none). */
export function withUnit(spec: Pick<ThresholdSpec, 'unit'>, value: number, t: TFunction): string {
  if (spec.unit === 'share') return formatPercent(value, 1);
  if (spec.unit === 'points') return formatPercentagePoints(value, 1);
  if (spec.unit === 'count') return formatNumber(value, 0);
  return `${formatNumber(value, 0)} ${t(`earlyWarning.units.${spec.unit}`)}`;
}

/** The allowed range with the unit once: "70–98 %", "1–30 procentenheter", "60–1 200 minuter". */
export function rangeText(spec: Pick<ThresholdSpec, 'unit' | 'min' | 'max'>, t: TFunction): string {
  const low = formatNumber(scaled(spec) ? spec.min * 100 : spec.min, 1);
  return `${low}–${withUnit(spec, spec.max, t)}`;
}

/**
 * From a measured figure to the level it suggests (docs/region-network.md gives the thresholds and why): the
 * organiser still answers; the suggestion is shown beside its figure.
 */
import type { MeasureKey } from './framework.ts';

/** The level 0–3 a figure suggests for its measure. */
export function suggestedLevel(measure: MeasureKey, value: number): number {
  switch (measure) {
    case 'tier3-with-case':
      return value >= 0.9 ? 3 : value >= 0.6 ? 2 : value > 0 ? 1 : 0;
    case 'follow-ups-overdue':
      return value <= 0.05 ? 3 : value <= 0.15 ? 2 : value <= 0.3 ? 1 : 0;
    case 'model-active':
      return value >= 1 ? 3 : 0;
    case 'meetings-per-month':
      return value >= 2 ? 3 : value >= 1 ? 2 : value > 0 ? 1 : 0;
  }
}

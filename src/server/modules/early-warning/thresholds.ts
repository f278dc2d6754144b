/**
 * The indicator thresholds per organiser: the specs (defaults with their sources, ranges, units and labels) are shared
 * with the settings page (src/shared/early-warning/thresholds.ts); here the levels' order is checked and stored values read.
 */
import type { Label } from '../../../shared/contract/endpoint.ts';
import { defaultThresholds, thresholdSpecs, type ThresholdName, type Thresholds } from '../../../shared/early-warning/thresholds.ts';

export {
  defaultThresholds,
  thresholdSpecs,
  thresholdsPatch,
  type ThresholdName,
  type Thresholds,
} from '../../../shared/early-warning/thresholds.ts';

/** Merges a patch onto the current thresholds and checks that the levels are in order; the problems in both languages. */
export function mergeThresholds(current: Thresholds, patch: Partial<Thresholds>): { thresholds: Thresholds; problems: Label[] } {
  const t = { ...current, ...patch };
  const problems: Label[] = [];
  if (!(t.attendanceSevere < t.attendanceFlag && t.attendanceFlag < t.attendanceCaution)) {
    problems.push({
      sv: 'Närvarogränserna ska vara i ordningen allvarlig frånvaro < kronisk frånvaro < uppmärksamma.',
      en: 'The attendance levels must be in the order severe absence < chronic absence < caution.',
    });
  }
  if (!(t.failedGradesFlag < t.failedGradesSevere)) {
    problems.push({
      sv: 'Gränsen för allvarlig nivå ska vara fler F än gränsen för flagga.',
      en: 'The severe level must need more F grades than the flag.',
    });
  }
  if (!(t.pointsAtRiskCaution <= t.pointsAtRiskFlag && t.pointsAtRiskFlag <= t.pointsAtRiskSevere)) {
    problems.push({
      sv: 'Poänggränserna ska vara i ordningen uppmärksamma ≤ flagga ≤ allvarlig nivå.',
      en: 'The credit levels must be in the order caution ≤ flag ≤ severe level.',
    });
  }
  return { thresholds: t, problems };
}

/** Reads stored thresholds: unknown keys are dropped and missing ones take their default. */
export function storedThresholds(stored: Record<string, number> | undefined): Thresholds {
  const t = { ...defaultThresholds };
  for (const name of Object.keys(thresholdSpecs) as ThresholdName[]) {
    const v = stored?.[name];
    if (typeof v === 'number' && Number.isFinite(v)) t[name] = v;
  }
  return t;
}

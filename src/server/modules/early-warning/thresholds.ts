/**
 * The indicator thresholds: configuration per organiser, with defaults that cite their source and ranges outside which
 * a value is refused (a threshold of 40 % attendance or a 2-minute CSN limit is a typo, not a policy).
 */
import { z } from 'zod';

interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  sv: string;
  source: string;
}

/** Every threshold, its default, its sensible range and where the default comes from. */
export const thresholdSpecs = {
  attendanceCaution: {
    default: 0.95, min: 0.8, max: 0.99, sv: 'Närvaro under denna andel: uppmärksamma',
    source: 'Attendance Works: "at risk" at 5–9 % absence (https://www.attendanceworks.org)',
  },
  attendanceFlag: {
    default: 0.9, min: 0.7, max: 0.98, sv: 'Närvaro under denna andel: kronisk frånvaro',
    source: 'US Department of Education: chronic absence is missing 10 % or more of school days',
  },
  attendanceSevere: {
    default: 0.8, min: 0.5, max: 0.95, sv: 'Närvaro under denna andel: allvarlig frånvaro',
    source: 'Attendance Works: "severe chronic absence" at 20 % or more',
  },
  invalidShareForRisk: {
    default: 0.02, min: 0, max: 0.2, sv: 'Ogiltig frånvaro (andel av schemalagd tid) som krävs för att låg närvaro ska räknas',
    source: 'Fullfölj: giltig frånvaro räknas aldrig ensam som risk (issue #4); 2 % ≈ en lektion i veckan',
  },
  csnMonthlyInvalidMinutes: {
    default: 240, min: 60, max: 1200, integer: true, sv: 'Ogiltig frånvaro per kalendermånad (minuter) då skolan rapporterar till CSN',
    source: 'CSN: skolan rapporterar ogiltig frånvaro om mer än 4 timmar under en kalendermånad (studiehjälp)',
  },
  consecutiveAbsenceDays: {
    default: 10, min: 3, max: 40, integer: true, sv: 'Sammanhängande frånvarodagar som räknas som långvarig frånvaro',
    source: 'Skollagen 7 kap. 19 a §: upprepad eller längre frånvaro ska utredas skyndsamt; två skolveckor',
  },
  fallingTrendPoints: {
    default: 0.05, min: 0.01, max: 0.3, sv: 'Fall i närvaro (procentenheter) senaste 4 veckorna mot de 8 veckorna före',
    source: 'Fullfölj: en tydlig nedgång, större än vanlig vecka-till-vecka-variation',
  },
  failedGradesFlag: {
    default: 1, min: 1, max: 10, integer: true, sv: 'Antal F eller streck senaste året för flagga',
    source: 'Chicago on-track indicator: failing a core course in year 1 predicts non-graduation',
  },
  failedGradesSevere: {
    default: 3, min: 2, max: 20, integer: true, sv: 'Antal F eller streck senaste året för allvarlig nivå',
    source: 'Chicago on-track indicator: more than one semester F in a core course is off track',
  },
  pointsAtRiskCaution: {
    default: 100, min: 0, max: 500, integer: true, sv: 'Ej godkända gymnasiepoäng för uppmärksamhet',
    source: 'Gymnasieförordningen 8 kap. 7 §: examen kräver 2 250 godkända av 2 500 poäng (högst 250 ej godkända)',
  },
  pointsAtRiskFlag: {
    default: 150, min: 0, max: 500, integer: true, sv: 'Ej godkända gymnasiepoäng för flagga',
    source: 'Gymnasieförordningen 8 kap. 7 §: 60 % av de 250 poäng som får vara ej godkända',
  },
  pointsAtRiskSevere: {
    default: 250, min: 0, max: 750, integer: true, sv: 'Ej godkända gymnasiepoäng för allvarlig nivå',
    source: 'Gymnasieförordningen 8 kap. 7 §: mer än 250 ej godkända poäng ger ingen examen utan nya betyg',
  },
  eligibilityPassedSubjects: {
    default: 8, min: 8, max: 12, integer: true, sv: 'Godkända ämnen i åk 7–9 för att vara på väg mot behörighet',
    source: 'Skollagen 16 kap. 30 §: yrkesprogram kräver godkänt i svenska, engelska, matematik och fem andra ämnen',
  },
  connectednessMarks: {
    default: 2, min: 1, max: 4, integer: true, sv: 'Gula eller röda markeringar (av fyra dimensioner) för flagga',
    source: 'Skolanknytning: individuell uppföljning vid flera gula eller röda markeringar (issue #4)',
  },
  insufficientDays: {
    default: 10, min: 1, max: 45, integer: true, sv: 'Minsta antal skoldagar med rapporterad närvaro (senaste 45) för en sannolikhet',
    source: 'Fullfölj: färre dagar ger "otillräckligt underlag", inte en låg sannolikhet',
  },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdName = keyof typeof thresholdSpecs;
export type Thresholds = Record<ThresholdName, number>;

export const defaultThresholds: Thresholds = Object.fromEntries(
  Object.entries(thresholdSpecs).map(([name, spec]) => [name, spec.default]),
) as Thresholds;

const fieldSchema = (spec: ThresholdSpec) => {
  const base = z.number({ error: 'ska vara ett tal' });
  const ranged = base
    .min(spec.min, { error: `ska vara minst ${spec.min}` })
    .max(spec.max, { error: `får vara högst ${spec.max}` });
  return spec.integer ? ranged.int({ error: 'ska vara ett heltal' }) : ranged;
};

/** A partial update: every field optional, each within its range; the order of the levels is checked after merging. */
export const thresholdsPatch = z
  .object(Object.fromEntries(Object.entries(thresholdSpecs).map(([name, spec]) => [name, fieldSchema(spec).optional()])))
  .strict() as z.ZodType<Partial<Thresholds>>;

/** Merges a patch onto the current thresholds and checks that the levels are in order; returns Swedish messages. */
export function mergeThresholds(current: Thresholds, patch: Partial<Thresholds>): { thresholds: Thresholds; problems: string[] } {
  const t = { ...current, ...patch };
  const problems: string[] = [];
  if (!(t.attendanceSevere < t.attendanceFlag && t.attendanceFlag < t.attendanceCaution)) {
    problems.push('Närvarogränserna ska vara i ordningen allvarlig < flagga < uppmärksamma.');
  }
  if (!(t.failedGradesFlag < t.failedGradesSevere)) problems.push('Gränsen för allvarlig nivå ska vara fler F än gränsen för flagga.');
  if (!(t.pointsAtRiskCaution <= t.pointsAtRiskFlag && t.pointsAtRiskFlag <= t.pointsAtRiskSevere)) {
    problems.push('Poänggränserna ska vara i ordningen uppmärksamma ≤ flagga ≤ allvarlig.');
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

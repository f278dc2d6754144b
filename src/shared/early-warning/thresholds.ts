/**
 * The indicator thresholds, shared by the server (which applies them) and the settings page (which shows them): each
 * with its default, the range outside which a value is refused (a threshold of 40 % attendance or a 2-minute CSN limit
 * is a typo, not a policy), the unit it is shown in, its label and the source of its default, in Swedish and English.
 */
import { z } from 'zod';
import type { Label } from '../contract/endpoint.ts';

/**
 * How a value is shown: `share` a fraction as a percentage (0.95 → 95 %), `points` a difference of fractions in
 * percentage points (0.05 → 5 procentenheter), the others as whole numbers of minutes, days, credits or a count.
 */
export type ThresholdUnit = 'share' | 'points' | 'minutes' | 'days' | 'credits' | 'count';

export interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  unit: ThresholdUnit;
  label: Label;
  /** Where the default comes from, readable by a person. */
  source: Label;
  url?: string;
}

const gf = { sv: 'Gymnasieförordningen 8 kap. 7 §', en: 'Upper Secondary School Ordinance (gymnasieförordningen) ch. 8 § 7' };
const chicago = { sv: 'Chicagos ”on-track”-indikator', en: 'The Chicago on-track indicator' };

/** Every threshold, its default, its sensible range, its unit and where the default comes from. */
export const thresholdSpecs = {
  attendanceCaution: {
    default: 0.95,
    min: 0.8,
    max: 0.99,
    unit: 'share',
    label: { sv: 'Närvaro under denna nivå: uppmärksamma', en: 'Attendance below this level: caution' },
    source: {
      sv: 'Attendance Works: 5–9 % frånvaro räknas som ”i riskzonen”.',
      en: 'Attendance Works: 5–9 % absence counts as "at risk".',
    },
    url: 'https://www.attendanceworks.org',
  },
  attendanceFlag: {
    default: 0.9,
    min: 0.7,
    max: 0.98,
    unit: 'share',
    label: { sv: 'Närvaro under denna nivå: kronisk frånvaro', en: 'Attendance below this level: chronic absence' },
    source: {
      sv: 'USA:s utbildningsdepartement: kronisk frånvaro är att missa 10 % av skoldagarna eller mer.',
      en: 'US Department of Education: chronic absence is missing 10 % or more of school days.',
    },
  },
  attendanceSevere: {
    default: 0.8,
    min: 0.5,
    max: 0.95,
    unit: 'share',
    label: { sv: 'Närvaro under denna nivå: allvarlig frånvaro', en: 'Attendance below this level: severe absence' },
    source: {
      sv: 'Attendance Works: ”allvarlig kronisk frånvaro” vid 20 % frånvaro eller mer.',
      en: 'Attendance Works: "severe chronic absence" at 20 % absence or more.',
    },
    url: 'https://www.attendanceworks.org',
  },
  invalidShareForRisk: {
    default: 0.02,
    min: 0,
    max: 0.2,
    unit: 'share',
    label: {
      sv: 'Ogiltig frånvaro (andel av schemalagd tid) som krävs för att låg närvaro ska räknas',
      en: 'Unexcused absence (share of scheduled time) needed for low attendance to count',
    },
    source: {
      sv: 'Fullfölj: giltig frånvaro räknas aldrig ensam som risk; 2 % är ungefär en lektion i veckan.',
      en: 'Fullfölj: excused absence never counts as a risk on its own; 2 % is about one lesson a week.',
    },
  },
  csnMonthlyInvalidMinutes: {
    default: 240,
    min: 60,
    max: 1200,
    integer: true,
    unit: 'minutes',
    label: {
      sv: 'Ogiltig frånvaro per kalendermånad då skolan rapporterar till CSN (gymnasiet)',
      en: 'Unexcused absence per calendar month at which the school reports to CSN (upper secondary)',
    },
    source: {
      sv: 'CSN: skolan rapporterar ogiltig frånvaro på mer än 4 timmar under en kalendermånad (studiehjälp, bara gymnasiet).',
      en: 'CSN, the Swedish Board of Student Finance: the school reports unexcused absence of more than 4 hours in a calendar month (study allowance, upper secondary only).',
    },
    url: 'https://www.csn.se',
  },
  consecutiveAbsenceDays: {
    default: 10,
    min: 3,
    max: 40,
    integer: true,
    unit: 'days',
    label: {
      sv: 'Sammanhängande frånvarodagar som räknas som långvarig frånvaro',
      en: 'Consecutive days of absence that count as long absence',
    },
    source: {
      sv: 'Skollagen 7 kap. 19 a §: upprepad eller längre frånvaro ska utredas skyndsamt; två skolveckor.',
      en: 'Education Act (skollagen) ch. 7 § 19 a: repeated or long absence is investigated promptly; two school weeks.',
    },
  },
  fallingTrendPoints: {
    default: 0.05,
    min: 0.01,
    max: 0.3,
    unit: 'points',
    label: {
      sv: 'Fall i närvaro de senaste 4 veckorna jämfört med de 8 veckorna före',
      en: 'Fall in attendance in the last 4 weeks compared with the 8 weeks before',
    },
    source: {
      sv: 'Fullfölj: en tydlig nedgång, större än den vanliga variationen från vecka till vecka.',
      en: 'Fullfölj: a clear fall, larger than the usual variation from week to week.',
    },
  },
  failedGradesFlag: {
    default: 1,
    min: 1,
    max: 10,
    integer: true,
    unit: 'count',
    label: { sv: 'Antal F eller streck det senaste året för flagga', en: 'F or dash grades in the last year for a flag' },
    source: {
      sv: `${chicago.sv}: ett underkänt kärnämne första året förutsäger att eleven inte tar examen.`,
      en: `${chicago.en}: failing a core course in the first year predicts not graduating.`,
    },
  },
  failedGradesSevere: {
    default: 3,
    min: 2,
    max: 20,
    integer: true,
    unit: 'count',
    label: { sv: 'Antal F eller streck det senaste året för allvarlig nivå', en: 'F or dash grades in the last year for the severe level' },
    source: {
      sv: `${chicago.sv}: mer än en termins F i ett kärnämne betyder att eleven inte är på väg mot examen.`,
      en: `${chicago.en}: more than one semester F in a core course is off track.`,
    },
  },
  pointsAtRiskCaution: {
    default: 100,
    min: 0,
    max: 500,
    integer: true,
    unit: 'credits',
    label: { sv: 'Ej godkända gymnasiepoäng för uppmärksamma', en: 'Upper-secondary credits not passed for caution' },
    source: {
      sv: `${gf.sv}: examen kräver 2 250 godkända av 2 500 poäng (högst 250 ej godkända).`,
      en: `${gf.en}: a diploma needs 2,250 of 2,500 credits passed (at most 250 not passed).`,
    },
  },
  pointsAtRiskFlag: {
    default: 150,
    min: 0,
    max: 500,
    integer: true,
    unit: 'credits',
    label: { sv: 'Ej godkända gymnasiepoäng för flagga', en: 'Upper-secondary credits not passed for a flag' },
    source: {
      sv: `${gf.sv}: 60 % av de 250 poäng som får vara ej godkända.`,
      en: `${gf.en}: 60 % of the 250 credits that may be not passed.`,
    },
  },
  pointsAtRiskSevere: {
    default: 250,
    min: 0,
    max: 750,
    integer: true,
    unit: 'credits',
    label: { sv: 'Ej godkända gymnasiepoäng för allvarlig nivå', en: 'Upper-secondary credits not passed for the severe level' },
    source: {
      sv: `${gf.sv}: mer än 250 ej godkända poäng ger ingen examen utan nya betyg.`,
      en: `${gf.en}: more than 250 credits not passed give no diploma without new grades.`,
    },
  },
  eligibilityPassedSubjects: {
    default: 8,
    min: 8,
    max: 12,
    integer: true,
    unit: 'count',
    label: {
      sv: 'Godkända ämnen i årskurs 7–9 för att vara på väg mot behörighet',
      en: 'Subjects passed in years 7–9 to be on track for eligibility',
    },
    source: {
      sv: 'Skollagen 16 kap. 30 §: yrkesprogram kräver godkänt i svenska, engelska, matematik och fem andra ämnen.',
      en: 'Education Act ch. 16 § 30: a vocational programme needs passes in Swedish, English, mathematics and five other subjects.',
    },
  },
  connectednessMarks: {
    default: 2,
    min: 1,
    max: 4,
    integer: true,
    unit: 'count',
    label: {
      sv: 'Gula eller röda markeringar (av fyra dimensioner) för flagga',
      en: 'Yellow or red marks (of four dimensions) for a flag',
    },
    source: {
      sv: 'Skolanknytning (studier, beteende, relationer, känsla för skolan): individuell uppföljning vid flera gula eller röda markeringar.',
      en: 'School connectedness (studies, behaviour, relationships, feeling for school): individual follow-up at several yellow or red marks.',
    },
  },
  insufficientDays: {
    default: 10,
    min: 1,
    max: 45,
    integer: true,
    unit: 'days',
    label: {
      sv: 'Minsta antal skoldagar med rapporterad närvaro (av de senaste 45) för en sannolikhet',
      en: 'Fewest school days with reported attendance (of the last 45) for a probability',
    },
    source: {
      sv: 'Fullfölj: färre dagar ger ”otillräckligt underlag”, inte en låg sannolikhet.',
      en: 'Fullfölj: fewer days give "insufficient data", not a low probability.',
    },
  },
} as const satisfies Record<string, ThresholdSpec>;

export type ThresholdName = keyof typeof thresholdSpecs;
export type Thresholds = Record<ThresholdName, number>;
export const thresholdNames = Object.keys(thresholdSpecs) as ThresholdName[];

export const defaultThresholds: Thresholds = Object.fromEntries(
  thresholdNames.map((name) => [name, thresholdSpecs[name].default]),
) as Thresholds;

const fieldSchema = (spec: ThresholdSpec) => {
  const ranged = z.number({ error: 'ska vara ett tal' }).min(spec.min).max(spec.max);
  return spec.integer ? ranged.refine(Number.isInteger, { error: 'ska vara ett heltal', params: { reason: 'integer' } }) : ranged;
};

/** A partial update: every field optional, each within its range; the order of the levels is checked after merging. */
export const thresholdsPatch = z.strictObject(
  Object.fromEntries(thresholdNames.map((name) => [name, fieldSchema(thresholdSpecs[name]).optional()])) as Record<
    ThresholdName,
    z.ZodOptional<z.ZodNumber>
  >,
);

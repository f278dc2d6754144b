/**
 * The risk model's inputs: things a school can change or act on, taken from the same measures as the indicators.
 * No unchangeable background traits (sex, origin, newly arrived, the home municipality) are inputs; they are used only
 * to check the model's fairness per subgroup in the evaluation report.
 */
import type { FeatureRow, FeatureSpec } from './model/encoding.ts';
import type { StudentMeasures } from './measures.ts';

export type ModelStage = 'GY' | 'GR';

const attendanceSpecs: FeatureSpec[] = [
  { name: 'absenceTerm', kind: 'numeric' },
  { name: 'invalidTerm', kind: 'numeric' },
  { name: 'absence4w', kind: 'numeric' },
  { name: 'fallingTrend', kind: 'numeric' },
];

/** The inputs per stage: upper secondary (diploma within three years) and years 7–9 (eligibility after year 9). */
export const featureSpecs: Record<ModelStage, readonly FeatureSpec[]> = {
  GY: [
    ...attendanceSpecs,
    { name: 'failedGrades', kind: 'numeric' },
    { name: 'failWarnings', kind: 'numeric' },
    { name: 'failedPoints', kind: 'numeric' },
    { name: 'notEligibleAfterYear9', kind: 'binary', positive: 'yes' },
    { name: 'introduction', kind: 'binary', positive: 'yes' },
    { name: 'programmeChange', kind: 'binary', positive: 'yes' },
    { name: 'schoolChange', kind: 'binary', positive: 'yes' },
    { name: 'connectednessMarks', kind: 'numeric' },
    { name: 'schoolYear', kind: 'nominal' },
  ],
  GR: [
    ...attendanceSpecs,
    { name: 'failedGrades', kind: 'numeric' },
    { name: 'failWarnings', kind: 'numeric' },
    { name: 'subjectsNotPassed', kind: 'numeric' },
    { name: 'coreSubjectsNotPassed', kind: 'numeric' },
    { name: 'schoolChange', kind: 'binary', positive: 'yes' },
    { name: 'connectednessMarks', kind: 'numeric' },
    { name: 'schoolYear', kind: 'nominal' },
  ],
};

/** The stage a student's model is, by school type: GR years 7–9 and upper secondary; none for the adapted forms. */
export const stageOf = (schoolType: string): ModelStage | null => (schoolType === 'GY' ? 'GY' : schoolType === 'GR' ? 'GR' : null);

/** How each model column reads in Swedish, for the reasons shown beside a probability. */
export const featureLabels: Record<string, { sv: string; en: string }> = {
  absenceTerm: { sv: 'Frånvaro denna termin', en: 'Absence this term' },
  invalidTerm: { sv: 'Ogiltig frånvaro denna termin', en: 'Unexcused absence this term' },
  absence4w: { sv: 'Frånvaro senaste 4 veckorna', en: 'Absence in the last 4 weeks' },
  fallingTrend: { sv: 'Närvaron har sjunkit', en: 'Attendance has fallen' },
  failedGrades: { sv: 'F eller streck senaste året', en: "F or '-' grades in the last year" },
  failWarnings: { sv: 'Varningar för F denna termin', en: 'Warnings of F this term' },
  failedPoints: { sv: 'Ej godkända gymnasiepoäng', en: 'Upper-secondary points not passed' },
  notEligibleAfterYear9: {
    sv: 'Var inte behörig till nationellt program efter årskurs 9',
    en: 'Not eligible for a national programme after year 9',
  },
  introduction: { sv: 'Går på introduktionsprogram', en: 'On an introductory programme' },
  programmeChange: { sv: 'Har bytt program senaste året', en: 'Changed programme in the last year' },
  schoolChange: { sv: 'Har bytt skola senaste året', en: 'Changed school in the last year' },
  connectednessMarks: { sv: 'Mentorns skattning av skolanknytning', en: "Mentor's rating of school connectedness" },
  subjectsNotPassed: { sv: 'Ämnen utan godkänt betyg', en: 'Subjects without a pass' },
  coreSubjectsNotPassed: { sv: 'Svenska, engelska eller matematik utan godkänt', en: 'Swedish, English or mathematics without a pass' },
};

/** Swedish text for a model column, e.g. `schoolYear=2` → "Årskurs 2". */
export function featureLabel(column: string, language: 'sv' | 'en' = 'sv'): string {
  const known = featureLabels[column];
  if (known) return known[language];
  const [name, level] = column.split('=');
  if (name === 'schoolYear') return language === 'sv' ? `Årskurs ${level}` : `Year ${level}`;
  return column;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The model's input row for one student's measures. */
export function featureRow(m: StudentMeasures): FeatureRow {
  const recent = share(m.absent4w, m.offered4w);
  const before = share(m.absentPrior, m.offeredPrior);
  return {
    absenceTerm: share(m.absentTerm, m.offeredTerm),
    invalidTerm: share(m.invalidTerm, m.offeredTerm),
    absence4w: recent,
    fallingTrend: m.offered4w > 0 && m.offeredPrior > 0 ? Math.max(0, recent - before) : 0,
    failedGrades: m.failedGrades365,
    failWarnings: m.failWarnings,
    failedPoints: m.failedPoints / 100,
    notEligibleAfterYear9: m.eligibleAfterYear9 === false ? 'yes' : 'no',
    introduction: m.introduction ? 'yes' : 'no',
    programmeChange: m.programmeChange ? 'yes' : 'no',
    schoolChange: m.schoolChange ? 'yes' : 'no',
    connectednessMarks: m.connectednessMarks ?? 0,
    subjectsNotPassed: m.gradedSubjects - m.passedSubjects,
    coreSubjectsNotPassed: m.failedCoreSubjects,
    schoolYear: String(m.schoolType === 'GY' ? Math.min(m.schoolYear ?? 1, 4) : (m.schoolYear ?? 9)),
  };
}

/** Whether the student has enough reported attendance for a probability (else "insufficient data"). */
export const hasSufficientData = (m: StudentMeasures, minimumDays: number) => m.reportedDays45 >= minimumDays;

/** Programme group for subgroup reporting. */
export function programmeGroup(code: string | null): 'högskoleförberedande' | 'yrkesprogram' | 'introduktionsprogram' | 'okänt' {
  if (!code) return 'okänt';
  if (code.startsWith('IM')) return 'introduktionsprogram';
  return ['NA', 'SA', 'EK', 'TE', 'ES', 'HU'].includes(code) ? 'högskoleförberedande' : 'yrkesprogram';
}

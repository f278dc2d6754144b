/**
 * The organiser's own finished cohorts as training examples. For each of the last `years` years, the measures are taken
 * on the same calendar day as `asOf` (so at the same point of the school year as the students scored today).
 * - GY: every upper-secondary student enrolled then whose cohort's three years are over; the label is 1 when no
 *   gymnasieexamen (at this organiser) was issued within three years of the first upper-secondary enrolment.
 * - GR: every student in years 7–9 then whose year 9 has ended; the label is 1 when the year-9 leaving certificate says
 *   not eligible for a national programme (students without a certificate here, e.g. who moved away, are left out).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { ModelStage } from './features.ts';
import { studentMeasures, type StudentMeasures } from './measures.ts';

export interface TrainingExample {
  measures: StudentMeasures;
  snapshot: string;
  /** GY: the school year the student started upper secondary (autumn year), e.g. 2022 for 2022/23; GR: the school year of year 9. */
  cohort: number;
  label: 0 | 1;
}

/** The autumn year of the school year a date falls in (1 July starts a school year). */
export function schoolYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 7 ? y : y - 1;
}

/** The last day by which a cohort's diploma counts as "within three years": 30 June three years after the start. */
export const deadlineOf = (cohort: number) => `${cohort + 3}-06-30`;

const minusYears = (date: string, years: number) => {
  const [y, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${y - years}${rest === '-02-29' ? '-02-28' : rest}`;
};

/** Examples from up to `years` yearly snapshots before `asOf`. */
export async function trainingExamples(
  db: DbOrTx,
  tenantId: string,
  asOf: string,
  stage: ModelStage = 'GY',
  years = 5,
): Promise<TrainingExample[]> {
  const outcomes = stage === 'GY' ? await diplomas(db, tenantId, asOf) : await eligibility(db, tenantId, asOf);
  const examples: TrainingExample[] = [];
  for (let k = 1; k <= years; k++) {
    const snapshot = minusYears(asOf, k);
    for (const m of await studentMeasures(db, tenantId, snapshot)) {
      const example = stage === 'GY' ? upperSecondaryExample(m, snapshot, asOf, outcomes) : compulsoryExample(m, snapshot, asOf, outcomes);
      if (example) examples.push(example);
    }
  }
  return examples;
}

type Outcomes = Map<string, { date: string; eligible?: boolean }>;

async function diplomas(db: DbOrTx, tenantId: string, asOf: string): Promise<Outcomes> {
  const rows = await queryRows<{ student_id: string; issued: string }>(
    db,
    sql`
    select student_id, min(issued_date)::text as issued from certificates
    where tenant_id = ${tenantId}::uuid and kind = 'gymnasieexamen' and issued_date <= ${asOf}::date group by student_id`,
  );
  return new Map(rows.map((d) => [d.student_id, { date: d.issued }]));
}

async function eligibility(db: DbOrTx, tenantId: string, asOf: string): Promise<Outcomes> {
  const rows = await queryRows<{ student_id: string; issued: string; eligible: boolean | null }>(
    db,
    sql`
    select distinct on (student_id) student_id, issued_date::text as issued, eligible_national_programme as eligible from certificates
    where tenant_id = ${tenantId}::uuid and kind = 'slutbetyg-grundskola' and issued_date <= ${asOf}::date
    order by student_id, issued_date desc`,
  );
  return new Map(rows.filter((r) => r.eligible !== null).map((r) => [r.student_id, { date: r.issued, eligible: Boolean(r.eligible) }]));
}

function upperSecondaryExample(m: StudentMeasures, snapshot: string, asOf: string, outcomes: Outcomes): TrainingExample | undefined {
  if (m.schoolType !== 'GY' || !m.upperSecondaryStart) return undefined;
  const cohort = schoolYearOf(m.upperSecondaryStart);
  const deadline = deadlineOf(cohort);
  if (deadline > asOf) return undefined; // outcome not known yet
  const issued = outcomes.get(m.studentId)?.date;
  return { measures: m, snapshot, cohort, label: issued && issued <= deadline ? 0 : 1 };
}

function compulsoryExample(m: StudentMeasures, snapshot: string, asOf: string, outcomes: Outcomes): TrainingExample | undefined {
  if (m.schoolType !== 'GR' || m.schoolYear === null || m.schoolYear < 7) return undefined;
  const cohort = schoolYearOf(snapshot) + (9 - m.schoolYear);
  if (`${cohort + 1}-06-30` > asOf) return undefined; // year 9 not over yet
  const outcome = outcomes.get(m.studentId);
  if (!outcome || outcome.date <= snapshot) return undefined;
  return { measures: m, snapshot, cohort, label: outcome.eligible ? 0 : 1 };
}

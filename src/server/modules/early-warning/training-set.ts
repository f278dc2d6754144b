/**
 * The organiser's own finished cohorts as training examples. For each of the last `years` years, the measures are taken
 * on the same calendar day as `asOf` (so at the same point of the school year as the students scored today), for every
 * upper-secondary student enrolled then whose cohort's three years are over. The label is 1 when no gymnasieexamen
 * (at this organiser) was issued within three years of the student's first upper-secondary enrolment.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { studentMeasures, type StudentMeasures } from './measures.ts';

export interface TrainingExample {
  measures: StudentMeasures;
  snapshot: string;
  /** The school year the student started upper secondary (autumn year), e.g. 2022 for 2022/23. */
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
export async function trainingExamples(db: DbOrTx, tenantId: string, asOf: string, years = 5): Promise<TrainingExample[]> {
  const diplomas = await queryRows<{ student_id: string; issued: string }>(db, sql`
    select student_id, min(issued_date)::text as issued from certificates
    where tenant_id = ${tenantId}::uuid and kind = 'gymnasieexamen' and issued_date <= ${asOf}::date group by student_id`);
  const diplomaOn = new Map(diplomas.map((d) => [d.student_id, d.issued]));
  const examples: TrainingExample[] = [];
  for (let k = 1; k <= years; k++) {
    const snapshot = minusYears(asOf, k);
    for (const m of await studentMeasures(db, tenantId, snapshot)) {
      if (m.schoolType !== 'GY' || !m.upperSecondaryStart) continue;
      const cohort = schoolYearOf(m.upperSecondaryStart);
      const deadline = deadlineOf(cohort);
      if (deadline > asOf) continue; // outcome not known yet
      const issued = diplomaOn.get(m.studentId);
      examples.push({ measures: m, snapshot, cohort, label: issued && issued <= deadline ? 0 : 1 });
    }
  }
  return examples;
}

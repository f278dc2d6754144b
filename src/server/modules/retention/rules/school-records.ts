/**
 * Attendance and grades of students who have left: every enrolment ended, the last before the cutoff. The diploma
 * (`certificates`) stays: the KAA register and the completion figures need it. The person row stays with the source
 * system's delivery (the importer removes what the source removed).
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const schoolRecordsRule: RuleSql = {
  targets(tenantId, cutoff) {
    const left = sql`SELECT person_id FROM enrolments WHERE ${ofTenant(tenantId)} GROUP BY person_id
      HAVING bool_and(end_date IS NOT NULL) AND max(end_date) < ${cutoff}::date`;
    const ofLeaver = (table: string) => ({ table, where: sql`${ofTenant(tenantId)} AND student_id IN (${left})` });
    return [ofLeaver('attendances'), ofLeaver('aggregated_attendances'), ofLeaver('grades')];
  },
};

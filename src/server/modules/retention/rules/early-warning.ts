/** Early detection: weekly history, mentors' connectedness ratings and indicator episodes that ended before the cutoff. */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const earlyWarningHistoryRule: RuleSql = {
  targets(tenantId, cutoff) {
    return [
      { table: 'student_risk_history', where: sql`${ofTenant(tenantId)} AND as_of < ${cutoff}::date` },
      { table: 'connectedness_ratings', where: sql`${ofTenant(tenantId)} AND rated_on < ${cutoff}::date` },
      { table: 'indicator_episodes', where: sql`${ofTenant(tenantId)} AND resolved_on < ${cutoff}::date` },
    ];
  },
};

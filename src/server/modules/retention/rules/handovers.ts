/** Handovers (docs/handovers.md): sent and received, kept a set number of years after the student's start at the receiving unit. */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const handoversRule: RuleSql = {
  targets(tenantId, cutoff) {
    return [{ table: 'handovers', where: sql`${ofTenant(tenantId)} AND coalesce(starts_on, created_at::date) < ${cutoff}::date` }];
  },
};

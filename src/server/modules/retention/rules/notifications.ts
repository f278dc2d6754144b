/** In-app reminders (the follow-up digest): ids and counts only, kept a set number of days after their day. */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const notificationsRule: RuleSql = {
  targets(tenantId, cutoff) {
    return [{ table: 'notifications', where: sql`${ofTenant(tenantId)} AND for_date < ${cutoff}::date` }];
  },
};

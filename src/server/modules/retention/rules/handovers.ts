/**
 * Handovers (docs/handovers.md): sent and received, kept a set number of years after the student's start at the
 * receiving unit. The transition meeting and the follow-up are columns of the handover and go with it; its attachments
 * are deleted first.
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const handoversRule: RuleSql = {
  targets(tenantId, cutoff) {
    const expired = sql`${ofTenant(tenantId)} AND coalesce(starts_on, created_at::date) < ${cutoff}::date`;
    return [
      {
        table: 'handover_attachments',
        where: sql`${ofTenant(tenantId)} AND handover_id IN (SELECT id FROM handovers WHERE ${expired})`,
      },
      { table: 'handovers', where: expired },
    ];
  },
};

/**
 * Handovers (docs/handovers.md): sent and received, kept a set number of years after the student's start at the
 * receiving unit. The transition meeting and the follow-up are columns of the handover and go with it; its attachments
 * are deleted first.
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const handoversRule: RuleSql = {
  targets(tenantId, cutoff) {
    // The start at the receiving unit, or (none named) the day the handover was made: `created_at < cutoff` at the
    // cut-off's midnight is `created_at::date < cutoff`, written without a cast of the column inside coalesce(), which
    // Citus refuses in a distributed DELETE (a non-immutable function; scripts/citus/README.md).
    const expired = sql`${ofTenant(tenantId)} AND (starts_on < ${cutoff}::date OR (starts_on IS NULL AND created_at < ${cutoff}::timestamptz))`;
    return [
      {
        table: 'handover_attachments',
        where: sql`${ofTenant(tenantId)} AND handover_id IN (SELECT id FROM handovers WHERE ${expired})`,
      },
      { table: 'handovers', where: expired },
    ];
  },
};

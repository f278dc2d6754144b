/**
 * Closed student-health cases with everything in them (interventions, follow-ups, notes, events, action programme),
 * as `fullfolj interventions retention` does (src/server/modules/interventions/retention.ts). Case events and notes
 * refuse DELETE unless the transaction set `fullfolj.retention` (migration 0006).
 */
import { sql } from 'drizzle-orm';
import { ofTenant, type RuleSql } from '../rule.ts';

export const casesRule: RuleSql = {
  targets(tenantId, cutoff) {
    const closed = sql`SELECT id FROM cases WHERE ${ofTenant(tenantId)} AND status = 'closed' AND closed_on < ${cutoff}::date`;
    const ofCase = (table: string) => ({ table, where: sql`${ofTenant(tenantId)} AND case_id IN (${closed})` });
    return [
      ofCase('intervention_follow_ups'),
      ofCase('case_interventions'),
      ofCase('case_notes'),
      ofCase('case_events'),
      ofCase('action_programmes'),
      { table: 'cases', where: sql`${ofTenant(tenantId)} AND status = 'closed' AND closed_on < ${cutoff}::date` },
    ];
  },
  async prepare(tx) {
    await tx.execute(sql`SET LOCAL fullfolj.retention = 'on'`);
  },
  async after(tx) {
    await tx.execute(sql`SET LOCAL fullfolj.retention = 'off'`);
  },
};

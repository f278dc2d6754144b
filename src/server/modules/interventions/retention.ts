/**
 * Retention (gallring) of closed cases: an organiser's rule (`intervention_settings.retention_years`) deletes every
 * case closed more than that many years ago, with its interventions, follow-ups, notes, events and action programme —
 * one transaction per organiser. Case events and notes refuse DELETE in the database (migration 0006) unless the
 * transaction has set `fullfolj.retention` to 'on' (`SET LOCAL`, so it ends with the transaction): only this job does.
 */
import { format, parseISO, subYears } from 'date-fns';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DbOrTx } from '../../db/client.ts';

export interface RetentionResult {
  tenantId: string;
  retentionYears: number;
  /** Cases closed before this day are deleted. */
  closedBefore: string;
  deleted: { cases: number; interventions: number; followUps: number; notes: number; events: number; actionProgrammes: number };
}

/** The day before which closed cases go under a rule of `years` on `today`. */
export function retentionCutoff(today: string, years: number): string {
  return format(subYears(parseISO(today), years), 'yyyy-MM-dd');
}

async function deleteCount(tx: DbOrTx, table: string, tenantId: string, caseColumn: string, ids: SqlList): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`
    WITH gone AS (DELETE FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}::uuid AND ${sql.identifier(caseColumn)} IN (${ids}) RETURNING 1)
    SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
type SqlList = ReturnType<typeof sql.join>;

/** Applies one organiser's rule in `tx` (which must be a transaction of its own: the setting is local to it). */
export async function applyRetention(tx: DbOrTx, tenantId: string, years: number, today: string): Promise<RetentionResult> {
  const closedBefore = retentionCutoff(today, years);
  const deleted = { cases: 0, interventions: 0, followUps: 0, notes: 0, events: 0, actionProgrammes: 0 };
  const doomed = await queryRows<{ id: string }>(
    tx,
    sql`
    SELECT id FROM cases WHERE tenant_id = ${tenantId}::uuid AND status = 'closed' AND closed_on < ${closedBefore}::date`,
  );
  if (doomed.length > 0) {
    await tx.execute(sql`SET LOCAL fullfolj.retention = 'on'`);
    const ids = sql.join(
      doomed.map((c) => sql`${c.id}::uuid`),
      sql`, `,
    );
    deleted.followUps = await deleteCount(tx, 'intervention_follow_ups', tenantId, 'case_id', ids);
    deleted.interventions = await deleteCount(tx, 'case_interventions', tenantId, 'case_id', ids);
    deleted.notes = await deleteCount(tx, 'case_notes', tenantId, 'case_id', ids);
    deleted.events = await deleteCount(tx, 'case_events', tenantId, 'case_id', ids);
    deleted.actionProgrammes = await deleteCount(tx, 'action_programmes', tenantId, 'case_id', ids);
    deleted.cases = await deleteCount(tx, 'cases', tenantId, 'id', ids);
    await tx.execute(sql`SET LOCAL fullfolj.retention = 'off'`);
  }
  return { tenantId, retentionYears: years, closedBefore, deleted };
}

/** Every organiser with a rule (or only `tenantId`), each in its own transaction. */
export async function runRetention(database: Database, today: string, options: { tenantId?: string } = {}): Promise<RetentionResult[]> {
  const rules = await queryRows<{ tenant_id: string; retention_years: number }>(
    database.db,
    sql`
    SELECT tenant_id, retention_years FROM intervention_settings
     WHERE retention_years IS NOT NULL ${options.tenantId ? sql`AND tenant_id = ${options.tenantId}::uuid` : sql``} ORDER BY tenant_id`,
  );
  const results: RetentionResult[] = [];
  for (const rule of rules) {
    results.push(await database.db.transaction((tx) => applyRetention(tx, rule.tenant_id, rule.retention_years, today)));
  }
  return results;
}

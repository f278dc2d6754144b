/** The case list: the cases of the students in the actor's scope, with counts of interventions and follow-ups. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { CaseListItem, ListCasesQuery } from '../../../shared/interventions/cases.ts';
import type { CaseStatus, WorkLevel } from '../../../shared/interventions/labels.ts';

export interface CaseListRow extends Record<string, unknown> {
  id: string;
  student_id: string;
  given_name: string;
  family_name: string;
  school_unit_id: string;
  school_unit_name: string | null;
  status: CaseStatus;
  level: WorkLevel;
  reason: string;
  responsible_id: string;
  responsible_name: string | null;
  opened_on: string;
  tier: number | null;
  interventions: number;
  next_follow_up: string | null;
  overdue: number;
  total: number;
}

const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of cases whose student is within `scope` (a condition on `persons p`): those with overdue follow-ups first,
 * then by the next follow-up, then by name. `today` decides what is overdue.
 */
export async function listCases(
  db: DbOrTx,
  tenantId: string,
  scope: SQL,
  accountId: string,
  filter: ListCasesQuery,
  today: string,
): Promise<CaseListRow[]> {
  const conditions: SQL[] = [sql`c.tenant_id = ${tenantId}::uuid`, scope];
  if (filter.status === 'open') conditions.push(sql`c.status <> 'closed'`);
  if (filter.status === 'closed') conditions.push(sql`c.status = 'closed'`);
  if (filter.schoolUnitId) conditions.push(sql`c.school_unit_id = ${filter.schoolUnitId}::uuid`);
  if (filter.mine) conditions.push(sql`(c.responsible_id = ${accountId}::uuid OR ${accountId}::uuid = ANY(c.team_ids))`);
  if (filter.q) conditions.push(sql`concat_ws(' ', p.given_name, p.middle_name, p.family_name) ILIKE ${containsPattern(filter.q)}`);
  const pending = sql`FROM intervention_follow_ups f WHERE f.tenant_id = c.tenant_id AND f.case_id = c.id AND f.done_on IS NULL`;
  return queryRows<CaseListRow>(
    db,
    sql`
    WITH page AS (
      SELECT c.id, c.tenant_id, c.student_id, p.given_name, p.family_name, c.school_unit_id, c.status, c.level, c.reason, c.responsible_id,
             c.opened_on::text AS opened_on, count(*) OVER ()::int AS total,
             (SELECT count(*) FROM case_interventions i WHERE i.tenant_id = c.tenant_id AND i.case_id = c.id)::int AS interventions,
             (SELECT min(f.due_on)::text ${pending} AND f.due_on >= ${today}::date) AS next_follow_up,
             (SELECT count(*) ${pending} AND f.due_on < ${today}::date)::int AS overdue
        FROM cases c JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.student_id
       WHERE ${sql.join(conditions, sql` AND `)}
       ORDER BY overdue DESC, next_follow_up NULLS LAST, family_name, given_name, id
       LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize})
    SELECT page.id, page.student_id, page.given_name, page.family_name, page.school_unit_id, o.display_name AS school_unit_name,
           page.status, page.level, page.reason, page.responsible_id, a.display_name AS responsible_name, page.opened_on, r.tier,
           page.interventions, page.next_follow_up, page.overdue, page.total
      FROM page
      LEFT JOIN organisations o ON o.tenant_id = page.tenant_id AND o.id = page.school_unit_id
      LEFT JOIN accounts a ON a.id = page.responsible_id
      LEFT JOIN student_risk r ON r.tenant_id = page.tenant_id AND r.student_id = page.student_id
     ORDER BY page.overdue DESC, page.next_follow_up NULLS LAST, page.family_name, page.given_name, page.id`,
  );
}

/** A row of the case list as the API shows it. */
export function presentCaseListItem(r: CaseListRow): CaseListItem {
  return {
    id: r.id,
    student: { id: r.student_id, name: `${r.given_name} ${r.family_name}`, schoolUnit: { id: r.school_unit_id, name: r.school_unit_name } },
    status: r.status,
    level: r.level,
    reason: r.reason,
    responsible: { id: r.responsible_id, name: r.responsible_name },
    openedOn: r.opened_on,
    tier: r.tier,
    interventions: r.interventions,
    nextFollowUp: r.next_follow_up,
    overdueFollowUps: r.overdue,
  };
}

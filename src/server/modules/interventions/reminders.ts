/**
 * Reminders: the follow-ups an account is responsible for that are not done, overdue or due within the next 14 days,
 * in cases still open, and only for students still in the account's scope (a student who left the unit drops out).
 * The start page and the daily digest use it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** How far ahead a follow-up counts as upcoming. */
export const REMINDER_DAYS = 14;

export interface Reminder {
  followUpId: string;
  dueOn: string;
  caseId: string;
  interventionId: string;
  title: string;
  student: { id: string; name: string };
}

/** `accountId`'s pending follow-ups for students within `scope` (a condition on `persons p`), split at `today`. */
export async function remindersFor(
  db: DbOrTx,
  tenantId: string,
  accountId: string,
  scope: SQL,
  today: string,
): Promise<{ overdue: Reminder[]; upcoming: Reminder[] }> {
  const rows = await queryRows<{
    id: string;
    due_on: string;
    case_id: string;
    intervention_id: string;
    title: string;
    student_id: string;
    name: string;
  }>(
    db,
    sql`
    SELECT f.id, f.due_on::text AS due_on, f.case_id, f.intervention_id, i.title, f.student_id, concat_ws(' ', p.given_name, p.family_name) AS name
      FROM intervention_follow_ups f
      JOIN case_interventions i ON i.tenant_id = f.tenant_id AND i.id = f.intervention_id AND i.status <> 'stopped'
      JOIN cases c ON c.tenant_id = f.tenant_id AND c.id = f.case_id AND c.status <> 'closed'
      JOIN persons p ON p.tenant_id = f.tenant_id AND p.id = f.student_id
     WHERE f.tenant_id = ${tenantId}::uuid AND f.responsible_id = ${accountId}::uuid AND f.done_on IS NULL
       AND f.due_on <= ${today}::date + ${REMINDER_DAYS}::int AND ${scope}
     ORDER BY f.due_on, p.family_name, p.given_name, f.id`,
  );
  const reminders = rows.map((r): Reminder => ({
    followUpId: r.id,
    dueOn: r.due_on,
    caseId: r.case_id,
    interventionId: r.intervention_id,
    title: r.title,
    student: { id: r.student_id, name: r.name },
  }));
  return { overdue: reminders.filter((r) => r.dueOn < today), upcoming: reminders.filter((r) => r.dueOn >= today) };
}

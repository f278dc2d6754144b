/**
 * A team meeting's agenda, generated from the worklist and the cases of the unit, stored as ids only
 * (`team_meetings.agenda`); names are resolved when the meeting is read, for the students the reader may see.
 *
 * - new flags: every student at the unit in support tier 2–3 without an open case, until the team records a decision
 *   about them — a case closed on or after the onset of their latest active indicator (a case opened is an open case);
 *   a new indicator after that decision brings them back. Their onset is the worklist's: the earliest active one;
 * - overdue follow-ups of the unit's open cases;
 * - cases to evaluate: interventions past their end date without an evaluation, and cases in status follow-up.
 * "Overdue" and "past" are counted on the meeting's day, or today when the meeting lies ahead.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export interface StoredAgenda {
  /** `onset`: the earliest onset of the student's active counting indicators, as the worklist shows it. */
  newFlags: { studentId: string; onset: string | null }[];
  overdueFollowUps: { followUpId: string; caseId: string; interventionId: string; studentId: string; dueOn: string }[];
  toEvaluate: { caseId: string; studentId: string; interventionId: string | null; endDate: string | null; reason: 'ended' | 'follow-up' }[];
}

/** The agenda of a meeting at `schoolUnitId` held on `heldOn`, generated on `today`. */
export async function generateAgenda(
  tx: DbOrTx,
  tenantId: string,
  schoolUnitId: string,
  heldOn: string,
  today: string,
): Promise<StoredAgenda> {
  const asOf = heldOn < today ? heldOn : today;
  const newFlags = await queryRows<{ studentId: string; onset: string | null }>(
    tx,
    sql`
    WITH flagged AS (
      SELECT r.student_id, r.tier, min(e.onset) AS first_onset, max(e.onset) AS last_onset
        FROM student_risk r
        LEFT JOIN indicator_episodes e ON e.tenant_id = r.tenant_id AND e.student_id = r.student_id AND e.status = 'active' AND e.counts
       WHERE r.tenant_id = ${tenantId}::uuid AND r.school_unit_id = ${schoolUnitId}::uuid AND r.tier >= 2
       GROUP BY r.student_id, r.tier)
    SELECT f.student_id AS "studentId", f.first_onset::text AS onset
      FROM flagged f
     WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = f.student_id AND c.status <> 'closed')
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = f.student_id AND c.status = 'closed'
                          AND c.closed_on >= coalesce(f.last_onset, '-infinity'::date))
     ORDER BY f.tier DESC, f.first_onset NULLS LAST, f.student_id`,
  );
  const overdueFollowUps = await queryRows<StoredAgenda['overdueFollowUps'][number]>(
    tx,
    sql`
    SELECT f.id AS "followUpId", f.case_id AS "caseId", f.intervention_id AS "interventionId", f.student_id AS "studentId", f.due_on::text AS "dueOn"
      FROM intervention_follow_ups f
      JOIN cases c ON c.tenant_id = f.tenant_id AND c.id = f.case_id AND c.status <> 'closed'
     WHERE f.tenant_id = ${tenantId}::uuid AND c.school_unit_id = ${schoolUnitId}::uuid AND f.done_on IS NULL AND f.due_on < ${asOf}::date
     ORDER BY f.due_on, f.id`,
  );
  const toEvaluate = await queryRows<StoredAgenda['toEvaluate'][number]>(
    tx,
    sql`
    SELECT * FROM (
      SELECT c.id AS "caseId", c.student_id AS "studentId", i.id AS "interventionId", i.end_date::text AS "endDate", 'ended' AS reason
        FROM case_interventions i JOIN cases c ON c.tenant_id = i.tenant_id AND c.id = i.case_id AND c.status <> 'closed'
       WHERE i.tenant_id = ${tenantId}::uuid AND c.school_unit_id = ${schoolUnitId}::uuid
         AND i.end_date < ${asOf}::date AND i.evaluation IS NULL
      UNION ALL
      SELECT c.id, c.student_id, NULL, NULL, 'follow-up'
        FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.school_unit_id = ${schoolUnitId}::uuid AND c.status = 'follow-up'
    ) t ORDER BY "endDate" NULLS LAST, "caseId", "interventionId"`,
  );
  return { newFlags, overdueFollowUps, toEvaluate };
}

/** Every student an agenda names. */
export function agendaStudentIds(agenda: StoredAgenda): string[] {
  return [
    ...new Set([
      ...agenda.newFlags.map((f) => f.studentId),
      ...agenda.overdueFollowUps.map((f) => f.studentId),
      ...agenda.toEvaluate.map((e) => e.studentId),
    ]),
  ];
}

/** A stored agenda read back (older or partial rows give empty lists). */
export function readAgenda(stored: Record<string, unknown>): StoredAgenda {
  const list = <T>(key: keyof StoredAgenda) => (Array.isArray(stored[key]) ? (stored[key] as T[]) : []);
  return { newFlags: list('newFlags'), overdueFollowUps: list('overdueFollowUps'), toEvaluate: list('toEvaluate') };
}

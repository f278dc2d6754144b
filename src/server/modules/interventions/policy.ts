/**
 * Who reaches which case: a case is reachable exactly when its student is in the actor's scope for the permission
 * (`interventions.read` to look, `interventions.write` to change), through the students policy — so a mentor reads
 * the cases of their mentees, the student-health team works the cases of their units, and nobody reaches another
 * organiser's. Sensitive notes are readable only by the student-health roles (roles.ts `studentHealthRoles`).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access/permissions.ts';
import { roles, studentHealthRoles, type Role } from '../../../shared/access/roles.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { cases } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedStudentIds } from '../students/policy.ts';

export type CaseRow = typeof cases.$inferSelect;

/** The case if the actor may reach its student with `permission` on `asOf`; null otherwise (the caller answers 404). */
export async function loadCaseForActor(
  tx: DbOrTx,
  actor: Actor,
  caseId: string,
  options: { asOf: string; permission: Permission },
): Promise<CaseRow | null> {
  if (!actor.tenantId) return null;
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, actor.tenantId), eq(cases.id, caseId)));
  if (!row) return null;
  const allowed = await allowedStudentIds(tx, actor, [row.studentId], options);
  return allowed.has(row.studentId) ? row : null;
}

/** True when the actor holds a student-health role (kurator, skolsköterska, specialpedagog, psykolog, SYV). */
export function canReadSensitive(actor: Actor): boolean {
  return actor.assignments.some((a) => studentHealthRoles.includes(a.role));
}

/**
 * True when a student-health role of the actor itself reaches the student: a kurator at one unit who is also principal
 * at another reads the sensitive notes of the first unit's students only.
 */
export async function canReadSensitiveFor(tx: DbOrTx, actor: Actor, studentId: string, asOf: string): Promise<boolean> {
  if (!canReadSensitive(actor)) return false;
  const health: Actor = { ...actor, assignments: actor.assignments.filter((a) => studentHealthRoles.includes(a.role)) };
  return (await allowedStudentIds(tx, health, [studentId], { asOf, permission: 'interventions.read' })).has(studentId);
}

/**
 * Who may be responsible (docs/interventions.md, "Who may be responsible"):
 * - for a case, and in its team: an enabled account holding a role that may change cases (`interventions.write`: the
 *   student-health roles and the principal) at the case's unit;
 * - for an intervention (and so be reminded of its follow-ups): the same, and the student's current mentors — an
 *   account with the mentor role whose person is Mentor of a group the student belongs to now. A mentor carries the
 *   intervention out and reads the case, but the team records its changes (a mentor has no `interventions.write`).
 */
const caseRoles = (Object.keys(roles) as Role[]).filter((r) =>
  (roles[r].permissions as readonly Permission[]).includes('interventions.write'),
);

export interface Responsible {
  accountId: string;
  displayName: string;
  roles: Role[];
  /** May be responsible for the case itself (not only for an intervention). */
  forCase: boolean;
}

/** Whose responsibility is asked about: the case (`studentId` absent) or an intervention for the student. */
export interface ResponsibleFor {
  studentId?: string | undefined;
  asOf: string;
}

/** Enabled accounts who may be made responsible at `schoolUnitId`; with `studentId`, also the student's mentors. */
export async function eligibleResponsibles(
  tx: DbOrTx,
  tenantId: string,
  schoolUnitId: string,
  forWhom?: ResponsibleFor,
): Promise<Responsible[]> {
  const mentors = forWhom?.studentId
    ? sql`
    UNION ALL
    SELECT ra.account_id, ra.role FROM role_assignments ra
      JOIN duties d ON d.tenant_id = ra.tenant_id AND d.person_id = ra.person_id
       AND d.start_date <= ${forWhom.asOf}::date AND (d.end_date IS NULL OR d.end_date >= ${forWhom.asOf}::date)
      JOIN duty_assignments da ON da.tenant_id = d.tenant_id AND da.duty_id = d.id AND da.assignment_role_type = 'Mentor'
       AND da.start_date <= ${forWhom.asOf}::date AND (da.end_date IS NULL OR da.end_date >= ${forWhom.asOf}::date)
      JOIN group_memberships gm ON gm.tenant_id = da.tenant_id AND gm.group_id = da.group_id AND gm.person_id = ${forWhom.studentId}::uuid
       AND gm.start_date <= ${forWhom.asOf}::date AND (gm.end_date IS NULL OR gm.end_date >= ${forWhom.asOf}::date)
     WHERE ra.tenant_id = ${tenantId}::uuid AND ra.role = 'mentor'`
    : sql``;
  const rows = await queryRows<{ account_id: string; display_name: string; roles: Role[] }>(
    tx,
    sql`
    WITH eligible AS (
      SELECT ra.account_id, ra.role FROM role_assignments ra
       WHERE ra.tenant_id = ${tenantId}::uuid AND ${schoolUnitId}::uuid = ANY(ra.unit_ids)
         AND ra.role IN (${sql.join(
           caseRoles.map((r) => sql`${r}`),
           sql`, `,
         )})
      ${mentors})
    SELECT a.id AS account_id, a.display_name, array_agg(DISTINCT e.role ORDER BY e.role) AS roles
      FROM eligible e JOIN accounts a ON a.id = e.account_id AND NOT a.disabled
     GROUP BY a.id, a.display_name ORDER BY a.display_name, a.id`,
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    displayName: r.display_name,
    roles: r.roles,
    forCase: r.roles.some((role) => caseRoles.includes(role)),
  }));
}

/** True when `accountId` may be responsible for the case (no `studentId`) or for an intervention for the student. */
export async function isEligibleResponsible(
  tx: DbOrTx,
  tenantId: string,
  schoolUnitId: string,
  accountId: string,
  forWhom?: ResponsibleFor,
): Promise<boolean> {
  const found = (await eligibleResponsibles(tx, tenantId, schoolUnitId, forWhom)).find((r) => r.accountId === accountId);
  return !!found && (forWhom?.studentId ? true : found.forCase);
}

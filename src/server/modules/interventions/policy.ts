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
  tx: DbOrTx, actor: Actor, caseId: string, options: { asOf: string; permission: Permission },
): Promise<CaseRow | null> {
  if (!actor.tenantId) return null;
  const [row] = await tx.select().from(cases).where(and(eq(cases.tenantId, actor.tenantId), eq(cases.id, caseId)));
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

/** The roles that may be responsible for a case or an intervention: those that may change cases. */
const responsibleRoles = (Object.keys(roles) as Role[]).filter((r) => (roles[r].permissions as readonly Permission[]).includes('interventions.write'));

export interface Responsible { accountId: string; displayName: string; roles: Role[] }

/** Enabled accounts holding a role that may change cases at `schoolUnitId` in the tenant: who can be made responsible. */
export async function eligibleResponsibles(tx: DbOrTx, tenantId: string, schoolUnitId: string): Promise<Responsible[]> {
  const rows = await queryRows<{ account_id: string; display_name: string; roles: Role[] }>(tx, sql`
    SELECT a.id AS account_id, a.display_name, array_agg(DISTINCT ra.role ORDER BY ra.role) AS roles
      FROM role_assignments ra JOIN accounts a ON a.id = ra.account_id AND NOT a.disabled
     WHERE ra.tenant_id = ${tenantId}::uuid AND ${schoolUnitId}::uuid = ANY(ra.unit_ids)
       AND ra.role IN (${sql.join(responsibleRoles.map((r) => sql`${r}`), sql`, `)})
     GROUP BY a.id, a.display_name ORDER BY a.display_name`);
  return rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name, roles: r.roles }));
}

/** True when `accountId` may be responsible for work at `schoolUnitId`. */
export async function isEligibleResponsible(tx: DbOrTx, tenantId: string, schoolUnitId: string, accountId: string): Promise<boolean> {
  return (await eligibleResponsibles(tx, tenantId, schoolUnitId)).some((r) => r.accountId === accountId);
}

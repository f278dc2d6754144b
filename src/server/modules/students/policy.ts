/**
 * Which students an actor may see, as one SQL condition on `persons p`: a user never even loads what is
 * outside their scope. The scope comes from the role (src/shared/access/roles.ts), the data from the assignment.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { Permission } from '../../../shared/access/permissions.ts';
import { roles } from '../../../shared/access/roles.ts';
import { assignmentsGranting, type Actor, type RoleAssignment } from '../../platform/context.ts';

/** A row of table alias `alias` is current on `asOf`. */
const current = (alias: string, asOf: string) =>
  sql`${sql.raw(alias)}.start_date <= ${asOf}::date AND (${sql.raw(alias)}.end_date IS NULL OR ${sql.raw(alias)}.end_date >= ${asOf}::date)`;

/**
 * The condition restricting `persons p` to the actor's students for `permission`, in the actor's tenant;
 * null when no role of the actor grants it (the caller answers 403). `asOf` is the date of "current".
 */
export function scopeStudentsQuery(actor: Actor, options: { asOf: string; permission?: Permission }): SQL | null {
  if (!hasStudentScope(actor, options.permission)) return null;
  const granting = assignmentsGranting(actor, options.permission ?? 'students.list');
  const parts = granting.map((a) => scopeOf(a, options.asOf)).filter((c): c is SQL => c !== null);
  const anyScope = parts.length
    ? sql.join(
        parts.map((c) => sql`(${c})`),
        sql` OR `,
      )
    : sql`false`;
  return sql`p.tenant_id = ${actor.tenantId}::uuid AND (${anyScope})`;
}

/** Whether `scopeStudentsQuery` has a scope for the actor (not null), without building it. */
export function hasStudentScope(actor: Actor, permission: Permission = 'students.list'): actor is Actor & { tenantId: string } {
  return !!actor.tenantId && assignmentsGranting(actor, permission).length > 0;
}

/**
 * Whether every student `scopeStudentsQuery` admits for `permission` already has a current, uncancelled enrolment on
 * `asOf` — true when each granting role's scope is its school units' currently enrolled students (or admits no one). A
 * list may then leave out its own check for a current enrolment, which would probe every student's enrolments again.
 */
export function scopeImpliesCurrentEnrolment(actor: Actor, options: { asOf: string; permission?: Permission }): boolean {
  return assignmentsGranting(actor, options.permission ?? 'students.list').every(
    (a) => roles[a.role].scope === 'units' || scopeOf(a, options.asOf) === null,
  );
}

function scopeOf(a: RoleAssignment, asOf: string): SQL | null {
  const scope = roles[a.role].scope;
  if (scope === 'mentor-groups' && a.personId) {
    // Members of groups where the actor's person holds a current Mentor assignment.
    return sql`p.id IN (
      SELECT gm.person_id FROM group_memberships gm
        JOIN duty_assignments da ON da.tenant_id = gm.tenant_id AND da.group_id = gm.group_id
         AND da.assignment_role_type = 'Mentor' AND ${current('da', asOf)}
        JOIN duties d ON d.tenant_id = da.tenant_id AND d.id = da.duty_id AND ${current('d', asOf)}
       WHERE gm.tenant_id = ${a.tenantId}::uuid AND d.person_id = ${a.personId}::uuid AND ${current('gm', asOf)})`;
  }
  if (scope === 'teaching-groups' && a.personId) {
    // Members of the groups of current activities that the actor's duty teaches.
    return sql`p.id IN (
      SELECT gm.person_id FROM group_memberships gm
        JOIN activity_groups ag ON ag.tenant_id = gm.tenant_id AND ag.group_id = gm.group_id
        JOIN activities act ON act.tenant_id = ag.tenant_id AND act.id = ag.activity_id AND ${current('act', asOf)}
        JOIN activity_teachers at ON at.tenant_id = ag.tenant_id AND at.activity_id = ag.activity_id
        JOIN duties d ON d.tenant_id = at.tenant_id AND d.id = at.duty_id AND ${current('d', asOf)}
       WHERE gm.tenant_id = ${a.tenantId}::uuid AND d.person_id = ${a.personId}::uuid AND ${current('gm', asOf)})`;
  }
  if (scope === 'units' && a.unitIds.length > 0) {
    // Students with a current enrolment at one of the actor's school units.
    const units = sql.join(
      a.unitIds.map((u) => sql`${u}::uuid`),
      sql`, `,
    );
    return sql`p.id IN (
      SELECT e.person_id FROM enrolments e
       WHERE e.tenant_id = ${a.tenantId}::uuid AND NOT e.cancelled AND e.school_unit_id IN (${units}) AND ${current('e', asOf)})`;
  }
  // Aggregate, KAA and no-student scopes never list students here.
  return null;
}

/**
 * Bulk check (cf. immich's access repository): of `ids`, the students the actor may reach with `permission` on `asOf`,
 * in one query. For commands on many students at once (a handover of a class, a worklist action).
 */
export async function allowedStudentIds(
  db: DbOrTx,
  actor: Actor,
  ids: readonly string[],
  options: { asOf: string; permission: Permission },
): Promise<Set<string>> {
  const scope = scopeStudentsQuery(actor, options);
  if (!scope || ids.length === 0) return new Set();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(db, sql`SELECT p.id FROM persons p WHERE p.id IN (${list}) AND ${scope}`);
  return new Set(rows.map((r) => r.id));
}

/** The student page's abilities: what the actor's roles let them see on a record already in scope. */
export function studentAbilities(actor: Actor) {
  const can = (p: Permission) => assignmentsGranting(actor, p).length > 0;
  return { canReadContact: can('contact.read'), canReadAttendance: can('attendance.read'), canReadGrades: can('grades.read') };
}

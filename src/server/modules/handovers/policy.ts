/**
 * Who reaches a handover (docs/handovers.md). Sending side (a 'sent' row of the actor's tenant): a mentor of the student
 * in their last term at the sending unit, and the special educator and principal of the sending unit. Receiving side (a 'received' row):
 * the principal and the student-health team of the receiving unit, and the student's mentor there. Nobody else reads
 * the content — other roles holding `handovers.read` (a counsellor at the sending unit) get nothing. Counts without
 * names are in `overview.ts`. The municipality's KAA officer reaches the KAA → school handovers of their register
 * (`kaa-to-school.ts`): sent rows of the municipal organiser whose municipality is the officer's.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Permission } from '../../../shared/access/permissions.ts';
import { studentHealthRoles, type Role } from '../../../shared/access/roles.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type ActorContext, type RoleAssignment } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, notFound } from '../../platform/errors.ts';

export const handoverPurpose = 'Överlämning till den skola som tagit emot eleven (skollagen 3 kap. 12 j §)';

export type HandoverRow = typeof handovers.$inferSelect;

const senderRoles: readonly Role[] = ['mentor', 'specialpedagog', 'rektor'];
const receiverRoles: readonly Role[] = ['mentor', 'rektor', ...studentHealthRoles];

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );

/** Members of the mentor's groups on the day `day` (an SQL date expression). */
function mentorGroupsOn(a: RoleAssignment, day: SQL): SQL {
  const on = (t: string) =>
    sql`${sql.raw(t)}.start_date <= ${day} AND (${sql.raw(t)}.end_date IS NULL OR ${sql.raw(t)}.end_date >= ${day})`;
  return sql`h.student_id IN (
    SELECT gm.person_id FROM group_memberships gm
      JOIN duty_assignments da ON da.tenant_id = gm.tenant_id AND da.group_id = gm.group_id AND da.assignment_role_type = 'Mentor' AND ${on('da')}
      JOIN duties d ON d.tenant_id = da.tenant_id AND d.id = da.duty_id
     WHERE gm.tenant_id = ${a.tenantId}::uuid AND d.person_id = ${a.personId}::uuid AND ${on('gm')})`;
}

/** How far back from the leaving day (or today, if earlier) the sender's "last term" reaches: about one term. */
export const lastTermMonths = 4;

/**
 * Members of the mentor's groups at some time in the student's last term at the sending unit: the group membership and
 * the mentor assignment overlap each other within the `lastTermMonths` up to the day they leave (or today, if that is
 * earlier). Not exactly on the leaving day: a mentor duty usually ends with the term, before the enrolment does.
 */
function mentorGroupsInLastTerm(a: RoleAssignment, today: string): SQL {
  const last = sql`LEAST(${today}::date, COALESCE(h.leaves_on, ${today}::date))`;
  // LEAST and GREATEST skip NULLs: an open end date is no bound.
  return sql`h.student_id IN (
    SELECT gm.person_id FROM group_memberships gm
      JOIN duty_assignments da ON da.tenant_id = gm.tenant_id AND da.group_id = gm.group_id AND da.assignment_role_type = 'Mentor'
      JOIN duties d ON d.tenant_id = da.tenant_id AND d.id = da.duty_id
     WHERE gm.tenant_id = ${a.tenantId}::uuid AND d.person_id = ${a.personId}::uuid
       AND GREATEST(gm.start_date, da.start_date, (${last} - ${sql.raw(`interval '${lastTermMonths} months'`)})::date)
           <= LEAST(gm.end_date, da.end_date, ${last}))`;
}

/** The condition on `handovers h` for the rows the actor reaches with `permission`, or null (no role for it). */
export function handoverScope(ctx: ActorContext, permission: Permission): SQL | null {
  const tenantId = ctx.actor.tenantId;
  const today = dateOf(ctx.now);
  const granting = assignmentsGranting(ctx.actor, permission);
  if (!tenantId) return null;
  const parts: SQL[] = [];
  for (const a of granting) {
    if (a.role === 'kaa' && a.municipalityCode)
      parts.push(sql`(h.direction = 'sent' AND h.route = 'kaa-to-school' AND h.youth_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM organisers og WHERE og.id = h.tenant_id AND og.kind = 'municipal' AND og.municipality_code = ${a.municipalityCode}))`);
    if (senderRoles.includes(a.role)) {
      if (a.role === 'mentor' && a.personId) parts.push(sql`(h.direction = 'sent' AND ${mentorGroupsInLastTerm(a, today)})`);
      else if (a.role !== 'mentor' && a.unitIds.length > 0)
        parts.push(sql`(h.direction = 'sent' AND h.from_unit_id IN (${uuidList(a.unitIds)}))`);
    }
    if (receiverRoles.includes(a.role)) {
      if (a.role === 'mentor' && a.personId)
        parts.push(
          sql`(h.direction = 'received' AND ${mentorGroupsOn(a, sql`GREATEST(${today}::date, COALESCE(h.starts_on, ${today}::date))`)})`,
        );
      else if (a.role !== 'mentor' && a.unitIds.length > 0)
        parts.push(sql`(h.direction = 'received' AND h.to_unit_id IN (${uuidList(a.unitIds)}))`);
    }
  }
  if (parts.length === 0) return null;
  return sql`h.tenant_id = ${tenantId}::uuid AND (${sql.join(parts, sql` OR `)})`;
}

/** The scope, or 403 with a denied row. */
export async function requireScope(tx: DbOrTx, ctx: ActorContext, permission: Permission, action: string): Promise<SQL> {
  const scope = handoverScope(ctx, permission);
  if (!scope) {
    await logAccess(tx, ctx, { action, purpose: handoverPurpose, outcome: 'denied' });
    throw forbidden();
  }
  return scope;
}

/** One handover the actor reaches, or 404 with a denied row (another unit's is as unknown as none). */
export async function reachHandover(
  tx: DbOrTx,
  ctx: ActorContext,
  permission: Permission,
  action: string,
  id: string,
  direction?: 'sent' | 'received',
): Promise<HandoverRow> {
  const scope = await requireScope(tx, ctx, permission, action);
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT h.id FROM handovers h WHERE ${scope} AND h.id = ${id}::uuid`);
  const [row] = rows.length
    ? await tx
        .select()
        .from(handovers)
        .where(and(eq(handovers.tenantId, ctx.actor.tenantId!), eq(handovers.id, id)))
    : [];
  if (!row || (direction && row.direction !== direction)) {
    await logAccess(tx, ctx, { action, purpose: handoverPurpose, outcome: 'denied' });
    throw notFound();
  }
  return row;
}

/** The subjects of an access-log row about a handover: the student in this tenant, when known. */
export const subjectsOf = (rows: readonly HandoverRow[]) =>
  rows.map((r) => r.studentId ?? r.youthId).filter((i): i is string => i !== null);

/**
 * Reaching a case, an intervention or a follow-up by id for a request: the record when the actor may reach its
 * student with the permission (policy.ts), else a denied access-log row and 404 — the same answer for another
 * organiser's id, an id out of scope and an id that does not exist.
 */
import { and, eq } from 'drizzle-orm';
import type { Permission } from '../../../shared/access/permissions.ts';
import type { DbOrTx } from '../../db/client.ts';
import { caseInterventions, cases, interventionFollowUps } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { loadCaseForActor, type CaseRow } from './policy.ts';

/** The purpose every case route logs under. */
export const purpose = 'elevhälsans arbete med stöd och insatser';

export type InterventionRow = typeof caseInterventions.$inferSelect;
export type FollowUpRow = typeof interventionFollowUps.$inferSelect;

/** Logs a refusal about `studentId` (if known) and returns the 404 to throw. */
async function refuse(tx: DbOrTx, ctx: ActorContext, action: string, studentId: string | undefined) {
  await logAccess(tx, ctx, { action, subjectIds: studentId ? [studentId] : [], purpose, outcome: 'denied' });
  return notFound();
}

/** The case `caseId` if the actor reaches it with `permission`; else a denied row and 404. */
export async function reachCase(tx: DbOrTx, ctx: ActorContext, caseId: string, permission: Permission, action: string): Promise<CaseRow> {
  const tenantId = ctx.actor.tenantId;
  const row = tenantId ? await loadCaseForActor(tx, ctx.actor, caseId, { asOf: dateOf(ctx.now), permission }) : null;
  if (row) return row;
  const [stored] = tenantId
    ? await tx
        .select({ studentId: cases.studentId })
        .from(cases)
        .where(and(eq(cases.tenantId, tenantId), eq(cases.id, caseId)))
    : [];
  throw await refuse(tx, ctx, action, stored?.studentId);
}

/** The intervention and its case if the actor reaches the case with `permission`; else a denied row and 404. */
export async function reachIntervention(
  tx: DbOrTx,
  ctx: ActorContext,
  interventionId: string,
  permission: Permission,
  action: string,
): Promise<{ intervention: InterventionRow; caseRow: CaseRow }> {
  const tenantId = ctx.actor.tenantId;
  const [intervention] = tenantId
    ? await tx
        .select()
        .from(caseInterventions)
        .where(and(eq(caseInterventions.tenantId, tenantId), eq(caseInterventions.id, interventionId)))
    : [];
  if (!intervention) throw await refuse(tx, ctx, action, undefined);
  return { intervention, caseRow: await reachCase(tx, ctx, intervention.caseId, permission, action) };
}

/** The follow-up, its intervention and case if the actor reaches the case with `permission`; else a denied row and 404. */
export async function reachFollowUp(
  tx: DbOrTx,
  ctx: ActorContext,
  followUpId: string,
  permission: Permission,
  action: string,
): Promise<{ followUp: FollowUpRow; intervention: InterventionRow; caseRow: CaseRow }> {
  const tenantId = ctx.actor.tenantId;
  const [followUp] = tenantId
    ? await tx
        .select()
        .from(interventionFollowUps)
        .where(and(eq(interventionFollowUps.tenantId, tenantId), eq(interventionFollowUps.id, followUpId)))
    : [];
  if (!followUp) throw await refuse(tx, ctx, action, undefined);
  return { followUp, ...(await reachIntervention(tx, ctx, followUp.interventionId, permission, action)) };
}

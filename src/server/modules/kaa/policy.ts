/**
 * Who reaches the KAA register: an officer (role `kaa`, scope home-municipality) in the tenant that is the municipal
 * organiser of the officer's municipality reaches the young people of that municipality's register — nobody else's.
 * A principal (`kaa-notices.send`) reaches the notices their organiser sent about students of their units.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/access/permissions.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaYouth } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type ActorContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { municipalityOf } from './refresh.ts';

export const registerPurpose = 'Hemkommunens aktivitetsansvar (skollagen 29 kap. 9 §)';
export const senderPurpose = 'Meddelande till elevens hemkommun (skollagen 15 kap. 15 §)';

export interface OfficerScope {
  tenantId: string;
  municipalityCode: string;
}

export type YouthRow = typeof kaaYouth.$inferSelect;

/** The officer's register, or 403 with a denied row (no kaa role here, or the tenant is not their municipality). */
export async function officerScope(tx: DbOrTx, ctx: ActorContext, permission: Permission, action: string): Promise<OfficerScope> {
  const tenantId = ctx.actor.tenantId;
  const municipalityCode = tenantId ? await municipalityOf(tx, tenantId) : null;
  const ok =
    tenantId !== null &&
    municipalityCode !== null &&
    assignmentsGranting(ctx.actor, permission).some((a) => a.municipalityCode === municipalityCode);
  if (!ok) {
    await logAccess(tx, ctx, { action, purpose: registerPurpose, outcome: 'denied' });
    throw forbidden();
  }
  return { tenantId: tenantId!, municipalityCode: municipalityCode! };
}

/** One young person of the officer's register, or 404 with a denied row (another municipality's is as unknown as none). */
export async function reachYouth(
  tx: DbOrTx,
  ctx: ActorContext,
  permission: Permission,
  action: string,
  id: string,
): Promise<{ scope: OfficerScope; youth: YouthRow }> {
  const scope = await officerScope(tx, ctx, permission, action);
  const [youth] = await tx
    .select()
    .from(kaaYouth)
    .where(and(eq(kaaYouth.tenantId, scope.tenantId), eq(kaaYouth.id, id)));
  if (!youth) {
    await logAccess(tx, ctx, { action, purpose: registerPurpose, outcome: 'denied' });
    throw notFound();
  }
  return { scope, youth };
}

/** The school units of the actor's roles that grant `kaa-notices.send` (the principal's units), or 403. */
export async function senderUnits(tx: DbOrTx, ctx: ActorContext, action: string): Promise<{ tenantId: string; unitIds: string[] }> {
  const units = [...new Set(assignmentsGranting(ctx.actor, 'kaa-notices.send').flatMap((a) => a.unitIds))];
  if (!ctx.actor.tenantId || units.length === 0) {
    await logAccess(tx, ctx, { action, purpose: senderPurpose, outcome: 'denied' });
    throw forbidden();
  }
  return { tenantId: ctx.actor.tenantId, unitIds: units };
}

/** The condition restricting `kaa_notices n` (sent) to students who were ever enrolled at one of `unitIds`. */
export function sentNoticeScope(tenantId: string, unitIds: readonly string[]) {
  const list = sql.join(
    unitIds.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  return sql`n.tenant_id = ${tenantId}::uuid AND n.direction = 'sent' AND EXISTS (
    SELECT 1 FROM enrolments e WHERE e.tenant_id = n.tenant_id AND e.person_id = n.student_id AND e.school_unit_id IN (${list}))`;
}

/** Account display names by id, within what the register shows (who recorded a contact, who dismissed). */
export async function accountNames(tx: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<{ id: string; display_name: string }>(
    tx,
    sql`SELECT id, display_name FROM accounts WHERE id IN (${sql.join(
      wanted.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

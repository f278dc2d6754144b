/**
 * The organiser's interventions settings (settings.manage, administrators): how many years closed cases are kept
 * (`retentionYears`, 1–50; null keeps them). The retention job (retention.ts, `fullfolj interventions retention`)
 * deletes what the rule says. No student data: nothing to log but refusals.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { interventionSettings } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { settingsApi } from '../../../shared/interventions/settings.ts';

/** The retention rule of an organiser: years, or null (keep). */
export async function retentionYearsOf(db: DbOrTx, tenantId: string): Promise<number | null> {
  const [row] = await db
    .select({ years: interventionSettings.retentionYears })
    .from(interventionSettings)
    .where(eq(interventionSettings.tenantId, tenantId));
  return row?.years ?? null;
}

async function adminTenant(tx: DbOrTx, ctx: ActorContext): Promise<string> {
  if (ctx.actor.tenantId) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action: 'interventions.settings', purpose: 'förvaltning av insatser', outcome: 'denied' });
  throw forbidden();
}

export function interventionSettingsRoutes(): RouteDefinition[] {
  return [
    routeFor(settingsApi.read, {
      permission: 'settings.manage',
      async handler({ ctx, tx }) {
        return { retentionYears: await retentionYearsOf(tx, await adminTenant(tx, ctx)) };
      },
    }),
    routeFor(settingsApi.save, {
      permission: 'settings.manage',
      async handler({ body, ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx);
        const values = { retentionYears: body.retentionYears, updatedBy: ctx.actor.accountId, updatedAt: ctx.now.toISOString() };
        await tx
          .insert(interventionSettings)
          .values({ tenantId, ...values })
          .onConflictDoUpdate({ target: interventionSettings.tenantId, set: values });
        return { retentionYears: body.retentionYears };
      },
    }),
  ];
}

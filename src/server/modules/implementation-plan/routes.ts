/**
 * The implementation plan's routes (docs/region-network.md). The organiser's roles that read its figures
 * (statistics.read: the principal, the analyst) read the plan; the analyst edits it (implementation-plan.write).
 * The plan holds no personal data and its measurements are organiser aggregates with small counts hidden; reads and
 * changes are logged as the dashboards are.
 */
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { grants } from '../../../shared/access/roles.ts';
import { implementationPlanApi } from '../../../shared/implementation-plan/contract.ts';
import { addAction, planView, saveAnswer, updateAction } from './plan.ts';

const purpose = 'implementeringsplan för tidig upptäckt och åtgärd';

/** The actor's organiser, or a logged 403. */
async function tenantOf(tx: DbOrTx, ctx: ActorContext, action: string): Promise<string> {
  if (ctx.actor.tenantId) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action, purpose, outcome: 'denied' });
  throw forbidden();
}

const canEdit = (ctx: ActorContext) =>
  grants(
    ctx.actor.assignments.map((a) => a.role),
    'implementation-plan.write',
  );

export function implementationPlanRoutes(): RouteDefinition[] {
  return [
    routeFor(implementationPlanApi.read, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const tenantId = await tenantOf(tx, ctx, 'implementation-plan.read');
        const view = await planView(tx, tenantId, dateOf(ctx.now), canEdit(ctx));
        await logAccess(tx, ctx, { action: 'implementation-plan.read', purpose, outcome: 'allowed' });
        return view;
      },
    }),
    routeFor(implementationPlanApi.answer, {
      permission: 'implementation-plan.write',
      async handler({ ctx, tx, params, body }) {
        const tenantId = await tenantOf(tx, ctx, 'implementation-plan.write');
        await saveAnswer(tx, tenantId, params.itemKey, body.level, body.comment, ctx.actor.accountId, ctx.now.toISOString());
        await logAccess(tx, ctx, { action: 'implementation-plan.write', purpose, outcome: 'allowed' });
        return planView(tx, tenantId, dateOf(ctx.now), true);
      },
    }),
    routeFor(implementationPlanApi.addAction, {
      permission: 'implementation-plan.write',
      async handler({ ctx, tx, body }) {
        const tenantId = await tenantOf(tx, ctx, 'implementation-plan.write');
        await addAction(tx, tenantId, body, ctx.actor.accountId, dateOf(ctx.now));
        await logAccess(tx, ctx, { action: 'implementation-plan.write', purpose, outcome: 'allowed' });
        return planView(tx, tenantId, dateOf(ctx.now), true);
      },
    }),
    routeFor(implementationPlanApi.updateAction, {
      permission: 'implementation-plan.write',
      async handler({ ctx, tx, params, body }) {
        const tenantId = await tenantOf(tx, ctx, 'implementation-plan.write');
        await updateAction(tx, tenantId, params.id, body, ctx.actor.accountId, ctx.now, dateOf(ctx.now));
        await logAccess(tx, ctx, { action: 'implementation-plan.write', purpose, outcome: 'allowed' });
        return planView(tx, tenantId, dateOf(ctx.now), true);
      },
    }),
  ];
}

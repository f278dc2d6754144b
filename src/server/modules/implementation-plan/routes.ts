/**
 * The implementation plan's routes (docs/region-network.md). The organiser's roles that read its figures
 * (statistics.read: the principal, the analyst) read the plan; the analyst edits it (implementation-plan.write).
 * The plan holds no personal data and its measurements are organiser aggregates with small counts hidden; reads and
 * changes are logged as the dashboards are.
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { grants } from '../../../shared/access/roles.ts';
import { implementationPlanApi, implementationPlanPdfPath } from '../../../shared/implementation-plan/contract.ts';
import { addAction, planView, saveAnswer, updateAction } from './plan.ts';
import { planPdf } from './plan-pdf.ts';

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
    defineRoute({
      method: 'GET',
      url: implementationPlanPdfPath,
      permission: 'statistics.read',
      schema: { querystring: z.strictObject({ lang: z.enum(['sv', 'en']).optional() }) },
      labels: { lang: { sv: 'Språk', en: 'Language' } },
      async handler({ ctx, tx, query, reply }) {
        const tenantId = await tenantOf(tx, ctx, 'implementation-plan.read');
        const view = await planView(tx, tenantId, dateOf(ctx.now), false);
        await logAccess(tx, ctx, { action: 'implementation-plan.read', purpose, outcome: 'allowed' });
        const pdf = await planPdf(view, query.lang ?? 'sv');
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="implementeringsplan-${dateOf(ctx.now)}.pdf"`);
        reply.header('cache-control', 'no-store');
        return pdf;
      },
    }),
  ];
}

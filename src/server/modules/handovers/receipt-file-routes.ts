/**
 * The receipt file's routes (docs/handovers.md, "Receipts back by file"): the receiving unit exports the receipt of a
 * confirmed handover it imported from a file; the sender imports it. Both logged with the student as subject.
 */
import { z } from 'zod';
import { handoverIdParams } from '../../../shared/handovers/contract.ts';
import { receiptApi } from '../../../shared/handovers/receipt-file.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { handoverPurpose, reachHandover, requireScope, subjectsOf } from './policy.ts';
import { exportReceipt, importReceipt } from './receipt-file.ts';

/** The receipt's export and import routes. */
export function receiptFileRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/handovers/:id/receipt',
      permission: 'handovers.read',
      schema: { params: handoverIdParams, querystring: z.strictObject({}), body: z.strictObject({}) },
      async handler({ params, ctx, tx, reply }) {
        const action = 'handovers.receipt.export';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id, 'received');
        const file = await exportReceipt(tx, row);
        await logAccess(tx, ctx, { action, subjectIds: subjectsOf([row]), purpose: handoverPurpose, outcome: 'allowed' });
        reply.header('content-type', 'application/json; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="kvittens-${dateOf(ctx.now)}.json"`);
        return JSON.stringify(file);
      },
    }),
    routeFor(receiptApi.import, {
      permission: 'handovers.write',
      async handler({ body, ctx, tx, req }) {
        const action = 'handovers.receipt.import';
        const scope = await requireScope(tx, ctx, 'handovers.write', action);
        const out = await inRequestLanguage(req, () => importReceipt(tx, ctx, scope, body.content));
        await logAccess(tx, ctx, { action, subjectIds: subjectsOf([out.row]), purpose: handoverPurpose, outcome: 'allowed' });
        return { id: out.row.id, duplicate: out.duplicate };
      },
    }),
  ];
}

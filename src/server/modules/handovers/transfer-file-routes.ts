/**
 * The handover file's routes (docs/handovers.md, "The handover file"): the sender exports (a draft is sent by it), the
 * receiving unit's principal imports. Both logged with the student as subject.
 */
import { z } from 'zod';
import { handoverIdParams } from '../../../shared/handovers/contract.ts';
import { transferApi, transferBodyLimit } from '../../../shared/handovers/transfer-file.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { handoverPurpose, reachHandover, requireScope, subjectsOf } from './policy.ts';
import { exportHandover, importHandover } from './transfer-file.ts';
import { outsidePurpose } from './outside-school.ts';

/** The export and import routes. */
export function transferFileRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/handovers/:id/file',
      permission: 'handovers.write',
      schema: { params: handoverIdParams, querystring: z.strictObject({}), body: z.strictObject({}) },
      async handler({ params, ctx, tx, req, reply }) {
        const action = 'handovers.file.export';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'sent');
        const { file } = await inRequestLanguage(req, () => exportHandover(tx, ctx, row));
        // The reason is logged: a school outside the installation is reached only by the file.
        const purpose = row.toUnitCode ? outsidePurpose : handoverPurpose;
        await logAccess(tx, ctx, { action, subjectIds: subjectsOf([row]), purpose, outcome: 'allowed' });
        reply.header('content-type', 'application/json; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="overlamning-${dateOf(ctx.now)}.json"`);
        return JSON.stringify(file);
      },
    }),
    routeFor(transferApi.import, {
      permission: 'handovers.write',
      bodyLimit: transferBodyLimit,
      async handler({ body, ctx, tx, req }) {
        const action = 'handovers.file.import';
        await requireScope(tx, ctx, 'handovers.write', action);
        const out = await inRequestLanguage(req, () => importHandover(tx, ctx, body.content));
        await logAccess(tx, ctx, { action, subjectIds: [out.studentId], purpose: handoverPurpose, outcome: 'allowed' });
        return { id: out.id, duplicate: out.duplicate };
      },
    }),
  ];
}

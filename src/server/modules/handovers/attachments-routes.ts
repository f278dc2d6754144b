/**
 * Attachment routes (docs/handovers.md, "Attachments"): list and download for whoever reaches the handover (sender or
 * receiver), add and remove for the sender while it is a draft. Every read and download is logged with the student.
 */
import { z } from 'zod';
import { attachmentBodyLimit, attachmentParams, attachmentsApi } from '../../../shared/handovers/attachments.ts';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { addAttachment, attachmentDisposition, listAttachments, readAttachment, removeAttachment, sniffType } from './attachments.ts';
import { handoverPurpose, reachHandover, subjectsOf, type HandoverRow } from './policy.ts';

const allowed = (tx: DbOrTx, ctx: ActorContext, action: string, row: HandoverRow) =>
  logAccess(tx, ctx, { action, subjectIds: subjectsOf([row]), purpose: handoverPurpose, outcome: 'allowed' });

/** The attachment routes. */
export function attachmentRoutes(): RouteDefinition[] {
  return [
    routeFor(attachmentsApi.list, {
      permission: 'handovers.read',
      async handler({ params, ctx, tx }) {
        const row = await reachHandover(tx, ctx, 'handovers.read', 'handovers.attachments', params.id);
        await allowed(tx, ctx, 'handovers.attachments', row);
        return listAttachments(tx, row);
      },
    }),
    routeFor(attachmentsApi.add, {
      permission: 'handovers.write',
      bodyLimit: attachmentBodyLimit,
      async handler({ params, body, ctx, tx, req }) {
        const action = 'handovers.attachment.add';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'sent');
        await allowed(tx, ctx, action, row);
        await inRequestLanguage(req, () => addAttachment(tx, row, body, ctx.actor.accountId));
        return listAttachments(tx, row);
      },
    }),
    routeFor(attachmentsApi.remove, {
      permission: 'handovers.write',
      async handler({ params, ctx, tx }) {
        const action = 'handovers.attachment.remove';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'sent');
        if (!(await removeAttachment(tx, row, params.attachmentId))) throw notFound();
        await allowed(tx, ctx, action, row);
        return listAttachments(tx, row);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/handovers/:id/attachments/:attachmentId',
      permission: 'handovers.read',
      schema: { params: attachmentParams, querystring: z.strictObject({}) },
      async handler({ params, ctx, tx, reply }) {
        const action = 'handovers.attachment.download';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id);
        const file = await readAttachment(tx, row, params.attachmentId);
        if (!file) {
          await logAccess(tx, ctx, { action, purpose: handoverPurpose, outcome: 'denied' });
          throw notFound();
        }
        await allowed(tx, ctx, action, row);
        const type = sniffType(file.content) ?? { mediaType: 'application/octet-stream', extension: 'bin' };
        reply.header('content-type', type.mediaType);
        reply.header('content-disposition', attachmentDisposition(file.fileName, type.extension));
        reply.header('x-content-type-options', 'nosniff');
        return file.content;
      },
    }),
  ];
}

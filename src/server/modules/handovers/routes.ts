/**
 * The handovers' routes (docs/handovers.md). Lists make the missing drafts first (sender) and show only what the actor
 * reaches (policy.ts); every read of a handover writes an access-log row naming the student; an id outside the actor's
 * reach is a 404 with a denied row. The overview is counts only (statistics.read).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { handoverIdParams, handoversApi } from '../../../shared/handovers/contract.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { confirmHandover, recordFollowUp, recordMeeting, saveHandover, sendHandover } from './commands.ts';
import { attachmentRoutes } from './attachments-routes.ts';
import { prepareDrafts } from './drafts.ts';
import { kaaToSchoolRoutes } from './kaa-to-school-routes.ts';
import { organiserOverview } from './overview.ts';
import { gradeCatalogue, gradeExtractPdf } from './grade-extract.ts';
import { handoverPdf } from './pdf.ts';
import { transferFileRoutes } from './transfer-file-routes.ts';
import { outsideSchoolRoutes } from './outside-school-routes.ts';
import { receiptFileRoutes } from './receipt-file-routes.ts';
import { handoverPurpose, reachHandover, requireScope, subjectsOf, type HandoverRow } from './policy.ts';
import { presentHandover, presentListItem } from './present.ts';
import { z } from 'zod';

const allowed = (tx: DbOrTx, ctx: ActorContext, action: string, rows: readonly HandoverRow[]) =>
  logAccess(tx, ctx, { action, subjectIds: subjectsOf(rows), purpose: handoverPurpose, outcome: 'allowed' });

async function list(tx: DbOrTx, ctx: ActorContext, direction: 'sent' | 'received', action: string) {
  const scope = await requireScope(tx, ctx, 'handovers.read', action);
  if (direction === 'sent') await prepareDrafts(tx, ctx.actor.tenantId!, dateOf(ctx.now));
  const ids = await queryRows<{ id: string }>(tx, sql`SELECT h.id FROM handovers h WHERE ${scope} AND h.direction = ${direction}`);
  const rows = ids.length
    ? await tx
        .select()
        .from(handovers)
        .where(
          and(
            eq(handovers.tenantId, ctx.actor.tenantId!),
            sql`${handovers.id} IN (${sql.join(
              ids.map((i) => sql`${i.id}::uuid`),
              sql`, `,
            )})`,
          ),
        )
        .orderBy(asc(handovers.familyName), asc(handovers.givenName))
    : [];
  await allowed(tx, ctx, action, rows);
  const today = dateOf(ctx.now);
  return { items: rows.map((r) => presentListItem(r, today)) };
}

export function handoverRoutes(): RouteDefinition[] {
  return [
    ...kaaToSchoolRoutes(),
    ...attachmentRoutes(),
    ...transferFileRoutes(),
    ...outsideSchoolRoutes(),
    ...receiptFileRoutes(),
    routeFor(handoversApi.outgoing, {
      permission: 'handovers.read',
      handler: ({ ctx, tx }) => list(tx, ctx, 'sent', 'handovers.outgoing'),
    }),
    routeFor(handoversApi.incoming, {
      permission: 'handovers.read',
      handler: ({ ctx, tx }) => list(tx, ctx, 'received', 'handovers.incoming'),
    }),
    routeFor(handoversApi.receivingUnits, {
      permission: 'handovers.write',
      async handler({ ctx, tx }) {
        await requireScope(tx, ctx, 'handovers.write', 'handovers.receiving-units');
        const rows = await queryRows<{ id: string; name: string; organiser_name: string; school_types: string[] }>(
          tx,
          sql`SELECT DISTINCT ON (o.id) o.id, o.display_name AS name, og.name AS organiser_name, o.school_types
                FROM organisations o JOIN organisers og ON og.id = o.tenant_id
               WHERE o.organisation_type = 'Skolenhet' AND og.active ORDER BY o.id, o.tenant_id`,
        );
        rows.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
        return { items: rows.map((r) => ({ id: r.id, name: r.name, organiserName: r.organiser_name, schoolTypes: r.school_types })) };
      },
    }),
    routeFor(handoversApi.overview, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        if (!ctx.actor.tenantId) throw forbidden();
        return organiserOverview(tx, ctx.actor.tenantId, dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.read, {
      permission: 'handovers.read',
      async handler({ params, ctx, tx }) {
        const action = 'handovers.read';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id);
        await allowed(tx, ctx, action, [row]);
        return presentHandover(row, dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.save, {
      permission: 'handovers.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'handovers.save';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'sent');
        await allowed(tx, ctx, action, [row]);
        return presentHandover(await inRequestLanguage(req, () => saveHandover(tx, row, body)), dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.send, {
      permission: 'handovers.write',
      async handler({ params, body, ctx, tx, req }) {
        const row = await reachHandover(tx, ctx, 'handovers.write', 'handovers.send', params.id, 'sent');
        return presentHandover(await inRequestLanguage(req, () => sendHandover(tx, ctx, row, body.version)), dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.confirm, {
      permission: 'handovers.read',
      async handler({ params, body, ctx, tx }) {
        const action = 'handovers.confirm';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id, 'received');
        await allowed(tx, ctx, action, [row]);
        return presentHandover(await confirmHandover(tx, ctx, row, body.version), dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.meeting, {
      permission: 'handovers.write',
      async handler({ params, body, ctx, tx }) {
        const action = 'handovers.meeting';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'received');
        await allowed(tx, ctx, action, [row]);
        return presentHandover(await recordMeeting(tx, ctx, row, body), dateOf(ctx.now));
      },
    }),
    routeFor(handoversApi.followUp, {
      permission: 'handovers.write',
      async handler({ params, body, ctx, tx }) {
        const action = 'handovers.follow-up';
        const row = await reachHandover(tx, ctx, 'handovers.write', action, params.id, 'received');
        await allowed(tx, ctx, action, [row]);
        return presentHandover(await recordFollowUp(tx, ctx, row, body), dateOf(ctx.now));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/handovers/:id/pdf',
      permission: 'handovers.read',
      schema: { params: handoverIdParams, querystring: z.strictObject({}) },
      async handler({ params, ctx, tx, reply }) {
        const action = 'handovers.pdf';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id);
        await allowed(tx, ctx, action, [row]);
        const pdf = await handoverPdf(row, ctx.now.toISOString());
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="overlamning-${dateOf(ctx.now)}.pdf"`);
        reply.header('cache-control', 'no-store');
        return pdf;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/handovers/:id/grade-extract',
      permission: 'handovers.read',
      schema: { params: handoverIdParams, querystring: z.strictObject({}) },
      async handler({ params, ctx, tx, reply }) {
        const action = 'handovers.grade-extract';
        const row = await reachHandover(tx, ctx, 'handovers.read', action, params.id);
        await allowed(tx, ctx, action, [row]);
        const pdf = await gradeExtractPdf(row, await gradeCatalogue(tx, row, dateOf(ctx.now)), ctx.now.toISOString());
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="betygsutdrag-${dateOf(ctx.now)}.pdf"`);
        return pdf;
      },
    }),
  ];
}

/**
 * The signed-in person's own in-app notifications (the daily digest of follow-ups), for the start page: counts only —
 * the payload holds ids, and names come from the reminders route, which checks scope. Another person's notification
 * is a 404 (logged).
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import type { DigestPayload } from './digest.ts';

const emptyQuery = z.strictObject({});
const idParams = z.strictObject({ id: z.uuid() });
/** How far back the start page lists notifications. */
const KEEP_DAYS = 30;

export function notificationRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/interventions/notifications', permission: 'session.self', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        if (!ctx.actor.tenantId) return { items: [], unread: 0 };
        const since = new Date(ctx.now.getTime() - KEEP_DAYS * 86_400_000);
        const rows = await tx.select().from(notifications)
          .where(and(eq(notifications.tenantId, ctx.actor.tenantId), eq(notifications.accountId, ctx.actor.accountId), gte(notifications.forDate, dateOf(since))))
          .orderBy(desc(notifications.forDate)).limit(KEEP_DAYS);
        const items = rows.map((n) => {
          const payload = n.payload as Partial<DigestPayload>;
          return { id: n.id, kind: n.kind, forDate: n.forDate, overdue: payload.overdue?.length ?? 0, upcoming: payload.upcoming?.length ?? 0, readAt: n.readAt, emailed: n.emailedAt !== null };
        });
        return { items, unread: items.filter((i) => i.readAt === null).length };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/interventions/notifications/:id/read', permission: 'session.self', schema: { params: idParams },
      async handler({ params, ctx, tx }) {
        const [row] = ctx.actor.tenantId
          ? await tx.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.now.toISOString()}::timestamptz)` })
            .where(and(eq(notifications.tenantId, ctx.actor.tenantId), eq(notifications.id, params.id), eq(notifications.accountId, ctx.actor.accountId)))
            .returning({ id: notifications.id, readAt: notifications.readAt })
          : [];
        if (!row) {
          await logAccess(tx, ctx, { action: 'interventions.notification', purpose: 'påminnelser om uppföljningar', outcome: 'denied' });
          throw notFound();
        }
        return row;
      },
    }),
  ];
}

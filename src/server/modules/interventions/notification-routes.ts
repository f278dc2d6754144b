/**
 * The signed-in person's own in-app notifications (the daily digest of follow-ups), for the start page: counts only —
 * the payload holds ids, and names come from the reminders route, which checks scope. Another person's notification
 * is a 404 (logged).
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { notificationsApi } from '../../../shared/interventions/settings.ts';
import type { DigestPayload } from './digest.ts';

/** How far back the start page lists notifications. */
const KEEP_DAYS = 30;

export function notificationRoutes(): RouteDefinition[] {
  return [
    routeFor(notificationsApi.list, {
      permission: 'session.self',
      async handler({ ctx, tx }) {
        if (!ctx.actor.tenantId) return { items: [], unread: 0 };
        const since = new Date(ctx.now.getTime() - KEEP_DAYS * 86_400_000);
        const rows = await tx
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.tenantId, ctx.actor.tenantId),
              eq(notifications.accountId, ctx.actor.accountId),
              gte(notifications.forDate, dateOf(since)),
            ),
          )
          .orderBy(desc(notifications.forDate))
          .limit(KEEP_DAYS);
        const items = rows.map((n) => {
          const payload = n.payload as Partial<DigestPayload>;
          return {
            id: n.id,
            kind: n.kind,
            forDate: n.forDate,
            overdue: payload.overdue?.length ?? 0,
            upcoming: payload.upcoming?.length ?? 0,
            readAt: n.readAt,
            emailed: n.emailedAt !== null,
          };
        });
        return { items, unread: items.filter((i) => i.readAt === null).length };
      },
    }),
    routeFor(notificationsApi.read, {
      permission: 'session.self',
      async handler({ params, ctx, tx }) {
        const [row] = ctx.actor.tenantId
          ? await tx
              .update(notifications)
              .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.now.toISOString()}::timestamptz)` })
              .where(
                and(
                  eq(notifications.tenantId, ctx.actor.tenantId),
                  eq(notifications.id, params.id),
                  eq(notifications.accountId, ctx.actor.accountId),
                ),
              )
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

/**
 * The events' JSON routes (src/shared/events/contract.ts): the region coordinator (`events.manage`, scoped to the
 * region of the role) plans events, adds recordings, reads the sign-ups and marks who attended (personal data: logged); a visitor signs up
 * without an account (`public`, rate-limited per IP), gets a confirmation e-mail when SMTP is configured and the
 * event's calendar file.
 */
import type { DbOrTx } from '../../db/client.ts';
import { noTenant } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { forbidden, HttpError, notFound } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { roles } from '../../../shared/access/roles.ts';
import { eventsApi } from '../../../shared/events/contract.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { canMarkAttendance, markAttendance } from './attendance.ts';
import { sendConfirmation, type MailSettings } from './mail.ts';
import { participationIn } from './participation.ts';
import { SignupRefusal } from './refusals.ts';
import { createEvent, findEvent, listEvents, signUp, signupsOf, updateEvent } from './store.ts';

const purpose = 'anmälningar till regionens evenemang';

/** The region of the actor's events.manage role, or a logged 403. */
async function regionOf(tx: DbOrTx, ctx: ActorContext, action: string): Promise<string> {
  const assignment = ctx.actor.assignments.find(
    (a) => a.regionId && (roles[a.role].permissions as readonly string[]).includes('events.manage'),
  );
  if (assignment?.regionId) return assignment.regionId;
  await logAccess(tx, ctx, { action, purpose, outcome: 'denied', tenantId: ctx.actor.tenantId ?? noTenant });
  throw forbidden();
}

export interface EventRouteOptions {
  mail?: MailSettings;
  publicUrl?: string | undefined;
}

/** The coordinator's and the public sign-up routes. */
export function eventRoutes(options: EventRouteOptions = {}): RouteDefinition[] {
  const mail = options.mail ?? { smtpUrl: process.env.FULLFOLJ_SMTP_URL || undefined, from: process.env.FULLFOLJ_SMTP_FROM || undefined };
  const publicUrl = options.publicUrl ?? process.env.FULLFOLJ_PUBLIC_URL;
  return [
    routeFor(eventsApi.list, {
      permission: 'events.manage',
      async handler({ ctx, tx }) {
        const regionId = await regionOf(tx, ctx, 'events.list');
        const year = new Date(ctx.now.getTime() - 365 * 86_400_000).toISOString();
        return { events: await listEvents(tx, regionId), participation: await participationIn(tx, regionId, year, ctx.now.toISOString()) };
      },
    }),
    routeFor(eventsApi.create, {
      permission: 'events.manage',
      async handler({ ctx, tx, body, req, reply }) {
        const regionId = await regionOf(tx, ctx, 'events.write');
        const id = await inRequestLanguage(req, () => createEvent(tx, regionId, body, ctx.actor.accountId, ctx.now));
        reply.code(201);
        return (await listEvents(tx, regionId, id))[0]!;
      },
    }),
    routeFor(eventsApi.update, {
      permission: 'events.manage',
      async handler({ ctx, tx, params, body, req }) {
        const regionId = await regionOf(tx, ctx, 'events.write');
        await inRequestLanguage(req, () => updateEvent(tx, regionId, params.id, body, ctx.now));
        return (await listEvents(tx, regionId, params.id))[0]!;
      },
    }),
    routeFor(eventsApi.signups, {
      permission: 'events.manage',
      async handler({ ctx, tx, params }) {
        const regionId = await regionOf(tx, ctx, 'events.signups');
        const { event, items } = await signupsOf(tx, regionId, params.id);
        await logAccess(tx, ctx, { action: 'events.signups', purpose, outcome: 'allowed', tenantId: ctx.actor.tenantId ?? noTenant });
        return { items, canMark: canMarkAttendance(event, ctx.now) };
      },
    }),
    routeFor(eventsApi.attendance, {
      permission: 'events.manage',
      async handler({ ctx, tx, params, body, req }) {
        const regionId = await regionOf(tx, ctx, 'events.attendance');
        const counts = await inRequestLanguage(req, () => markAttendance(tx, regionId, params.id, body, ctx.now));
        await logAccess(tx, ctx, { action: 'events.attendance', purpose, outcome: 'allowed', tenantId: ctx.actor.tenantId ?? noTenant });
        return counts;
      },
    }),
    routeFor(eventsApi.signUp, {
      permission: 'public',
      rateLimit: { max: 20, timeWindow: 60_000 },
      async handler({ ctx, tx, params, body, req }) {
        const lang = requestLanguage(req);
        try {
          await signUp(tx, params.id, body, ctx.now);
        } catch (error) {
          if (error instanceof SignupRefusal) throw new HttpError(409, error.text[lang]);
          throw error;
        }
        const event = await findEvent(tx, params.id);
        if (!event) throw notFound();
        const calendarHref = `/evenemang/${event.id}/kalender.ics`;
        const base = publicUrl ? publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`;
        const emailed = await sendConfirmation(mail, body.email, event, base + calendarHref);
        const message =
          lang === 'sv'
            ? `Du är anmäld till ${event.title}.${emailed ? ' En bekräftelse är skickad till din e-post.' : ''}`
            : `You are signed up for ${event.title}.${emailed ? ' A confirmation has been sent to your e-mail.' : ''}`;
        return { message, calendarHref, emailed };
      },
    }),
  ];
}

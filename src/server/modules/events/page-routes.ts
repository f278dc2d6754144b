/**
 * The public event pages and calendars: no sign-in, no personal data shown, rate-limited per IP like the knowledge
 * bank's pages. `/evenemang.ics` is every event of the last year and ahead; `/evenemang/:id/kalender.ics` one event.
 */
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { pageAssets } from '../../platform/page-assets.ts';
import { notFoundPage } from '../knowledge-bank/pages/record-page.ts';
import { pickLanguage } from '../knowledge-bank/pages/texts.ts';
import { icalendar } from './ical.ts';
import { eventPage, eventsPage } from './pages.ts';
import { signupScript } from './signup-script.ts';
import { findEvent, listEvents } from './store.ts';

const pageRateLimit = { max: 300, timeWindow: 60_000 };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public pages; `webRoot` is where the built page styles are. */
export function eventPageRoutes(webRoot: string | undefined): RouteDefinition[] {
  const assets = pageAssets(webRoot);
  const host = () => {
    try {
      return new URL(process.env.FULLFOLJ_PUBLIC_URL ?? 'http://fullfolj.invalid').hostname;
    } catch {
      return 'fullfolj.invalid';
    }
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/evenemang',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply, ctx }) {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
        const events = await listEvents(tx, null);
        const yearAgo = ctx.now.getTime() - 365 * 86_400_000;
        return eventsPage(
          pickLanguage(req),
          events.filter((e) => Date.parse(e.endsAt) >= yearAgo),
          ctx.now,
          req.url,
          assets,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/evenemang.ics',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, reply, ctx }) {
        const yearAgo = ctx.now.getTime() - 365 * 86_400_000;
        const events = (await listEvents(tx, null)).filter((e) => Date.parse(e.endsAt) >= yearAgo);
        reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="evenemang.ics"');
        return icalendar(
          events.map((e) => ({ ...e, sequence: 0, updatedAt: e.startsAt })),
          host(),
          'Fullfölj – evenemang',
          ctx.now,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/evenemang/anmalan.js',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ reply }) {
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600');
        return signupScript;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/evenemang/:id',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply, ctx }) {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
        const lang = pickLanguage(req);
        const { id } = req.params as { id: string };
        const event = uuid.test(id) ? await findEvent(tx, id) : null;
        if (event) return eventPage(lang, event, ctx.now, req.url, assets);
        reply.code(404);
        return notFoundPage(lang, req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/evenemang/:id/kalender.ics',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply, ctx }) {
        const { id } = req.params as { id: string };
        const event = uuid.test(id) ? await findEvent(tx, id) : null;
        if (!event) {
          reply.code(404).type('text/plain; charset=utf-8');
          return 'Hittades inte.';
        }
        reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="evenemang.ics"');
        return icalendar([event], host(), event.title, ctx.now);
      },
    }),
  ];
}

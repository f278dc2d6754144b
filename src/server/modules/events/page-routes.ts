/**
 * The public event pages and calendars: no sign-in, no personal data shown, rate-limited per IP like the knowledge
 * bank's pages. `/evenemang.ics` is every event of the last year and ahead; `/evenemang/:id/kalender.ics` one event.
 * `?region=<slug>` narrows the list and the feed to one region's events (an unknown region: 404).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { pageAssets } from '../../platform/page-assets.ts';
import { notFoundPage } from '../knowledge-bank/pages/record-page.ts';
import { pickLanguage } from '../knowledge-bank/pages/texts.ts';
import { icalendar } from './ical.ts';
import { eventPage, eventsPage } from './pages.ts';
import { signupScript } from './signup-script.ts';
import { findEvent, listEvents } from './store.ts';
import { regionBySlug, type Region } from '../region/store.ts';

const pageRateLimit = { max: 300, timeWindow: 60_000 };
const slugPattern = /^[a-z0-9-]{1,60}$/;

/** The region `?region=` names: null when none is asked for, undefined when it names no region. */
async function chosenRegion(tx: DbOrTx, query: unknown): Promise<Region | null | undefined> {
  const asked = (query as Record<string, unknown> | undefined)?.region;
  if (asked === undefined) return null;
  if (typeof asked !== 'string' || !slugPattern.test(asked)) return undefined;
  return (await regionBySlug(tx, asked)) ?? undefined;
}

/** The regions that have events, by name, for the list's filter. */
async function regionsWithEvents(tx: DbOrTx) {
  const rows = await queryRows<{ slug: string; name_sv: string; name_en: string }>(
    tx,
    sql`SELECT r.slug, r.name_sv, r.name_en FROM regions r
         WHERE EXISTS (SELECT 1 FROM network_events e WHERE e.region_id = r.id) ORDER BY r.name_sv`,
  );
  return rows.map((r) => ({ slug: r.slug, name: { sv: r.name_sv, en: r.name_en } }));
}
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
        const lang = pickLanguage(req);
        const region = await chosenRegion(tx, req.query);
        if (region === undefined) {
          reply.code(404);
          return notFoundPage(lang, req.url, assets);
        }
        const events = await listEvents(tx, region?.id ?? null);
        const yearAgo = ctx.now.getTime() - 365 * 86_400_000;
        return eventsPage(
          lang,
          events.filter((e) => Date.parse(e.endsAt) >= yearAgo),
          ctx.now,
          req.url,
          assets,
          {
            regions: await regionsWithEvents(tx),
            current: region?.slug ?? null,
          },
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/evenemang.ics',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply, ctx }) {
        const region = await chosenRegion(tx, req.query);
        if (region === undefined) {
          reply.code(404).type('text/plain; charset=utf-8');
          return 'Hittades inte.';
        }
        const yearAgo = ctx.now.getTime() - 365 * 86_400_000;
        const events = (await listEvents(tx, region?.id ?? null)).filter((e) => Date.parse(e.endsAt) >= yearAgo);
        reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="evenemang.ics"');
        return icalendar(
          events.map((e) => ({ ...e, sequence: 0, updatedAt: e.startsAt })),
          host(),
          region ? `Fullfölj – evenemang – ${region.nameSv}` : 'Fullfölj – evenemang',
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

/**
 * The public knowledge-bank pages (no sign-in, HTML without JavaScript): declared `public` like the public API; they
 * carry no personal data, so no access-log rows; rate-limited per IP like the public API. Static paths (karta, inbaddning, kommuner.geojson) win over `:slug` in
 * Fastify's router, and every /kunskapsbank path wins over the web app's catch-all `/*`.
 */
import type { FastifyReply } from 'fastify';
import { focusAreas } from '../../../db/schema/knowledge-bank.ts';
import { defineRoute, type RouteDefinition } from '../../../platform/routes.ts';
import { pageAssets } from '../../../platform/page-assets.ts';
import { municipalityShapes } from './geo.ts';
import { parseFilter, type FocusArea } from './queries.ts';
import { embedPage, municipalityPage, regionPage } from './region-pages.ts';
import { notFoundPage, recordPage } from './record-page.ts';
import { searchPage } from './search-page.ts';
import { pickLanguage } from './texts.ts';

/** Sets the page's CSP: the default with images from the optional tile server, and framing allowed when `embeddable`. */
function pageHeaders(reply: FastifyReply, embeddable = false): void {
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
  const current = reply.getHeader('content-security-policy');
  if (typeof current !== 'string') return;
  let directives = current
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const tiles = process.env.FULLFOLJ_MAP_TILE_URL;
  if (tiles) {
    let origin: string | undefined;
    try {
      origin = new URL(tiles.replace(/\{[a-z]\}/g, 'a')).origin;
    } catch {
      origin = undefined;
    }
    if (origin) directives = directives.map((d) => (d.startsWith('img-src ') ? `${d} ${origin}` : d));
  }
  if (embeddable) {
    directives = directives.map((d) => (d.startsWith('frame-ancestors ') ? 'frame-ancestors *' : d));
    reply.removeHeader('x-frame-options');
  }
  reply.header('content-security-policy', directives.join(';'));
}

/** Per visitor (IP): generous for reading, a stop for scrapers hammering the database. */
const pageRateLimit = { max: 300, timeWindow: 60_000 };

const query = (q: unknown) => (q ?? {}) as Record<string, unknown>;

/** The page routes; `webRoot` is where the built map script and styles are (none: plain HTML). */
export function knowledgeBankPageRoutes(webRoot: string | undefined): RouteDefinition[] {
  const assets = pageAssets(webRoot);
  return [
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        pageHeaders(reply);
        return searchPage(tx, pickLanguage(req), parseFilter(query(req.query)), req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/karta',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        pageHeaders(reply);
        const focus = query(req.query).fokus;
        const chosen = focusAreas.includes(focus as FocusArea) ? (focus as FocusArea) : undefined;
        return regionPage(tx, pickLanguage(req), chosen, req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/kommun/:code',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        pageHeaders(reply);
        const lang = pickLanguage(req);
        const { code } = req.params as { code: string };
        const { page } = parseFilter(query(req.query));
        const html = /^\d{4}$/.test(code) ? await municipalityPage(tx, lang, code, page, req.url, assets) : null;
        if (html) return html;
        reply.code(404);
        return notFoundPage(lang, req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/inbaddning',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        pageHeaders(reply, true);
        return embedPage(tx, pickLanguage(req), parseFilter(query(req.query)), req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/kommuner.geojson',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ req, reply }) {
        const shapes = municipalityShapes();
        reply
          .header('etag', shapes.etag)
          .header('cache-control', 'public, max-age=86400')
          .header('vary', 'accept-encoding')
          .type('application/geo+json');
        if (req.headers['if-none-match'] === shapes.etag) {
          reply.code(304);
          return '';
        }
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
          reply.header('content-encoding', 'gzip');
          return shapes.gzip;
        }
        return shapes.body;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/:slug',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        pageHeaders(reply);
        const lang = pickLanguage(req);
        const { slug } = req.params as { slug: string };
        const html = slug.length <= 200 ? await recordPage(tx, lang, slug, req.url, assets) : null;
        if (html) return html;
        reply.code(404);
        return notFoundPage(lang, req.url, assets);
      },
    }),
  ];
}

/**
 * The knowledge bank's public read API: no sign-in, no CSRF (GET only), no access-log rows (reference data, no personal
 * data about students), but rate-limited per IP (@fastify/rate-limit is registered with `global: false`, so each route
 * states its limit). Answers are open data: any site may read them (CORS `*`, no credentials). Only published records
 * are ever shown. The JSON routes follow the shared contract (src/shared/knowledge-bank/public.ts); documented in OpenAPI
 * at /api/public/openapi.json.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.ts';
import { dateOf } from '../../platform/dates.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { exportQuery, publicKnowledgeApi, publicLabels } from '../../../shared/knowledge-bank/public.ts';
import { examplesCsv, examplesGeoJson } from './exports.ts';
import { atomFeed } from './feed.ts';
import { openApiDocument } from './openapi.ts';
import { presentMunicipalityCount, presentRecord, presentSummary } from './present.ts';
import { municipalityCounts, municipalityNames, recordBySlug, searchRecords, type SearchFilter } from './search.ts';
import type { Tx } from '../../db/client.ts';

/** Requests per IP and minute: reading pages of the list, and the heavier whole-view exports and feed. */
export interface PublicRateLimits {
  readPerMinute: number;
  exportPerMinute: number;
}
export const defaultPublicRateLimits: PublicRateLimits = { readPerMinute: 300, exportPerMinute: 60 };

/** The most records in one export or JSON list; a larger view is cut (and the CSV says so in its last line). */
export const exportLimit = 5000;
/** Entries in the Atom feed. */
export const feedSize = 50;

export interface PublicRouteOptions {
  /** The site's public address (scheme and host) for links in exports and the feed; else the request's own. */
  publicUrl?: string | undefined;
  limits?: PublicRateLimits;
}

/** The public knowledge-bank routes. */
export function knowledgePublicRoutes(options: PublicRouteOptions = {}): RouteDefinition[] {
  const { publicUrl = process.env.FULLFOLJ_PUBLIC_URL, limits = defaultPublicRateLimits } = options;
  const read = { max: limits.readPerMinute, timeWindow: 60_000 };
  const heavy = { max: limits.exportPerMinute, timeWindow: 60_000 };
  const baseUrl = (req: FastifyRequest) => (publicUrl ? publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`);

  /** The whole filtered view (up to exportLimit), presented. */
  async function wholeView(tx: Tx, req: FastifyRequest, filter: Omit<SearchFilter, 'page' | 'pageSize'>) {
    const result = await searchRecords(tx, { ...filter, page: 1, pageSize: exportLimit });
    const names = await municipalityNames(
      tx,
      result.items.flatMap((r) => r.municipalityCodes.map((c) => c.trim())),
    );
    return { items: result.items.map((r) => presentSummary(r, baseUrl(req), names)), total: result.total };
  }

  return [
    routeFor(publicKnowledgeApi.examples, {
      permission: 'public',
      rateLimit: read,
      async handler({ query, tx, req, reply }) {
        const result = await searchRecords(tx, query);
        const names = await municipalityNames(
          tx,
          result.items.flatMap((r) => r.municipalityCodes.map((c) => c.trim())),
        );
        openData(reply);
        return { ...result, items: result.items.map((r) => presentSummary(r, baseUrl(req), names)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/examples.json',
      permission: 'public',
      schema: { querystring: exportQuery },
      labels: publicLabels,
      rateLimit: heavy,
      async handler({ query, tx, req, reply }) {
        const view = await wholeView(tx, req, query);
        openData(reply);
        return view;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/examples.csv',
      permission: 'public',
      schema: { querystring: exportQuery },
      labels: publicLabels,
      rateLimit: heavy,
      async handler({ query, tx, req, reply, ctx }) {
        const { items, total } = await wholeView(tx, req, query);
        const note = total > items.length ? `urvalet har ${total} poster; exporten visar de ${items.length} första` : undefined;
        openData(reply);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="kunskapsbank-${dateOf(ctx.now)}.csv"`);
        return examplesCsv(items, note);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/examples.geojson',
      permission: 'public',
      schema: { querystring: exportQuery },
      labels: publicLabels,
      rateLimit: heavy,
      async handler({ query, tx, req, reply }) {
        const { items } = await wholeView(tx, req, query);
        openData(reply);
        reply.header('content-type', 'application/geo+json; charset=utf-8');
        return JSON.stringify(examplesGeoJson(items));
      },
    }),
    routeFor(publicKnowledgeApi.record, {
      permission: 'public',
      rateLimit: read,
      async handler({ params, tx, req, reply }) {
        const record = await recordBySlug(tx, params.slug);
        if (!record) throw notFound();
        const names = await municipalityNames(
          tx,
          record.municipalityCodes.map((c) => c.trim()),
        );
        openData(reply);
        return presentRecord(record, baseUrl(req), names);
      },
    }),
    routeFor(publicKnowledgeApi.municipalities, {
      permission: 'public',
      rateLimit: read,
      async handler({ query, tx, reply }) {
        const counts = await municipalityCounts(tx, query.kind);
        const names = await municipalityNames(
          tx,
          counts.map((c) => c.code),
        );
        openData(reply);
        return { items: counts.map((c) => presentMunicipalityCount(c, names)) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/openapi.json',
      permission: 'public',
      rateLimit: read,
      async handler({ req, reply }) {
        openData(reply);
        return openApiDocument(baseUrl(req));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/feed.atom',
      permission: 'public',
      schema: { querystring: exportQuery },
      labels: publicLabels,
      rateLimit: heavy,
      async handler({ query, tx, req, reply, ctx }) {
        const result = await searchRecords(tx, { ...query, sort: 'newest', page: 1, pageSize: feedSize });
        const base = baseUrl(req);
        openData(reply);
        reply.header('content-type', 'application/atom+xml; charset=utf-8');
        return atomFeed(result.items, { baseUrl: base, selfUrl: `${base}${req.url}`, now: ctx.now });
      },
    }),
  ];
}

/** Open data: readable from any site (no cookies are sent with `*`), cacheable for a few minutes. */
function openData(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*');
  reply.header('cross-origin-resource-policy', 'cross-origin');
  reply.header('cache-control', 'public, max-age=300');
}

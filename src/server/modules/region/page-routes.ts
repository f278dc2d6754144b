/**
 * The region's public report pages (`/rapporter/:slug`, a month's latest or chosen version, its PDF) and the
 * signed-in PDF download for members. A region that shows its reports only to members has no public pages (404);
 * its members read them in the app. No personal data, so no access-log rows on the public pages.
 */
import { regionApi } from '../../../shared/region/contract.ts';
import { logAccess } from '../../platform/access-log.ts';
import { notFound } from '../../platform/errors.ts';
import { pageAssets } from '../../platform/page-assets.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { notFoundPage } from '../knowledge-bank/pages/record-page.ts';
import { pickLanguage } from '../knowledge-bank/pages/texts.ts';
import { actorRegion, regionPurpose } from './policy.ts';
import { listReports, readPublished } from './report/generate.ts';
import { reportPage, reportsPage } from './report/page.ts';
import { reportPdf } from './report/pdf.ts';
import { regionBySlug } from './store.ts';

const pageRateLimit = { max: 300, timeWindow: 60_000 };
const monthPattern = /^(20\d\d|2100)-(0[1-9]|1[0-2])$/;
const versionOf = (q: unknown): number | undefined => {
  const v = (q as Record<string, unknown> | undefined)?.version;
  return typeof v === 'string' && /^\d{1,5}$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
};

/** The public pages; `webRoot` is where the built page styles are. */
export function regionPageRoutes(webRoot: string | undefined): RouteDefinition[] {
  const assets = pageAssets(webRoot);
  const publicRegion = async (tx: Parameters<typeof regionBySlug>[0], slug: string) => {
    const region = await regionBySlug(tx, slug);
    return region && region.reportsVisibility === 'public' ? region : null;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/rapporter/:slug',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
        const lang = pickLanguage(req);
        const region = await publicRegion(tx, (req.params as { slug: string }).slug);
        if (region) return reportsPage(lang, region, await listReports(tx, region.id, false), req.url, assets);
        reply.code(404);
        return notFoundPage(lang, req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/rapporter/:slug/:month',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
        const lang = pickLanguage(req);
        const { slug, month } = req.params as { slug: string; month: string };
        const region = monthPattern.test(month) ? await publicRegion(tx, slug) : null;
        const report = region ? await readPublished(tx, region.id, month, versionOf(req.query)) : null;
        if (region && report) return reportPage(lang, region, report, req.url, assets);
        reply.code(404);
        return notFoundPage(lang, req.url, assets);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/rapporter/:slug/:month/pdf',
      permission: 'public',
      rateLimit: pageRateLimit,
      async handler({ tx, req, reply }) {
        const { slug, month } = req.params as { slug: string; month: string };
        const region = monthPattern.test(month) ? await publicRegion(tx, slug) : null;
        const report = region ? await readPublished(tx, region.id, month, versionOf(req.query)) : null;
        if (!region || !report) throw notFound();
        const lang = pickLanguage(req);
        reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `inline; filename="${lang === 'sv' ? 'manadsrapport' : 'monthly-report'}-${region.slug}-${month}.pdf"`,
          );
        return reportPdf(report, lang);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${regionApi.read.path}/pdf`,
      permission: 'region-report.read',
      async handler({ tx, req, reply, ctx }) {
        const region = await actorRegion(tx, ctx, 'region-report.read');
        const { month } = req.params as { month: string };
        const report = monthPattern.test(month) ? await readPublished(tx, region.id, month, versionOf(req.query)) : null;
        if (!report) throw notFound();
        await logAccess(tx, ctx, { action: 'region-report.read', purpose: regionPurpose, outcome: 'allowed' });
        const lang = pickLanguage(req);
        reply.type('application/pdf').header('content-disposition', `attachment; filename="manadsrapport-${region.slug}-${month}.pdf"`);
        return reportPdf(report, lang);
      },
    }),
  ];
}

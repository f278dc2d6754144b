/** The public challenges page: no sign-in, no personal data, rate-limited like the knowledge bank's pages. */
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { pageAssets } from '../../platform/page-assets.ts';
import { focusAreas, type FocusArea } from '../../../shared/challenges/vocabulary.ts';
import { pickLanguage } from '../knowledge-bank/pages/texts.ts';
import { challengesPage } from './page.ts';

/** GET /kunskapsbank/utmaningar (a static path: wins over the bank's `/kunskapsbank/:slug`). */
export function challengePageRoutes(webRoot: string | undefined): RouteDefinition[] {
  const assets = pageAssets(webRoot);
  return [
    defineRoute({
      method: 'GET',
      url: '/kunskapsbank/utmaningar',
      permission: 'public',
      rateLimit: { max: 300, timeWindow: 60_000 },
      async handler({ tx, req, reply }) {
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
        const focus = (req.query as Record<string, unknown> | undefined)?.fokus;
        const chosen = focusAreas.includes(focus as FocusArea) ? (focus as FocusArea) : undefined;
        return challengesPage(tx, pickLanguage(req), chosen, req.url, assets);
      },
    }),
  ];
}

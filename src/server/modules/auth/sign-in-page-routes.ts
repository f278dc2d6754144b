/**
 * GET /logga-in: the server-rendered sign-in page (public, no personal data, so no access-log row). A signed-in user is
 * sent on to where they were going. Wins over the web app's catch-all, which serves the React app for every other path.
 */
import { defineRoute, Redirect, type RouteDefinition } from '../../platform/routes.ts';
import { requestLanguage } from '../../platform/language.ts';
import { pageAssets } from '../../platform/page-assets.ts';
import { safeNextPath, signInPage } from './sign-in-page.ts';

export function signInPageRoutes(webRoot: string | undefined): RouteDefinition[] {
  const assets = pageAssets(webRoot, 'sign-in/main.ts');
  return [
    defineRoute({
      method: 'GET',
      url: '/logga-in',
      permission: 'public',
      rateLimit: { max: 300, timeWindow: 60_000 },
      async handler({ req, reply, ctx, deps }) {
        const query = (req.query ?? {}) as Record<string, unknown>;
        const next = safeNextPath(query.till);
        if (ctx.actor) return new Redirect(next);
        const oidc = deps.auth.oidc;
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        return signInPage({
          lang: requestLanguage(req),
          next,
          oidc: oidc ? { label: oidc.label, startUrl: '/api/auth/oidc/start' } : null,
          providerFailed: typeof query.fel === 'string',
          assets,
        });
      },
    }),
  ];
}

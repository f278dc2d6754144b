/**
 * The HTTP server: the JSON API under /api (and, with the web shell, the built app).
 * Built by a function so tests run it with inject() and no socket. Every route is declared with
 * `defineRoute` (platform/routes.ts) and so carries its permission; `routeCatalog` lists them.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from './db/client.ts';
import { accessLogRoutes } from './modules/access-log/routes.ts';
import { oidcRoutes } from './modules/auth/oidc/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { signInPageRoutes } from './modules/auth/sign-in-page-routes.ts';
import { publicDocumentRoutes } from './privacy/public-routes.ts';
import { registerExtractRoutes } from './modules/register-extract/routes.ts';
import { earlyWarningRoutes } from './modules/early-warning/routes.ts';
import { interventionRoutes } from './modules/interventions/routes.ts';
import { knowledgeModerationRoutes } from './modules/knowledge-bank/moderation-routes.ts';
import { knowledgeMethodOptionRoutes } from './modules/knowledge-bank/method-options-routes.ts';
import { interventionEffectRoutes } from './modules/interventions/effect-routes.ts';
import { documentRoutes } from './modules/interventions/document-routes.ts';
import { meetingRoutes } from './modules/interventions/meeting-routes.ts';
import { dashboardRoutes } from './modules/interventions/dashboard-routes.ts';
import { followUpRoutes } from './modules/follow-up/routes.ts';
import { interventionSettingsRoutes } from './modules/interventions/settings-routes.ts';
import { retentionSettingsRoutes } from './modules/retention/settings-routes.ts';
import { notificationRoutes } from './modules/interventions/notification-routes.ts';
import { knowledgeBankPageRoutes } from './modules/knowledge-bank/pages/routes.ts';
import { knowledgePublicRoutes } from './modules/knowledge-bank/public-routes.ts';
import { studentRoutes } from './modules/students/routes.ts';
import { reportRoutes } from './modules/kaa/report/routes.ts';
import { letterRoutes } from './modules/kaa/letters/routes.ts';
import { coverageRoutes } from './modules/kaa/coverage/routes.ts';
import { kaaRoutes } from './modules/kaa/routes.ts';
import { handoverRoutes } from './modules/handovers/routes.ts';
import { implementationPlanRoutes } from './modules/implementation-plan/routes.ts';
import { challengeRoutes } from './modules/challenges/routes.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { eventPageRoutes } from './modules/events/page-routes.ts';
import { regionRoutes } from './modules/region/routes.ts';
import { regionPageRoutes } from './modules/region/page-routes.ts';
import { challengePageRoutes } from './modules/challenges/page-routes.ts';
import { registerCompression } from './platform/compression.ts';
import { defaultAuthConfig, type AuthConfig, type Config } from './platform/config.ts';
import { answerError, installErrorBoundary } from './platform/error-boundary.ts';
import { healthRoutes, mountLiveness } from './platform/health.ts';
import { loggerOptions } from './platform/logger.ts';
import { mountRoutes, type RouteDefinition } from './platform/routes.ts';
import { apiNotFound, serveWebApp } from './platform/web-app.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'logLevel'> & { auth?: Partial<AuthConfig>; trustProxy?: Config['trustProxy'] };
  /** The time source (tests move it to expire sessions and to date the fixtures' school year). */
  clock?: () => Date;
  /** The built web app (dist/web) to serve beside the API; without it, only the API. */
  webRoot?: string;
}

/** A registered route and the permission it declared (undefined: not declared — a test fails on it). */
export interface CatalogEntry {
  method: string;
  url: string;
  permission: string | undefined;
  /** The route's declared zod schemas (the property-based route walk generates hostile input from them). */
  schema?: RouteDefinition['schema'];
  /** From the route's shared endpoint: its response schema and field labels (absent: not yet on a contract). */
  response?: RouteDefinition['response'];
  labels?: RouteDefinition['labels'];
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: CatalogEntry[];
  }
}

/** Creates the Fastify app with every route registered; the caller listens or injects. */
export async function buildApp({ database, config, clock = () => new Date(), webRoot }: AppOptions): Promise<FastifyInstance> {
  const auth: AuthConfig = { ...defaultAuthConfig, ...config.auth };
  const hops = config.trustProxy;
  // A hop count trusts that many proxies nearest the server; a list trusts exactly those addresses.
  const trustProxy: FastifyServerOptions['trustProxy'] =
    typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : (hops ?? false);
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    // Behind a reverse proxy (FULLFOLJ_TRUST_PROXY), req.ip is the client's: the sign-in limits are per client.
    trustProxy,
    // A URL the router cannot decode is answered by the error boundary too (Fastify's own answer quotes the URL).
    frameworkErrors: (error, req, reply) => answerError(error, req, reply),
  });
  const catalog: CatalogEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = route.config as Pick<CatalogEntry, 'permission' | 'schema' | 'response' | 'labels'> | undefined;
    for (const method of methods)
      catalog.push({
        method,
        url: route.url,
        permission: config?.permission,
        schema: config?.schema,
        response: config?.response,
        labels: config?.labels,
      });
  });

  installErrorBoundary(app);
  await registerCompression(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      // Everything is bundled and served from here; inline styles only for the chart library's SVG.
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: `För många försök. Försök igen om ${Math.ceil(context.ttl / 1000)} sekunder.`,
    }),
  });

  const deps = { database, auth, clock };
  mountLiveness(app);
  mountRoutes(app, deps, [
    ...healthRoutes(),
    ...authRoutes(auth),
    ...signInPageRoutes(webRoot),
    ...publicDocumentRoutes(webRoot),
    ...oidcRoutes(),
    ...studentRoutes(),
    ...accessLogRoutes(),
    ...registerExtractRoutes(),
    ...earlyWarningRoutes(),
    ...interventionRoutes(),
    ...meetingRoutes(),
    ...dashboardRoutes(),
    ...followUpRoutes(),
    ...interventionSettingsRoutes(),
    ...retentionSettingsRoutes(),
    ...notificationRoutes(),
    ...interventionEffectRoutes(),
    ...documentRoutes(),
    ...reportRoutes(),
    ...letterRoutes(),
    ...coverageRoutes(),
    ...kaaRoutes(),
    ...handoverRoutes(),
    ...knowledgeModerationRoutes(),
    ...knowledgeMethodOptionRoutes(),
    ...knowledgeBankPageRoutes(webRoot),
    ...knowledgePublicRoutes(),
    ...implementationPlanRoutes(),
    ...challengeRoutes(),
    ...eventRoutes(),
    ...eventPageRoutes(webRoot),
    ...regionRoutes(),
    ...regionPageRoutes(webRoot),
    ...challengePageRoutes(webRoot),
  ]);
  if (webRoot) await serveWebApp(app, webRoot);
  else apiNotFound(app);
  return app;
}

/**
 * Route declaration: every route states its permission (or 'public') and its zod schemas. The wrapper
 * authenticates, checks CSRF and the permission, validates, and runs the handler in one transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Database, Tx } from '../db/client.ts';
import type { Permission } from '../../shared/access/permissions.ts';
import type { Endpoint, FieldLabels } from '../../shared/contract/endpoint.ts';
import { logAccess } from './access-log.ts';
import { authenticate } from './authenticate.ts';
import type { AuthConfig } from './config.ts';
import { actorCan, type ActorContext, type RequestContext } from './context.ts';
import { checkCsrf } from './csrf.ts';
import { forbidden, HttpError } from './errors.ts';
import { refuseHostileInput, refuseMalformedQuery } from './input-guard.ts';
import { requestLanguage } from './language.ts';
import { checkedResponse } from './response-check.ts';
import { isKeptAnswer } from './read-cache.ts';
import { sendKeptAnswer } from './kept-response.ts';
import { validate } from './validate.ts';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<P extends Permission, Q extends Schema, A extends Schema, B extends Schema> {
  query: Out<Q>;
  params: Out<A>;
  body: Out<B>;
  ctx: P extends 'public' ? RequestContext : ActorContext;
  tx: Tx;
  req: FastifyRequest;
  reply: FastifyReply;
  deps: RouteDeps;
}

export interface RouteDefinition<
  P extends Permission = Permission,
  Q extends Schema = Schema,
  A extends Schema = Schema,
  B extends Schema = Schema,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  permission: P;
  schema?: { querystring?: Q; params?: A; body?: B };
  /** Per-route rate limit (@fastify/rate-limit), e.g. for sign-in. */
  rateLimit?: { max: number; timeWindow: number; keyGenerator?: (req: FastifyRequest) => string };
  /** The largest request body in bytes, when a route takes more than the app's 1 MiB (a file in base64). */
  bodyLimit?: number;
  /** The answer's schema (from the shared contract): what the handler returns is parsed with it before it is sent. */
  response?: z.ZodType;
  /** The fields' labels (from the shared contract): a 400 names each field as the form does, in the request's language. */
  labels?: FieldLabels;
  handler: (input: HandlerInput<P, Q, A, B>) => Promise<unknown>;
}

/** A route's own part when its method, path and schemas come from a shared endpoint. */
export interface EndpointRoute<P extends Permission, Q extends Schema, A extends Schema, B extends Schema, R extends z.ZodType> {
  permission: P;
  rateLimit?: RouteDefinition['rateLimit'];
  bodyLimit?: number;
  /** Returns what the endpoint's response schema accepts (checked by the compiler, and parsed at run time). */
  handler: (input: HandlerInput<P, Q, A, B>) => Promise<z.input<R> | Redirect>;
}

/**
 * Declares the route of a shared endpoint (src/shared/<module>/): method, path, request and response schemas and
 * labels come from the contract, the permission and the handler from the module.
 */
export function routeFor<P extends Permission, Q extends Schema, A extends Schema, B extends Schema, R extends z.ZodType>(
  endpoint: Endpoint<Q, A, B, R>,
  route: EndpointRoute<P, Q, A, B, R>,
): RouteDefinition {
  return {
    method: endpoint.method,
    url: endpoint.path,
    permission: route.permission,
    schema: { querystring: endpoint.query, params: endpoint.params, body: endpoint.body },
    response: endpoint.response,
    labels: endpoint.labels ?? {},
    ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}),
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    handler: route.handler,
  } as unknown as RouteDefinition;
}

/** What route handlers may use besides the request. */
export interface RouteDeps {
  database: Database;
  auth: AuthConfig;
  clock: () => Date;
}

/** A handler's answer that is a redirect: sent after the transaction commits (a new session must exist first). */
export class Redirect {
  constructor(readonly url: string) {}
}

/** Declares a route; `permission` is required (a Permission, or 'public'). */
export function defineRoute<P extends Permission, Q extends Schema = undefined, A extends Schema = undefined, B extends Schema = undefined>(
  route: RouteDefinition<P, Q, A, B>,
): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Registers declared routes on the app, each behind the platform's request pipeline. */
export function mountRoutes(app: FastifyInstance, deps: RouteDeps, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      config: {
        permission: route.permission,
        schema: route.schema,
        response: route.response,
        labels: route.labels,
        ...(route.rateLimit ? { rateLimit: route.rateLimit } : {}),
      },
      handler: async (req, reply) => {
        // Only public routes (the knowledge bank, health) may be cached; everything behind a session may carry
        // personal data. A handler may still set its own header (public exports set theirs).
        if (route.permission !== 'public') reply.header('cache-control', 'no-store');
        const ctx: RequestContext = { requestId: req.id, ip: req.ip, now: deps.clock(), actor: null };
        const outcome = await deps.database.db.transaction(async (tx): Promise<{ ok: unknown } | { error: HttpError }> => {
          try {
            ctx.actor = await authenticate(tx, req, reply, ctx.now, deps.auth, route.permission !== 'public');
            checkCsrf(req);
            if (ctx.actor && !actorCan(ctx.actor, route.permission)) {
              await logAccess(tx, ctx, { action: route.permission, purpose: 'behörighetskontroll', outcome: 'denied' });
              throw forbidden();
            }
            const options = { labels: route.labels, language: requestLanguage(req) };
            refuseMalformedQuery(req.url);
            refuseHostileInput(req.query, 'query', options);
            refuseHostileInput(req.params, 'params', options);
            refuseHostileInput(req.body, 'body', options);
            const query = route.schema?.querystring ? validate(route.schema.querystring, req.query, 'query', options) : undefined;
            const params = route.schema?.params ? validate(route.schema.params, req.params, 'params', options) : undefined;
            const body = route.schema?.body ? validate(route.schema.body, req.body, 'body', options) : undefined;
            const answer = await route.handler({ query, params, body, ctx: ctx as ActorContext, tx, req, reply, deps });
            return { ok: route.response && !(answer instanceof Redirect) ? checkedResponse(route.response, answer) : answer };
          } catch (error) {
            // Handled refusals commit, so their access-log rows stay; anything else rolls back.
            if (error instanceof HttpError) return { error };
            throw error;
          }
        });
        if ('error' in outcome) {
          const { error } = outcome;
          if (error.statusCode >= 400) reply.header('cache-control', 'no-store');
          return reply.code(error.statusCode).send({ error: error.message, ...error.body });
        }
        if (outcome.ok instanceof Redirect) return reply.redirect(outcome.ok.url, 302);
        // A kept answer (platform/read-cache.ts) is the same object each time: its JSON is built and compressed once.
        if (isKeptAnswer(outcome.ok)) return sendKeptAnswer(req, reply, outcome.ok);
        return reply.send(outcome.ok ?? { ok: true });
      },
    });
  }
}

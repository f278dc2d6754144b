/**
 * Structured logs (pino) that carry no personal data: request logs name method, route pattern,
 * status and request id — never the URL's query string, bodies or headers.
 */
import type { FastifyServerOptions } from 'fastify';

/** Fastify's logger options for the configured level. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url,
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

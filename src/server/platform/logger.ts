/**
 * Structured logs (pino) that carry no personal data: request logs name method, route pattern,
 * status and request id — never the URL's query string, bodies or headers. Logs go to stderr:
 * stdout belongs to the CLI's own output (`fullfolj start --json`).
 */
import type { FastifyServerOptions } from 'fastify';

/** Fastify's logger options for the configured level. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    stream: process.stderr,
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

/**
 * Structured logs (pino) that carry no personal data: request logs name method, route pattern,
 * status and request id — never the URL's query string, bodies or headers. Logs go to stderr:
 * stdout belongs to the CLI's own output (`fullfolj start --json`). Errors are logged by kind, code and query
 * shape only (error-kinds.ts): a database error's message and parameters can hold a personnummer or a note.
 */
import type { FastifyServerOptions } from 'fastify';
import { describeError } from './error-kinds.ts';

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
      // Fastify types this serializer as returning message and stack; ours deliberately returns neither.
      err: describeError as never,
      error: describeError as never,
    },
  };
}

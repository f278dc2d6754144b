/**
 * The HTTP server: the JSON API under /api (and, with the web shell, the built app).
 * Built by a function so tests run it with inject() and no socket.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/client.ts';
import type { Config } from './platform/config.ts';
import { loggerOptions } from './platform/logger.ts';
import { summarizeDatabase } from './platform/summary.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'logLevel'>;
}

/** Creates the Fastify app with every route registered; the caller listens or injects. */
export async function buildApp({ database, config }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: loggerOptions(config.logLevel), requestIdHeader: false });

  app.get('/api/health', async () => {
    const summary = await summarizeDatabase(database.db);
    return { status: 'ok', database: database.kind, ...summary };
  });

  return app;
}

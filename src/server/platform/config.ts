/** Configuration from the environment, read in one place. */
import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL server URL; when absent, the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and other local state. */
  dataDir: string;
  port: number;
  /** Listen address; loopback unless the operator opens it up. */
  host: string;
  logLevel: string;
}

/** Reads the configuration; `env` is a parameter so that tests can pass their own. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT måste vara ett portnummer (0–65535), inte "${env.PORT}".`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FULLFOLJ_DATA_DIR ?? './data'),
    port,
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** Starts and stops a throwaway PostgreSQL server through scripts/postgres-server.sh (shared with .ci/run). */
import { execFileSync } from 'node:child_process';

export interface TemporaryServer { url: string; stop(): void }

/** Starts a server on a free loopback port; call `stop()` at the end. */
export function startTemporaryPostgres(): TemporaryServer {
  const out = execFileSync('bash', ['-c', 'source scripts/postgres-server.sh && pg_start >&2 && echo "$DATABASE_URL $PG_DIR"'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const [url, dir] = out.split(' ');
  if (!url || !dir) throw new Error('PostgreSQL-servern kunde inte startas (could not start PostgreSQL).');
  return {
    url,
    stop: () => execFileSync('bash', ['-c', `source scripts/postgres-server.sh && PG_DIR=${JSON.stringify(dir)} pg_stop`], { stdio: 'inherit' }),
  };
}

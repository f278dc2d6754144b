/**
 * A throwaway PostgreSQL server for `npm run bench -- --postgres`, started and stopped by the same
 * shell functions as .ci/run (scripts/postgres-server.sh), so that the two never drift apart.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/postgres-server.sh', import.meta.url));

export interface TemporaryServer {
  url: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

/** Starts a server on a free loopback port (installing PostgreSQL first when it is missing). */
export function startTemporaryPostgres(): TemporaryServer {
  let out: string;
  try {
    out = execFileSync('bash', ['-c', 'source "$0" && pg_start >&2 && echo "$DATABASE_URL $PG_DIR"', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  } catch {
    throw new Error('PostgreSQL-servern kunde inte startas (could not start a temporary PostgreSQL server).');
  }
  const [url, dir] = out.split(' ');
  if (!url || !dir) throw new Error('PostgreSQL-servern kunde inte startas (could not start a temporary PostgreSQL server).');
  let stopped = false;
  return {
    url,
    stop() {
      if (stopped) return;
      stopped = true;
      execFileSync('bash', ['-c', 'source "$0" && PG_DIR="$1" pg_stop', script, dir], { stdio: 'inherit' });
    },
  };
}

/**
 * Health: `GET /api/health` (public aggregate counts), `GET /api/health/ready` (the database answers, its migrations
 * are this code's, and the nightly jobs' last runs — 503 when not ready) and `GET /api/health/live` (the process
 * answers; no database, so an orchestrator does not restart a server whose database is away).
 */
import type { FastifyInstance } from 'fastify';
import { healthApi, type Readiness } from '../../shared/health/contract.ts';
import type { DbOrTx } from '../db/client.ts';
import { appliedMigrations, codeMigrations } from '../db/schema-version.ts';
import { desc } from 'drizzle-orm';
import { jobRuns } from '../db/schema/index.ts';
import { routeFor, type RouteDefinition } from './routes.ts';
import { summarizeDatabase } from './summary.ts';

/** A nightly job not finished for this long needs a look (a night missed, with margin). */
export const staleAfterHours = 36;

/** The readiness answer for a database at `now`. */
export async function readinessOf(db: DbOrTx, engine: Readiness['database'], now: Date): Promise<Readiness> {
  const known = codeMigrations();
  const applied = await appliedMigrations(db);
  const current = applied.length === known.length && known.every((m, i) => applied[i] === m.when);
  const last = await db.selectDistinctOn([jobRuns.job]).from(jobRuns).orderBy(jobRuns.job, desc(jobRuns.startedAt));
  const jobs = last.map((run) => ({
    job: run.job,
    outcome: run.outcome,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    hoursAgo: Math.max(0, Math.round((now.getTime() - Date.parse(run.startedAt)) / 360_000) / 10),
    progress: run.outcome === 'running' ? stepsOf(run.counts) : null,
  }));
  const attention = jobs.some((j) => j.outcome === 'failed' || (j.outcome !== 'running' && j.hoursAgo > staleAfterHours));
  return {
    status: current ? 'ready' : 'not-ready',
    database: engine,
    migrations: { known: known.length, applied: applied.length, current },
    jobs,
    attention,
    staleAfterHours,
  };
}

/** A running job's `{ done, total }` from its counts, when it records them (src/ingest/demo/background.ts does). */
function stepsOf(counts: Record<string, unknown>): { done: number; total: number } | null {
  const { done, total } = counts;
  return Number.isInteger(done) && Number.isInteger(total) && (done as number) >= 0 && (total as number) >= (done as number)
    ? { done: done as number, total: total as number }
    : null;
}

export function healthRoutes(): RouteDefinition[] {
  return [
    routeFor(healthApi.check, {
      permission: 'public',
      async handler({ tx, deps }) {
        const summary = await summarizeDatabase(tx);
        return { status: 'ok' as const, database: deps.database.kind, ...summary };
      },
    }),
    routeFor(healthApi.ready, {
      permission: 'public',
      async handler({ tx, deps, reply }) {
        const answer = await readinessOf(tx, deps.database.kind, deps.clock());
        if (answer.status !== 'ready') reply.code(503);
        return answer;
      },
    }),
  ];
}

/** Liveness without the request pipeline's transaction: the process answers, whatever the database does. */
export function mountLiveness(app: FastifyInstance): void {
  app.get('/api/health/live', { config: { permission: 'public' } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'live' };
  });
}

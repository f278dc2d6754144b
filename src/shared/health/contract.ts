/**
 * The health check: public, no personal data — the engine and aggregate counts, for load balancers, monitoring and
 * `npm start`'s summary. One contract for the server's route and anyone who reads it.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';

const count = z.number().int().nonnegative();

export const health = z.strictObject({
  status: z.literal('ok'),
  /** Which engine answers: the embedded PGlite or a PostgreSQL server. */
  database: z.enum(['pglite', 'postgres']),
  organisers: count,
  schoolUnits: count,
  /** Persons with an enrolment (every tenant: the same person at two organisers counts twice). */
  students: count,
});
export type Health = z.output<typeof health>;

/** The last run of one nightly job (from `job_runs`): outcome and age, never its counts. */
const jobState = z.strictObject({
  job: z.string(),
  outcome: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Hours since the run started, one decimal. */
  hoursAgo: z.number().nonnegative(),
  /** While a job that reports its steps runs (the demo's background seeding): steps done of how many; else null. */
  progress: z.strictObject({ done: count, total: count }).nullable(),
});

/** Ready to serve: the database answered and its migrations are those of this code; the nightly jobs' last runs. */
export const readiness = z.strictObject({
  status: z.enum(['ready', 'not-ready']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.strictObject({ known: count, applied: count, current: z.boolean() }),
  jobs: z.array(jobState),
  /** A job's last run failed, or none has finished within `staleAfterHours`: the server serves, somebody should look. */
  attention: z.boolean(),
  staleAfterHours: count,
});
export type Readiness = z.output<typeof readiness>;

export const healthApi = {
  /** The server answers and its database can be read. */
  check: endpoint({ method: 'GET', path: '/api/health', response: health }),
  /** Readiness for a load balancer or orchestrator: 200 when ready, 503 when not (liveness: GET /api/health/live). */
  ready: endpoint({ method: 'GET', path: '/api/health/ready', response: readiness }),
} as const;

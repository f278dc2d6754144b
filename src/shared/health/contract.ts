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

export const healthApi = {
  /** The server answers and its database can be read. */
  check: endpoint({ method: 'GET', path: '/api/health', response: health }),
} as const;

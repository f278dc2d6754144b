/**
 * Failed sign-ins per username and client, shared by every server process on the database. Tenant-free like
 * `sessions` (sign-in happens before a tenant is known); it holds no username in clear, only
 * sha256(lower(username) + client IP), and rows idle for a day are pruned whenever one is written.
 */
import { char, index, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

/** One (username, client) pair with failed sign-ins: how many since its last success, and when the last was. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    /** sha256 hex of the lower-cased username and the client IP. */
    key: char('key', { length: 64 }).primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sign_in_failures_last_failure_idx').on(t.lastFailureAt)],
);

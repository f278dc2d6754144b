/**
 * Failed sign-ins (tenant-free, hashes only): a day after the last failure, as the throttle itself prunes on every
 * write (src/server/modules/auth/sign-in-throttle.ts); the nightly run catches rows no later failure pruned.
 */
import { sql } from 'drizzle-orm';
import type { RuleSql } from '../rule.ts';

export const signInFailuresRule: RuleSql = {
  targets(_tenantId, cutoff) {
    return [{ table: 'sign_in_failures', where: sql`last_failure_at < ${cutoff}::timestamptz` }];
  },
};

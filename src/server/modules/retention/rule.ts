/**
 * What a retention rule does in the database: the rows it removes, table by table in deletion order (children before
 * their parents, so a count taken before any deletion equals what the deletion removes), and the hooks a rule needs
 * around them (a guarded table's `SET LOCAL`, a row in the access log).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';

/** One table's rows past the cutoff: `where` is the whole predicate, the tenant included. */
export interface Target {
  table: string;
  where: SQL;
}

export interface RuleSql {
  /** The rows to delete for one organiser (null for an installation-wide rule), older than `cutoff` (YYYY-MM-DD). */
  targets(tenantId: string | null, cutoff: string): Target[];
  /** Runs before the deletions in the rule's transaction (never on a dry run). */
  prepare?(tx: DbOrTx): Promise<void>;
  /** Runs after them, with what was deleted per table. */
  after?(tx: DbOrTx, tenantId: string | null, cutoff: string, counts: Record<string, number>): Promise<void>;
}

/** `tenant_id = $tenant` for a rule's predicates. */
export const ofTenant = (tenantId: string | null): SQL => sql`tenant_id = ${tenantId}::uuid`;

/**
 * The access log, the one guarded path out of it (migration 0013): the transaction sets
 * `fullfolj.access_log_retention` for itself, the database still refuses any row younger than a year, UPDATE and
 * TRUNCATE stay refused, and the deletion itself is written to the log (the count and the cutoff, never contents).
 */
import { sql } from 'drizzle-orm';
import { accessLog } from '../../../db/schema/index.ts';
import { ofTenant, type RuleSql } from '../rule.ts';

/** The access-log action of the retention job's own row. */
export const accessLogRetentionAction = 'retention.access-log';

export const accessLogRule: RuleSql = {
  targets(tenantId, cutoff) {
    // Never past the database's own floor (a row younger than a year refuses DELETE and would fail the whole rule):
    // the cutoff is a Swedish date, which around midnight can lie ahead of the server's clock a year back.
    return [
      { table: 'access_log', where: sql`${ofTenant(tenantId)} AND at < least(${cutoff}::date::timestamptz, now() - interval '1 year')` },
    ];
  },
  async prepare(tx) {
    await tx.execute(sql`SET LOCAL fullfolj.access_log_retention = 'on'`);
  },
  async after(tx, tenantId, cutoff, counts) {
    await tx.execute(sql`SET LOCAL fullfolj.access_log_retention = 'off'`);
    const n = counts.access_log ?? 0;
    if (tenantId === null || n === 0) return;
    await tx.insert(accessLog).values({
      tenantId,
      requestId: `retention-${cutoff}`,
      action: accessLogRetentionAction,
      purpose: `gallring enligt huvudmannens regel: ${n} rader före ${cutoff}`,
      outcome: 'allowed',
    });
  },
};

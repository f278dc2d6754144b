/**
 * The one writer of the access log. Every read of personal data and every denial goes through it,
 * in the request's transaction, so that the entry and what it records stand or fall together.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { accessLog, noTenant } from '../db/schema/index.ts';
import type { RequestContext } from './context.ts';

export interface AccessEntry {
  /** What was done, e.g. 'students.list', 'students.read', 'auth.sign-in'. */
  action: string;
  /** The persons whose data was read (or would have been). */
  subjectIds?: readonly string[];
  /** Why: the purpose of the processing, in Swedish. */
  purpose: string;
  outcome: 'allowed' | 'denied';
  /** The organiser whose data it concerns; defaults to the actor's tenant, else the nil tenant. */
  tenantId?: string;
  /** The account, when no actor is signed in yet (sign-in). */
  accountId?: string | null;
}

/** Appends one access-log row. */
export async function logAccess(tx: DbOrTx, ctx: RequestContext, entry: AccessEntry): Promise<void> {
  await tx.insert(accessLog).values(accessRow(ctx, entry));
}

/**
 * Runs `query` and appends its access-log row in the SAME statement (a data-modifying CTE): one round trip instead of
 * two, and the row records exactly what the statement read. The row's subjects are the result's `id` column (one row
 * per person), in the result's order; `orderBy` orders the result, since a CTE's own ORDER BY is not the statement's.
 */
export async function readLogged<T extends Record<string, unknown>>(
  tx: DbOrTx,
  ctx: RequestContext,
  entry: Omit<AccessEntry, 'subjectIds'>,
  query: SQL,
  orderBy: SQL,
): Promise<T[]> {
  // INSERT … SELECT with an aggregate, not VALUES with a subquery: the same row, in a shape Citus also runs. Each column
  // beside its value, so the two lists cannot drift apart.
  const row = accessRow(ctx, entry);
  const written: [{ name: string }, SQL][] = [
    [accessLog.tenantId, sql`${row.tenantId}::uuid`],
    [accessLog.at, sql`${row.at}::timestamptz`],
    [accessLog.requestId, sql`${row.requestId}::text`],
    [accessLog.accountId, sql`${row.accountId}::uuid`],
    [accessLog.role, sql`${row.role}::text`],
    [accessLog.unit, sql`${row.unit}::text`],
    [accessLog.action, sql`${row.action}::text`],
    [accessLog.purpose, sql`${row.purpose}::text`],
    [accessLog.outcome, sql`${row.outcome}::text`],
    [accessLog.ip, sql`${row.ip}::text`],
    [accessLog.subjectIds, sql`coalesce(array_agg(id ORDER BY ${orderBy}), '{}')::uuid[]`],
  ];
  const insert = sql`INSERT INTO ${accessLog} (${sql.join(
    written.map(([c]) => sql.identifier(c.name)),
    sql`, `,
  )}) SELECT ${sql.join(
    written.map(([, v]) => v),
    sql`, `,
  )} FROM result`;
  return queryRows<T>(tx, sql`WITH result AS (${query}), logged AS (${insert}) SELECT * FROM result ORDER BY ${orderBy}`);
}

/** The row `logAccess` and `readLogged` write: who (account, roles, units), what, about whom, why, and the outcome. */
function accessRow(ctx: RequestContext, entry: AccessEntry) {
  const actor = ctx.actor;
  const assignments = actor?.assignments ?? [];
  const units = [...new Set(assignments.flatMap((a) => a.unitIds))];
  return {
    tenantId: entry.tenantId ?? actor?.tenantId ?? noTenant,
    at: ctx.now.toISOString(),
    requestId: ctx.requestId,
    accountId: actor?.accountId ?? entry.accountId ?? null,
    role: assignments.length ? [...new Set(assignments.map((a) => a.role))].join(',') : null,
    unit: units.length ? units.join(',') : null,
    action: entry.action,
    subjectIds: [...new Set(entry.subjectIds ?? [])],
    purpose: entry.purpose,
    outcome: entry.outcome,
    ip: ctx.ip,
  };
}

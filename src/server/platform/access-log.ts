/**
 * The one writer of the access log. Every read of personal data and every denial goes through it,
 * in the request's transaction, so that the entry and what it records stand or fall together.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, queryText, type DbOrTx } from '../db/client.ts';
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
  const insert = insertSelect(accessRow(ctx, entry), sql`coalesce(array_agg(id ORDER BY ${orderBy}), '{}')::uuid[]`, sql`FROM result`);
  return queryRows<T>(tx, sql`WITH result AS (${query}), logged AS (${insert}) SELECT * FROM result ORDER BY ${orderBy}`);
}

/**
 * Appends the access-log row only if the organiser's data version (db/schema/data-versions.ts) is still `stamp` when the
 * statement runs, and says whether it did: a read answered from memory (platform/read-cache.ts) checks that what it
 * remembers is current in the same statement that logs it, so the check costs no round trip of its own. The statement's
 * text is fixed and its values bound, so it is parsed and planned once per connection (`queryText`).
 */
export async function logAccessIfUnchanged(tx: DbOrTx, ctx: RequestContext, entry: AccessEntry, stamp: string | null): Promise<boolean> {
  const row = accessRow(ctx, entry);
  const values: unknown[] = columns.map(([, , value]) => value(row));
  values.push(`{${row.subjectIds.join(',')}}`, stamp);
  const rows = await queryText(tx, logIfUnchanged, values);
  return rows.length > 0;
}

type AccessRow = ReturnType<typeof accessRow>;

/** What an access-log row is written from: each column beside its type and value, so the lists cannot drift apart. */
const columns: [{ name: string }, string, (row: AccessRow) => unknown][] = [
  [accessLog.tenantId, 'uuid', (r) => r.tenantId],
  [accessLog.at, 'timestamptz', (r) => r.at],
  [accessLog.requestId, 'text', (r) => r.requestId],
  [accessLog.accountId, 'uuid', (r) => r.accountId],
  [accessLog.role, 'text', (r) => r.role],
  [accessLog.unit, 'text', (r) => r.unit],
  [accessLog.action, 'text', (r) => r.action],
  [accessLog.purpose, 'text', (r) => r.purpose],
  [accessLog.outcome, 'text', (r) => r.outcome],
  [accessLog.ip, 'text', (r) => r.ip],
];
const names = [...columns.map(([c]) => `"${c.name}"`), `"${accessLog.subjectIds.name}"`].join(', ');
const bound = columns.map(([, type], i) => `$${i + 1}::${type}`).join(', ');
const logIfUnchanged = `INSERT INTO "access_log" (${names}) SELECT ${bound}, $${columns.length + 1}::uuid[]
  WHERE (SELECT stamp FROM data_versions WHERE tenant_id = $1::uuid) IS NOT DISTINCT FROM $${columns.length + 2}::uuid RETURNING 1 AS logged`;

/**
 * INSERT … SELECT of one access-log row, `subjects` an expression over the statement's rows. INSERT … SELECT with an
 * aggregate, not VALUES with a subquery: the same row, in a shape Citus also runs.
 */
function insertSelect(row: AccessRow, subjects: SQL, rest: SQL): SQL {
  return sql`INSERT INTO ${accessLog} (${sql.raw(names)}) SELECT ${sql.join(
    columns.map(([, type, value]) => sql`${value(row)}::${sql.raw(type)}`),
    sql`, `,
  )}, ${subjects} ${rest}`;
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

/**
 * The one writer of the access log. Every read of personal data and every denial goes through it,
 * in the request's transaction, so that the entry and what it records stand or fall together.
 */
import type { DbOrTx } from '../db/client.ts';
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
  const actor = ctx.actor;
  const assignments = actor?.assignments ?? [];
  const units = [...new Set(assignments.flatMap((a) => a.unitIds))];
  await tx.insert(accessLog).values({
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
  });
}

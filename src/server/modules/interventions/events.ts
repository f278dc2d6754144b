/**
 * The one writer of a case's history (`case_events`): every change to a case, its interventions, follow-ups and notes
 * goes through `recordCaseEvent` in the same transaction as the change. A sensitive note's text never enters an event.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { caseEvents } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';

export type CaseEventKind =
  | 'case-opened'
  | 'case-updated'
  | 'case-closed'
  | 'case-reopened'
  | 'intervention-added'
  | 'intervention-updated'
  | 'follow-up-added'
  | 'follow-up-done'
  | 'note-added'
  | 'action-programme-saved';

export interface CaseEvent {
  tenantId: string;
  caseId: string;
  studentId: string;
  kind: CaseEventKind;
  /** The intervention, follow-up or note concerned. */
  entityId?: string | null;
  /** The team meeting whose decision this was. */
  meetingId?: string | null;
  /** field → [before, after]; for an addition, the added values as [null, value]. */
  changes?: Record<string, [unknown, unknown]>;
}

/** Appends one event, at the request's time (after the case's latest event), by the request's account (or `accountId` for jobs without a request). */
export async function recordCaseEvent(
  tx: DbOrTx,
  ctx: Pick<RequestContext, 'now' | 'actor'>,
  event: CaseEvent,
  accountId?: string,
): Promise<void> {
  const by = accountId ?? ctx.actor?.accountId;
  if (!by) throw new Error('recordCaseEvent: no account to record the change under');
  // At the request's time, but strictly after the case's previous event, so that the history has one order even when
  // several changes share a request (an intervention added and the case planned) or a clock. INSERT … SELECT rather than
  // a subquery in VALUES, which a distributed engine (Citus) refuses; the aggregate gives one row even for a new case.
  await tx.execute(sql`
    INSERT INTO ${caseEvents} (tenant_id, case_id, student_id, at, account_id, kind, entity_id, meeting_id, changes)
    SELECT ${event.tenantId}::uuid, ${event.caseId}::uuid, ${event.studentId}::uuid,
           GREATEST(${ctx.now.toISOString()}::timestamptz, max(e.at) + interval '1 microsecond'),
           ${by}::uuid, ${event.kind}, ${event.entityId ?? null}::uuid, ${event.meetingId ?? null}::uuid,
           ${JSON.stringify(event.changes ?? {})}::jsonb
      FROM ${caseEvents} e WHERE e.tenant_id = ${event.tenantId}::uuid AND e.case_id = ${event.caseId}::uuid`);
}

/** The fields of `after` that differ from `before`, as field → [before, after]. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) changes[k] = [before[k] ?? null, v];
  }
  return changes;
}

/** Access-log rows written as `logAccess` would, e.g. an action or role the labels do not know (the table is append-only). */
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { accessLog } from '../../../src/server/db/schema/index.ts';

/** Appends one access-log row (purpose 'test', no account, role or subjects unless told). */
export async function addAccessLogRow(
  db: DbOrTx,
  r: {
    tenantId: string;
    at?: string;
    requestId: string;
    accountId?: string | null;
    role?: string | null;
    action: string;
    subjectIds?: string[];
    purpose?: string;
    outcome: 'allowed' | 'denied';
  },
): Promise<void> {
  await db.insert(accessLog).values({
    tenantId: r.tenantId,
    ...(r.at ? { at: r.at } : {}),
    requestId: r.requestId,
    accountId: r.accountId ?? null,
    role: r.role ?? null,
    action: r.action,
    subjectIds: r.subjectIds ?? [],
    purpose: r.purpose ?? 'test',
    outcome: r.outcome,
  });
}

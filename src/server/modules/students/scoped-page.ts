/**
 * A page of the actor's students (the student list, the worklist): refused and logged as a denial without a scope,
 * else answered from memory while the organiser's data is unchanged or read with its access-log row in one statement
 * (platform/read-cache.ts; docs/scaling.md, *Reads answered from memory*).
 */
import type { SQL } from 'drizzle-orm';
import type { Permission } from '../../../shared/access/permissions.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { logAccess, readLogged } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { cachedRead } from '../../platform/read-cache.ts';
import { hasStudentScope, scopeStudentsQuery } from './policy.ts';

export interface ScopedPage<T> {
  /** The access-log action, also the kind of read the memory keeps apart. */
  action: string;
  permission: Permission;
  purpose: string;
  /** The validated query: part of what a kept page is kept by. */
  query: unknown;
  /** The page's statement, given the actor's organiser, scope and day; `readLogged` runs it with the log row. */
  statement: (at: { tenantId: string; scope: SQL; asOf: string }) => { query: SQL; orderBy: SQL };
  /** What to do after a fresh read, in its transaction (e.g. bring statistics up to date). */
  afterRead?: (rows: T[], tenantId: string) => Promise<void>;
}

/** The page's rows (one per student, by `id`) and the organiser they are of, or a 403 with a denied access-log row. */
export async function readScopedPage<T extends Record<string, unknown> & { id: string }>(
  request: { ctx: ActorContext; tx: DbOrTx; deps: { database: Database } },
  page: ScopedPage<T>,
): Promise<{ rows: T[]; tenantId: string }> {
  const { ctx, tx } = request;
  const actor = ctx.actor;
  if (!hasStudentScope(actor, page.permission)) {
    await logAccess(tx, ctx, { action: page.action, purpose: page.purpose, outcome: 'denied' });
    throw forbidden();
  }
  const tenantId = actor.tenantId;
  const asOf = dateOf(ctx.now);
  const entry = { action: page.action, purpose: page.purpose, outcome: 'allowed' as const };
  const rows = await cachedRead<T>(tx, ctx, {
    database: request.deps.database,
    tenantId,
    asOf,
    query: page.query,
    entry,
    read: async () => {
      const scope = scopeStudentsQuery(actor, { asOf, permission: page.permission });
      if (!scope) throw forbidden(); // hasStudentScope said there is one: never reached
      const { query, orderBy } = page.statement({ tenantId, scope, asOf });
      const rows = await readLogged<T>(tx, ctx, entry, query, orderBy);
      await page.afterRead?.(rows, tenantId);
      return rows;
    },
  });
  return { rows, tenantId };
}

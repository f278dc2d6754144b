/** Accounts and role assignments after `createDemoAccounts`: a renamed or disabled account, a role's units, a staff person. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { accounts, roleAssignments } from '../../../src/server/db/schema/index.ts';

/** Changes an account found by its username: display name, username (e.g. an e-mail address) or disabled. */
export async function updateAccount(
  db: DbOrTx,
  username: string,
  patch: { displayName?: string; username?: string; disabled?: boolean },
): Promise<void> {
  const updated = await db.update(accounts).set(patch).where(eq(accounts.username, username)).returning({ id: accounts.id });
  if (updated.length !== 1) throw new Error(`no account ${username}`);
}

/** Sets the school units of an account's role assignments (of one role when given) in a tenant. */
export async function setRoleUnits(
  db: DbOrTx,
  a: { tenantId: string; accountId: string; role?: string; unitIds: readonly string[] },
): Promise<void> {
  await db
    .update(roleAssignments)
    .set({ unitIds: [...a.unitIds] })
    .where(
      and(
        eq(roleAssignments.tenantId, a.tenantId),
        eq(roleAssignments.accountId, a.accountId),
        a.role === undefined ? undefined : eq(roleAssignments.role, a.role),
      ),
    );
}

/** Links an account's role assignments in a tenant to its SS 12000 staff person. */
export async function linkStaffPerson(db: DbOrTx, a: { tenantId: string; accountId: string; personId: string }): Promise<void> {
  await db
    .update(roleAssignments)
    .set({ personId: a.personId })
    .where(and(eq(roleAssignments.tenantId, a.tenantId), eq(roleAssignments.accountId, a.accountId)));
}

/** Removes an account's role assignments in a tenant (of one role when given): the role is taken away. */
export async function removeRoles(db: DbOrTx, a: { tenantId: string; accountId: string; role?: string }): Promise<void> {
  await db
    .delete(roleAssignments)
    .where(
      and(
        eq(roleAssignments.tenantId, a.tenantId),
        eq(roleAssignments.accountId, a.accountId),
        a.role === undefined ? undefined : eq(roleAssignments.role, a.role),
      ),
    );
}

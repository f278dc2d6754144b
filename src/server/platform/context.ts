/** The request context: who acts (account, tenant, role assignments), request id, ip and time. */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { accounts, roleAssignments } from '../db/schema/index.ts';
import { grants, roleNames, type Role } from '../../shared/access/roles.ts';
import type { Permission } from '../../shared/access/permissions.ts';

/** A role an account holds at one organiser, with its scope data. */
export interface RoleAssignment {
  tenantId: string;
  id: string;
  role: Role;
  personId: string | null;
  unitIds: string[];
  municipalityCode: string | null;
  /** The region of a region-aggregates role. */
  regionId: string | null;
}

/** The signed-in account acting in one tenant (organiser). */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  /** The organiser the actor works in: the tenant of their first role assignment; null with no assignment. */
  tenantId: string | null;
  /** Role assignments in `tenantId` only. */
  assignments: RoleAssignment[];
}

export interface RequestContext {
  requestId: string;
  ip: string;
  now: Date;
  actor: Actor | null;
}

/** The context of a route that requires a session. */
export interface ActorContext extends RequestContext {
  actor: Actor;
}

/** An account as the actor needs it. */
export interface ActorAccount {
  id: string;
  username: string;
  displayName: string;
}

/** A role_assignments row as the actor needs it (every row of the account, any tenant, any role name). */
export type AssignmentRow = Omit<RoleAssignment, 'role'> & { role: string };

/**
 * The actor of an enabled account from its role assignments, ordered by creation (then tenant, id): the tenant is the
 * first assignment's, and only that tenant's assignments of known roles count.
 */
export function actorFrom(account: ActorAccount, rows: readonly AssignmentRow[]): Actor {
  // One active tenant per request; an organiser switcher can choose among several later.
  const tenantId = rows[0]?.tenantId ?? null;
  const assignments = rows
    .filter((r) => r.tenantId === tenantId && (roleNames as string[]).includes(r.role))
    .map((r) => ({
      tenantId: r.tenantId,
      id: r.id,
      role: r.role as Role,
      personId: r.personId,
      unitIds: r.unitIds,
      municipalityCode: r.municipalityCode,
      regionId: r.regionId,
    }));
  return { accountId: account.id, username: account.username, displayName: account.displayName, tenantId, assignments };
}

/** Loads an enabled account with its role assignments, or null. */
export async function loadActor(db: DbOrTx, accountId: string): Promise<Actor | null> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.disabled, false)));
  if (!account) return null;
  const rows = await db
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.tenantId), asc(roleAssignments.id));
  return actorFrom(account, rows);
}

/** The roles the actor holds in their tenant. */
export const heldRoles = (actor: Actor): Role[] => [...new Set(actor.assignments.map((a) => a.role))];

/** True when the actor may do what `permission` guards; every signed-in account has `session.self`. */
export function actorCan(actor: Actor, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session.self') return true;
  return grants(heldRoles(actor), permission);
}

/** The actor's assignments whose role grants `permission`: the ones whose scopes apply. */
export function assignmentsGranting(actor: Actor, permission: Permission): RoleAssignment[] {
  return actor.assignments.filter((a) => grants([a.role], permission));
}

/** Every permission the actor holds: their abilities, for the UI. */
export function abilitiesOf(actor: Actor, all: readonly Permission[]): Permission[] {
  return all.filter((p) => p !== 'public' && actorCan(actor, p));
}

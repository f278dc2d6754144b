/**
 * Sessions: a random 256-bit token in an httpOnly cookie; the database keeps only its sha256, so a
 * leaked table signs nobody in. Sessions end after an idle period and at an absolute expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';
import type { AuthConfig } from './config.ts';
import type { ActorAccount, AssignmentRow } from './context.ts';

export const sessionCookie = 'fullfolj_session';

/** The stored id of a token. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session for `accountId`; returns the token for the cookie (never stored). */
export async function createSession(db: DbOrTx, accountId: string, now: Date, config: AuthConfig): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    accountId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  return token;
}

/**
 * The last-seen time is written at most this often: every request writing the same session row made concurrent
 * requests of one browser wait on each other's row lock (on PostgreSQL, until the earlier transaction committed), and
 * put a write into every read. A session may so expire up to this much before its idle limit, never after.
 */
export const touchEveryMs = 60_000;

/** A live session's account (null when disabled or gone) with every role assignment it holds, in creation order. */
export interface ResumedSession {
  account: ActorAccount | null;
  assignments: AssignmentRow[];
}

/**
 * `resumeSession` and the actor's load in ONE statement (one round trip instead of four): the session, touched when its
 * last-seen time is older than `touchEveryMs`, its enabled account and all the account's role assignments, read fresh on
 * every request (so a removed role or a disabled account counts at once). An idle or expired session is deleted. The
 * roles' subquery names the session by its id rather than by the outer row (a disabled account's roles are dropped
 * below): a distributed engine (Citus) refuses a subquery correlated with a row of a CTE, and role_assignments is a
 * tenant's table there while sessions and accounts are reference tables.
 */
export async function resumeSessionWithAccount(db: DbOrTx, token: string, now: Date, config: AuthConfig): Promise<ResumedSession | null> {
  const id = sessionIdOf(token);
  const at = now.toISOString();
  const idleCutoff = new Date(now.getTime() - config.sessionIdleMinutes * 60_000).toISOString();
  const touchBefore = new Date(now.getTime() - touchEveryMs).toISOString();
  const [row] = await queryRows<{
    alive: boolean;
    account_id: string;
    username: string | null;
    display_name: string | null;
    roles: AssignmentRow[];
  }>(
    db,
    sql`
    WITH s AS (SELECT account_id, last_seen_at > ${idleCutoff}::timestamptz AND expires_at > ${at}::timestamptz AS alive
                 FROM sessions WHERE id = ${id}),
    touched AS (UPDATE sessions SET last_seen_at = ${at}::timestamptz
                 WHERE id = ${id} AND last_seen_at < ${touchBefore}::timestamptz
                   AND last_seen_at > ${idleCutoff}::timestamptz AND expires_at > ${at}::timestamptz RETURNING 1)
    SELECT s.alive, s.account_id, a.username, a.display_name,
           coalesce((SELECT json_agg(json_build_object('tenantId', r.tenant_id, 'id', r.id, 'role', r.role, 'personId', r.person_id,
                       'unitIds', r.unit_ids, 'municipalityCode', r.municipality_code, 'regionId', r.region_id)
                       ORDER BY r.created_at, r.tenant_id, r.id)
                       FROM role_assignments r WHERE r.account_id = (SELECT account_id FROM sessions WHERE id = ${id})), '[]'::json) AS roles
      FROM s LEFT JOIN accounts a ON a.id = s.account_id AND NOT a.disabled`,
  );
  if (!row) return null;
  if (!row.alive) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const account = row.username === null ? null : { id: row.account_id, username: row.username, displayName: row.display_name ?? '' };
  return { account, assignments: account ? row.roles : [] };
}

/** Ends a session (sign-out). */
export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
}

/**
 * Sessions: a random 256-bit token in an httpOnly cookie; the database keeps only its sha256, so a
 * leaked table signs nobody in. Sessions end after an idle period and at an absolute expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';
import type { AuthConfig } from './config.ts';

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

/** The account of a live session, touching its last-seen time; an idle or expired session is deleted. */
export async function resumeSession(db: DbOrTx, token: string, now: Date, config: AuthConfig): Promise<string | null> {
  const id = sessionIdOf(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!session) return null;
  const idleLimit = new Date(session.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= idleLimit || now.getTime() >= new Date(session.expiresAt).getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  return session.accountId;
}

/** Ends a session (sign-out). */
export async function endSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionIdOf(token)));
}

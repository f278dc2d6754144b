/** Resolves the session cookie to an actor, and sets and clears the session cookies. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../db/client.ts';
import type { AuthConfig } from './config.ts';
import { actorFrom, type Actor } from './context.ts';
import { csrfCookie, newCsrfToken } from './csrf.ts';
import { unauthenticated } from './errors.ts';
import { resumeSessionWithAccount, sessionCookie } from './sessions.ts';

/** The actor of the request's session; with `required`, a missing or expired session is a 401. */
export async function authenticate(
  db: DbOrTx,
  req: FastifyRequest,
  reply: FastifyReply,
  now: Date,
  config: AuthConfig,
  required: boolean,
): Promise<Actor | null> {
  const token = req.cookies[sessionCookie];
  // One round trip: the session (touched), its enabled account and the account's role assignments, read fresh.
  const resumed = token ? await resumeSessionWithAccount(db, token, now, config) : null;
  const actor = resumed?.account ? actorFrom(resumed.account, resumed.assignments) : null;
  if (token && !actor) clearSessionCookies(reply, config);
  if (!actor && required) throw unauthenticated();
  return actor;
}

/** Sets the httpOnly session cookie and the readable CSRF cookie. */
export function setSessionCookies(reply: FastifyReply, token: string, config: AuthConfig): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, maxAge: config.sessionMaxHours * 3600 };
  reply.setCookie(sessionCookie, token, { ...base, httpOnly: true });
  reply.setCookie(csrfCookie, newCsrfToken(), { ...base, httpOnly: false });
}

/** Clears both session cookies. */
export function clearSessionCookies(reply: FastifyReply, config: AuthConfig): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies };
  reply.clearCookie(sessionCookie, { ...base, httpOnly: true });
  reply.clearCookie(csrfCookie, base);
}

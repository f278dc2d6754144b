/** Local sign-in: username + password (argon2id), one generic error whatever went wrong. */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { AuthConfig } from '../../platform/config.ts';
import { loadActor, type Actor, type RequestContext } from '../../platform/context.ts';
import { HttpError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import type { UsernameThrottle } from './username-throttle.ts';

export const signInFailed = 'Fel användarnamn eller lösenord';

/** Checks the credentials and starts a session; returns the actor and the cookie token. */
export async function signIn(
  tx: Tx, ctx: RequestContext, input: { username: string; password: string }, config: AuthConfig, throttle: UsernameThrottle,
): Promise<{ actor: Actor; token: string }> {
  const username = input.username.toLowerCase();
  const [account] = await tx.select().from(accounts).where(eq(sql`lower(${accounts.username})`, username));
  const known = account && !account.disabled ? await loadActor(tx, account.id) : null;
  const tenantId = known?.tenantId ?? undefined;
  if (throttle.isBlocked(username, ctx.now)) {
    await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'denied', accountId: account?.id, tenantId });
    throw new HttpError(429, 'För många misslyckade inloggningsförsök. Försök igen om en stund.');
  }
  const ok = await verifyPassword(known ? account?.passwordHash : null, input.password);
  if (!ok || !known) {
    throttle.recordFailure(username, ctx.now);
    await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'denied', accountId: account?.id, tenantId });
    throw new HttpError(401, signInFailed);
  }
  throttle.reset(username);
  const token = await createSession(tx, known.accountId, ctx.now, config);
  ctx.actor = known;
  await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'allowed' });
  return { actor: known, token };
}

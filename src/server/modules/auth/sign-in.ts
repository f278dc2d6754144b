/**
 * Local sign-in: username + password (argon2id), one generic error whatever went wrong. Failures slow down that
 * username from that client (sign-in-throttle.ts), answered before the password is checked.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { AuthConfig } from '../../platform/config.ts';
import { loadActor, type Actor, type RequestContext } from '../../platform/context.ts';
import { HttpError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import { clearFailures, lockAndCheck, recordFailure, SignInThrottled, throttleKey } from './sign-in-throttle.ts';

export const signInFailed = 'Fel användarnamn eller lösenord';

/**
 * Checks the credentials and starts a session; returns the actor and the cookie token. Throws `SignInThrottled`
 * (429) while this client must wait, and a 401 for any wrong username or password; both are logged as denied.
 */
export async function signIn(
  tx: Tx,
  ctx: RequestContext,
  input: { username: string; password: string },
  config: AuthConfig,
): Promise<{ actor: Actor; token: string }> {
  const username = input.username.toLowerCase();
  const [account] = await tx
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, username));
  const known = account && !account.disabled ? await loadActor(tx, account.id) : null;
  const tenantId = known?.tenantId ?? undefined;
  const key = throttleKey(username, ctx.ip);
  const wait = await lockAndCheck(tx, key, ctx.now, config.signInFailuresBeforeDelay);
  if (wait > 0) {
    await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'denied', accountId: account?.id, tenantId });
    throw new SignInThrottled(wait);
  }
  const ok = await verifyPassword(known ? account?.passwordHash : null, input.password);
  if (!ok || !known) {
    // Kept: the route wrapper commits the transaction of an HttpError refusal.
    await recordFailure(tx, key, ctx.now);
    await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'denied', accountId: account?.id, tenantId });
    throw new HttpError(401, signInFailed);
  }
  await clearFailures(tx, key);
  const token = await createSession(tx, known.accountId, ctx.now, config);
  ctx.actor = known;
  await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning', outcome: 'allowed' });
  return { actor: known, token };
}

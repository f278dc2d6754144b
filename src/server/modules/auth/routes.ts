/** Sign-in, sign-out and the signed-in account (shapes: src/shared/auth/contract.ts). */
import { authApi } from '../../../shared/auth/contract.ts';
import { logAccess } from '../../platform/access-log.ts';
import { clearSessionCookies, setSessionCookies } from '../../platform/authenticate.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { endSession, sessionCookie } from '../../platform/sessions.ts';
import { presentMe } from './present.ts';
import { signIn } from './sign-in.ts';
import { SignInThrottled } from './sign-in-throttle.ts';

/**
 * The auth routes; `signInPerIpPerMinute` (per-IP, in this process) comes from the auth config, and the
 * username-and-client throttle (in the database) reads the config at each sign-in.
 */
export function authRoutes(limits: { signInPerIpPerMinute: number }): RouteDefinition[] {
  return [
    routeFor(authApi.signIn, {
      permission: 'public',
      rateLimit: { max: limits.signInPerIpPerMinute, timeWindow: 60_000 },
      async handler({ body, ctx, tx, reply, deps }) {
        const { actor, token } = await signIn(tx, ctx, body, deps.auth).catch((error: unknown) => {
          if (error instanceof SignInThrottled) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        });
        setSessionCookies(reply, token, deps.auth);
        return presentMe(actor);
      },
    }),
    routeFor(authApi.signOut, {
      permission: 'session.self',
      async handler({ ctx, tx, req, reply, deps }) {
        await endSession(tx, req.cookies[sessionCookie] ?? '');
        await logAccess(tx, ctx, { action: 'auth.sign-out', purpose: 'utloggning', outcome: 'allowed' });
        clearSessionCookies(reply, deps.auth);
        return { ok: true as const };
      },
    }),
    routeFor(authApi.me, {
      permission: 'session.self',
      async handler({ ctx }) {
        return presentMe(ctx.actor);
      },
    }),
  ];
}

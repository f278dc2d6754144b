/**
 * Sign-in with OpenID Connect: authorization code flow with PKCE, state and nonce kept in a short-lived
 * httpOnly cookie; the identity (issuer, subject) must belong to an enabled account — an administrator
 * provisions accounts and roles, nobody is created here. Failures go back to the sign-in page with a code.
 */
import * as client from 'openid-client';
import { logAccess } from '../../../platform/access-log.ts';
import { setSessionCookies } from '../../../platform/authenticate.ts';
import type { AuthConfig, OidcConfig } from '../../../platform/config.ts';
import { authApi } from '../../../../shared/auth/contract.ts';
import { defineRoute, Redirect, routeFor, type RouteDefinition } from '../../../platform/routes.ts';
import { createSession } from '../../../platform/sessions.ts';
import { accountForIdentity } from './identities.ts';
import { providerConfiguration } from './provider.ts';

const flowCookie = 'fullfolj_oidc';
const cookieOptions = (auth: AuthConfig) => ({
  path: '/api/auth/oidc',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: auth.secureCookies,
});

/** Back to the sign-in page with a reason code (never the provider's own message). */
const failTo = (code: string) => new Redirect(`/logga-in?fel=${code}`);

export function oidcRoutes(): RouteDefinition[] {
  return [
    routeFor(authApi.providers, {
      permission: 'public',
      async handler({ deps }) {
        const oidc = deps.auth.oidc;
        return { local: true, oidc: oidc ? { label: oidc.label, startUrl: '/api/auth/oidc/start' } : null };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/oidc/start',
      permission: 'public',
      async handler({ reply, deps }) {
        const oidc = deps.auth.oidc;
        if (!oidc) return failTo('ej-konfigurerad');
        const config = await providerConfiguration(oidc);
        const verifier = client.randomPKCECodeVerifier();
        const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier };
        reply.setCookie(flowCookie, JSON.stringify(flow), { ...cookieOptions(deps.auth), maxAge: 600 });
        const url = client.buildAuthorizationUrl(config, {
          redirect_uri: oidc.redirectUri,
          scope: oidc.scopes,
          state: flow.state,
          nonce: flow.nonce,
          code_challenge: await client.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        });
        return new Redirect(url.href);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/oidc/callback',
      permission: 'public',
      async handler({ req, reply, ctx, tx, deps }) {
        const oidc = deps.auth.oidc;
        if (!oidc) return failTo('ej-konfigurerad');
        const flow = parseFlow(req.cookies[flowCookie]);
        reply.clearCookie(flowCookie, cookieOptions(deps.auth));
        const denied = async (code: string, accountId?: string) => {
          await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning (OpenID Connect)', outcome: 'denied', accountId });
          return failTo(code);
        };
        if (!flow) return denied('sessionen-saknas');
        const claims = await exchange(oidc, req.url, flow);
        if (!claims) return denied('ogiltigt-svar');
        const account = await accountForIdentity(tx, oidc, claims);
        if (!account.ok) return denied(account.reason, account.accountId);
        const token = await createSession(tx, account.actor.accountId, ctx.now, deps.auth);
        ctx.actor = account.actor;
        await logAccess(tx, ctx, { action: 'auth.sign-in', purpose: 'inloggning (OpenID Connect)', outcome: 'allowed' });
        setSessionCookies(reply, token, deps.auth);
        return new Redirect('/');
      },
    }),
  ];
}

function parseFlow(value: string | undefined): { state: string; nonce: string; verifier: string } | null {
  try {
    const flow = JSON.parse(value ?? '') as Record<string, unknown>;
    return typeof flow.state === 'string' && typeof flow.nonce === 'string' && typeof flow.verifier === 'string'
      ? { state: flow.state, nonce: flow.nonce, verifier: flow.verifier }
      : null;
  } catch {
    return null;
  }
}

/** Exchanges the code and validates the ID token (signature, issuer, audience, expiry, nonce, state); null on any failure. */
async function exchange(oidc: OidcConfig, requestUrl: string, flow: { state: string; nonce: string; verifier: string }) {
  try {
    const config = await providerConfiguration(oidc);
    const current = new URL(oidc.redirectUri);
    current.search = new URL(requestUrl, 'http://x').search;
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    return tokens.claims() ?? null;
  } catch {
    return null;
  }
}

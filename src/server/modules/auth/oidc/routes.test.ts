import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogRows, accountId, fixtureClock, loadAccessFixtures } from '../../../../../test/support/access.ts';
import { queryRows } from '../../../db/client.ts';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { updateAccount } from '../../../../../test/support/factories/index.ts';
import { buildApp } from '../../../app.ts';
import { readOidcConfig, type OidcConfig } from '../../../platform/config.ts';
import { startFakeProvider } from './fake-provider.ts';

const provider = await startFakeProvider('fullfolj');
after(() => provider.close());
const oidc: OidcConfig = {
  issuer: provider.issuer,
  clientId: 'fullfolj',
  clientSecret: 'hemligt',
  redirectUri: 'http://127.0.0.1:3000/api/auth/oidc/callback',
  label: 'Skolfederation',
  scopes: 'openid profile',
  usernameClaim: 'preferred_username',
};
const database = await createTestDatabase();
await loadAccessFixtures(database);
const app = await buildApp({ database, config: { logLevel: 'silent', auth: { oidc } }, clock: fixtureClock });
const lastLog = async () => (await accessLogRows(database)).at(-1);

/** Starts a flow; returns the provider URL and the flow cookie. */
async function start() {
  const res = await app.inject({ url: '/api/auth/oidc/start' });
  assert.equal(res.statusCode, 302);
  const flow = res.cookies.find((c) => c.name === 'fullfolj_oidc');
  assert.ok(flow?.httpOnly, 'the flow cookie is httpOnly');
  return { location: String(res.headers.location), flow: flow.value };
}

/** Completes a flow as `sub` and returns the callback response. */
async function callback(
  sub: string,
  claims: Record<string, unknown> = {},
  tweak: { state?: string; expiresIn?: number; noCookie?: boolean } = {},
) {
  const { location, flow } = await start();
  const code = provider.authorize(location, sub, claims, { expiresIn: tweak.expiresIn ?? 300 });
  const state = tweak.state ?? new URL(location).searchParams.get('state');
  return app.inject({ url: `/api/auth/oidc/callback?code=${code}&state=${state}`, cookies: tweak.noCookie ? {} : { fullfolj_oidc: flow } });
}

test('GET /api/auth/providers names the provider, or none without configuration', async () => {
  assert.deepEqual((await app.inject({ url: '/api/auth/providers' })).json(), {
    local: true,
    oidc: { label: 'Skolfederation', startUrl: '/api/auth/oidc/start' },
  });
  const plain = await buildApp({ database, config: { logLevel: 'silent' } });
  assert.deepEqual((await plain.inject({ url: '/api/auth/providers' })).json(), { local: true, oidc: null });
  assert.equal((await plain.inject({ url: '/api/auth/oidc/start' })).headers.location, '/logga-in?fel=ej-konfigurerad');
  await plain.close();
});

test('start: to the provider with PKCE (S256), state and nonce', async () => {
  const { location } = await start();
  const url = new URL(location);
  assert.equal(url.origin + url.pathname, `${provider.issuer}/authorize`);
  for (const p of ['state', 'nonce', 'code_challenge']) assert.ok(url.searchParams.get(p), p);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.get('redirect_uri'), oidc.redirectUri);
});

test('first sign-in links the account named by the claim; later sign-ins use the identity; the session works', async () => {
  const res = await callback('sub-mentor', { preferred_username: 'mentor' });
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/');
  const session = res.cookies.find((c) => c.name === 'fullfolj_session');
  assert.ok(session?.value);
  const me = await app.inject({ url: '/api/auth/me', cookies: { fullfolj_session: session.value } });
  assert.equal(me.json().account.username, 'mentor');
  const mentorId = await accountId(database, 'mentor');
  assert.deepEqual(
    [(await lastLog())?.action, (await lastLog())?.outcome, (await lastLog())?.account_id],
    ['auth.sign-in', 'allowed', mentorId],
  );
  const again = await callback('sub-mentor');
  assert.equal(again.headers.location, '/', 'linked by (issuer, subject) now, no claim needed');
});

test('refusals go back to the sign-in page with a code and a denied log row; nothing is created', async () => {
  const countAccounts = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM accounts`))[0]?.n;
  const before = await countAccounts();
  assert.equal((await callback('sub-unknown')).headers.location, '/logga-in?fel=okant-konto');
  assert.deepEqual([(await lastLog())?.action, (await lastLog())?.outcome], ['auth.sign-in', 'denied']);
  assert.equal((await callback('sub-x', { preferred_username: 'ingen-sadan' })).headers.location, '/logga-in?fel=okant-konto');
  assert.equal((await callback('sub-mentor', {}, { state: 'forfalskad' })).headers.location, '/logga-in?fel=ogiltigt-svar');
  assert.equal((await callback('sub-mentor', {}, { expiresIn: -120 })).headers.location, '/logga-in?fel=ogiltigt-svar', 'expired ID token');
  assert.equal((await callback('sub-mentor', {}, { noCookie: true })).headers.location, '/logga-in?fel=sessionen-saknas');
  await updateAccount(database.db, 'kurator', { disabled: true });
  assert.equal(
    (await callback('sub-kurator', { preferred_username: 'kurator' })).headers.location,
    '/logga-in?fel=okant-konto',
    'a disabled account is not linked',
  );
  await updateAccount(database.db, 'mentor', { disabled: true });
  assert.equal((await callback('sub-mentor')).headers.location, '/logga-in?fel=konto-avstangt', 'a linked but disabled account');
  assert.equal((await lastLog())?.account_id, await accountId(database, 'mentor'));
  assert.equal(await countAccounts(), before);
});

test('configuration: off without an issuer, and a partial setting names the missing variable', () => {
  assert.equal(readOidcConfig({}), null);
  assert.throws(() => readOidcConfig({ FULLFOLJ_OIDC_ISSUER: 'https://idp.example' }), /FULLFOLJ_OIDC_CLIENT_ID saknas/);
  assert.throws(() => readOidcConfig({ FULLFOLJ_OIDC_ISSUER: 'inte en url' }), /FULLFOLJ_OIDC_ISSUER måste vara en URL/);
  const full = readOidcConfig({
    FULLFOLJ_OIDC_ISSUER: 'https://idp.example',
    FULLFOLJ_OIDC_CLIENT_ID: 'c',
    FULLFOLJ_OIDC_CLIENT_SECRET: 's',
    FULLFOLJ_OIDC_REDIRECT_URI: 'https://fullfolj.example/api/auth/oidc/callback',
  });
  assert.equal(full?.scopes, 'openid profile email');
});

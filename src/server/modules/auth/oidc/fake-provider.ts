/**
 * A minimal OpenID Connect provider for tests: discovery, JWKS, an authorization endpoint that hands out a code for
 * the subject the test chose, and a token endpoint that returns an RS256 ID token (signed with jose). Test-only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeProvider {
  issuer: string;
  /** Issues a code for `sub` (with extra claims) bound to the nonce and PKCE challenge of `authorizeUrl`. */
  authorize(authorizeUrl: string, sub: string, claims?: Record<string, unknown>, options?: { expiresIn?: number }): string;
  close(): Promise<void>;
}

export async function startFakeProvider(clientId: string): Promise<FakeProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { sub: string; nonce: string; claims: Record<string, unknown>; expiresIn: number }>();
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const code = codes.get(new URLSearchParams(body).get('code') ?? '');
        if (!code) return json(400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        void new SignJWT({ nonce: code.nonce, ...code.claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(code.sub)
          .setIssuedAt(now - 5)
          .setExpirationTime(now + code.expiresIn)
          .sign(privateKey)
          .then((idToken) => json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken }));
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    authorize(authorizeUrl, sub, claims = {}, options = {}) {
      const nonce = new URL(authorizeUrl).searchParams.get('nonce') ?? '';
      const code = `code-${codes.size + 1}`;
      codes.set(code, { sub, nonce, claims, expiresIn: options.expiresIn ?? 300 });
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

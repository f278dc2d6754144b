/**
 * The OpenID Connect provider, discovered once per process (openid-client). Plain-http issuers are allowed
 * only on loopback (a provider in tests or on a developer's machine), never elsewhere.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../../platform/config.ts';

const discovered = new Map<string, Promise<client.Configuration>>();

const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** The provider's configuration (cached per issuer and client). A failed discovery is retried on the next call. */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    found = client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
      ...(isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    });
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/**
 * The running installation's facts for the served documents (/behandlingar, /tillganglighet): who runs it and how to
 * reach them (FULLFOLJ_INSTALLATION_NAME, FULLFOLJ_CONTACT_EMAIL, FULLFOLJ_CONTACT_PHONE, FULLFOLJ_PUBLIC_URL), which
 * database engine, whether e-mail and single sign-on are on — read at each request, so the pages say what runs now.
 */
import type { AuthConfig } from '../platform/config.ts';
import type { Database } from '../db/client.ts';

export interface InstallationFacts {
  name: string | null;
  email: string | null;
  phone: string | null;
  publicUrl: string | null;
  engine: 'postgres' | 'pglite';
  /** The SMTP server's host name, when e-mail is on (never its user or password). */
  smtpHost: string | null;
  /** The identity provider's host name, when OpenID Connect is on. */
  oidcHost: string | null;
}

const host = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
};
const text = (value: string | undefined): string | null => (value && value.trim() ? value.trim().slice(0, 200) : null);

/** The facts of this installation from the environment and the running configuration. */
export function installationFacts(database: Database, auth: AuthConfig, env: NodeJS.ProcessEnv = process.env): InstallationFacts {
  return {
    name: text(env.FULLFOLJ_INSTALLATION_NAME),
    email: text(env.FULLFOLJ_CONTACT_EMAIL),
    phone: text(env.FULLFOLJ_CONTACT_PHONE),
    publicUrl: text(env.FULLFOLJ_PUBLIC_URL),
    engine: database.kind,
    smtpHost: host(env.FULLFOLJ_SMTP_URL),
    oidcHost: auth.oidc ? host(auth.oidc.issuer) : null,
  };
}

/** Configuration from the environment, read in one place. */
import { resolve } from 'node:path';

export interface Config {
  /** PostgreSQL server URL; when absent, the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database and other local state. */
  dataDir: string;
  port: number;
  /** Listen address; loopback unless the operator opens it up. */
  host: string;
  logLevel: string;
  /**
   * Seed the demo region into an empty database on start: FULLFOLJ_SEED_DEMO=1 also on PostgreSQL,
   * =0 never; unset (undefined): only the embedded database.
   */
  seedDemo: boolean | undefined;
  /**
   * The reverse proxies whose X-Forwarded-For is believed (Fastify's trustProxy): addresses or CIDR ranges, or a number
   * of hops. Unset: none, and the client address is the socket's. Without it behind a proxy every user looks like the
   * proxy to the per-IP sign-in limit and the sign-in throttle.
   */
  trustProxy?: string[] | number;
  auth: AuthConfig;
}

/** Session and sign-in settings. */
export interface AuthConfig {
  /** A session unused for this long is signed out. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxHours: number;
  /** Send cookies with `Secure` (behind HTTPS; off for plain-HTTP local use). */
  secureCookies: boolean;
  /** Sign-in attempts per client IP per minute. */
  signInPerIpPerMinute: number;
  /**
   * Failed sign-ins of one username from one client before its next attempts must wait (1, 2, 4 … seconds after
   * the last failure, at most 15 minutes).
   */
  signInFailuresBeforeDelay: number;
  /** Sign-in with an OpenID Connect provider; null: local accounts only. */
  oidc: OidcConfig | null;
}

/** An OpenID Connect provider (authorization code flow with PKCE). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<public URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  /** The sign-in button's text, e.g. "Skolfederation". */
  label: string;
  scopes: string;
  /** A claim whose value, on a first sign-in, links the identity to the enabled account with that username. */
  usernameClaim: string | null;
}

/** Defaults for `AuthConfig`, also used by tests. */
export const defaultAuthConfig: AuthConfig = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  secureCookies: false,
  signInPerIpPerMinute: 20,
  signInFailuresBeforeDelay: 5,
  oidc: null,
};

/** Reads the configuration; `env` is a parameter so that tests can pass their own. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT måste vara ett portnummer (0–65535), inte "${env.PORT}".`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.FULLFOLJ_DATA_DIR ?? './data'),
    port,
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.FULLFOLJ_SEED_DEMO === '1' ? true : env.FULLFOLJ_SEED_DEMO === '0' ? false : undefined,
    trustProxy: readTrustProxy(env.FULLFOLJ_TRUST_PROXY),
    auth: {
      ...defaultAuthConfig,
      sessionIdleMinutes: positive(
        env.FULLFOLJ_SESSION_IDLE_MINUTES,
        defaultAuthConfig.sessionIdleMinutes,
        'FULLFOLJ_SESSION_IDLE_MINUTES',
      ),
      sessionMaxHours: positive(env.FULLFOLJ_SESSION_MAX_HOURS, defaultAuthConfig.sessionMaxHours, 'FULLFOLJ_SESSION_MAX_HOURS'),
      secureCookies: env.FULLFOLJ_SECURE_COOKIES === 'true',
      signInFailuresBeforeDelay: wholeNumber(
        env.FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY,
        defaultAuthConfig.signInFailuresBeforeDelay,
        'FULLFOLJ_SIGN_IN_FAILURES_BEFORE_DELAY',
      ),
      oidc: readOidcConfig(env),
    },
  };
}

/** FULLFOLJ_TRUST_PROXY: a hop count (`1`) or a comma-separated list of addresses and CIDR ranges. */
export function readTrustProxy(value: string | undefined): string[] | number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d{1,2}$/.test(value.trim())) return Number(value.trim());
  const entries = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!entries.length || entries.some((e) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(e))) {
    throw new Error(
      'FULLFOLJ_TRUST_PROXY ska vara ett antal proxysteg (t.ex. 1) eller adresser/nät separerade med komma (t.ex. 127.0.0.1,10.0.0.0/8).',
    );
  }
  return entries;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} måste vara ett positivt tal, inte "${value}".`);
  return n;
}

function wholeNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw new Error(`${name} måste vara ett positivt heltal, inte "${value}".`);
  return Number(value);
}

/** The OIDC provider from FULLFOLJ_OIDC_*, or null when FULLFOLJ_OIDC_ISSUER is unset; a partial setting is an error. */
export function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.FULLFOLJ_OIDC_ISSUER;
  if (!issuer) return null;
  const required = (name: string) => {
    const value = env[name];
    if (!value)
      throw new Error(`${name} saknas: den krävs när FULLFOLJ_OIDC_ISSUER är satt (${name} is required with FULLFOLJ_OIDC_ISSUER).`);
    return value;
  };
  try {
    new URL(issuer);
  } catch {
    throw new Error(`FULLFOLJ_OIDC_ISSUER måste vara en URL (must be a URL).`);
  }
  return {
    issuer,
    clientId: required('FULLFOLJ_OIDC_CLIENT_ID'),
    clientSecret: required('FULLFOLJ_OIDC_CLIENT_SECRET'),
    redirectUri: required('FULLFOLJ_OIDC_REDIRECT_URI'),
    label: env.FULLFOLJ_OIDC_LABEL || 'organisationens inloggning',
    scopes: env.FULLFOLJ_OIDC_SCOPES || 'openid profile email',
    usernameClaim: env.FULLFOLJ_OIDC_USERNAME_CLAIM || null,
  };
}

/**
 * Sign-in, sign-out, the signed-in account and the sign-in methods, one contract for the server and the web app.
 * The account as the app sees it: names, roles with their labels and scopes, and abilities — never a password hash,
 * session data or a staff person's id. OpenID Connect's start and callback are redirects, not endpoints.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { roleNames, type Scope } from '../access/roles.ts';
import { line, secret } from '../input/index.ts';

/** Strict (an unknown field is refused), text through the shared blocks. */
export const signInBody = z.strictObject({
  username: line(200),
  password: secret(1000),
});

const labels: FieldLabels = {
  username: { sv: 'Användarnamn', en: 'Username' },
  password: { sv: 'Lösenord', en: 'Password' },
};

const scopes = [
  'mentor-groups',
  'teaching-groups',
  'units',
  'organiser-aggregates',
  'home-municipality',
  'region-aggregates',
  'none',
] as const satisfies readonly Scope[];

export const me = z.object({
  account: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  /** The organiser the account acts in; null with no role assignment. */
  tenantId: z.uuid().nullable(),
  roles: z.array(
    z.object({
      role: z.enum(roleNames as [string, ...string[]]),
      /** The role's Swedish name. */
      label: z.string(),
      scope: z.enum(scopes),
      unitIds: z.array(z.uuid()),
      municipalityCode: z.string().nullable(),
    }),
  ),
  /** The permissions the account holds (permissions.ts), which the app uses to show or hide what the policy allows. */
  abilities: z.array(z.string()),
});
export type Me = z.output<typeof me>;

export const providers = z.object({
  local: z.boolean(),
  /** The organisation's identity provider, when one is configured. */
  oidc: z.object({ label: z.string(), startUrl: z.string() }).nullable(),
});
export type Providers = z.output<typeof providers>;

export const authApi = {
  signIn: endpoint({ method: 'POST', path: '/api/auth/sign-in', body: signInBody, response: me, labels }),
  signOut: endpoint({ method: 'POST', path: '/api/auth/sign-out', response: z.object({ ok: z.literal(true) }), labels }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: me, labels }),
  providers: endpoint({ method: 'GET', path: '/api/auth/providers', response: providers, labels }),
};

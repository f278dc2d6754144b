/** Maps an OpenID Connect identity (issuer, subject) to an enabled account, linking on first sign-in by a configured claim. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { accounts } from '../../../db/schema/index.ts';
import type { OidcConfig } from '../../../platform/config.ts';
import { loadActor, type Actor } from '../../../platform/context.ts';

export type IdentityResult = { ok: true; actor: Actor } | { ok: false; reason: string; accountId?: string };

/** The account for these ID-token claims, or why there is none. */
export async function accountForIdentity(
  tx: Tx,
  oidc: OidcConfig,
  claims: { iss: string; sub: string; [k: string]: unknown },
): Promise<IdentityResult> {
  let [account] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.oidcIssuer, claims.iss), eq(accounts.oidcSubject, claims.sub)));
  const claimed = oidc.usernameClaim ? claims[oidc.usernameClaim] : undefined;
  if (!account && typeof claimed === 'string' && claimed) {
    // First sign-in: link the account with this username, if it has no identity from this provider yet.
    [account] = await tx
      .update(accounts)
      .set({ oidcIssuer: claims.iss, oidcSubject: claims.sub })
      .where(and(eq(sql`lower(${accounts.username})`, claimed.toLowerCase()), isNull(accounts.oidcSubject), eq(accounts.disabled, false)))
      .returning();
  }
  if (!account) return { ok: false, reason: 'okant-konto' };
  if (account.disabled) return { ok: false, reason: 'konto-avstangt', accountId: account.id };
  const actor = await loadActor(tx, account.id);
  return actor ? { ok: true, actor } : { ok: false, reason: 'konto-avstangt', accountId: account.id };
}

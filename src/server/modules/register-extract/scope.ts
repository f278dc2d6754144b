/** What every category of the register extract is read for: one person in one tenant, for one reader. */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { fact, pendingText, withheldText, type Entry, type Part } from './document.ts';
import { reasonCategoryLabels, type SecretItem, type SecrecyItemKind } from './secrecy.ts';

export interface ExtractScope {
  db: DbOrTx;
  tenantId: string;
  personId: string;
  /** The person's own accounts in Fullfölj (linked to the person through a role assignment). */
  accountIds: string[];
  /** The items under secrecy, with the DPO's decisions. */
  secretItems: SecretItem[];
  /** True when the reader is the data protection officer, who sees released items and stand-ins for the others. */
  reviewer: boolean;
}

/** The accounts linked to the person (their role assignments name the person). */
export async function accountsOfPerson(db: DbOrTx, tenantId: string, personId: string): Promise<string[]> {
  const rows = await queryRows<{ account_id: string }>(
    db,
    sql`
    SELECT DISTINCT account_id::text FROM role_assignments WHERE tenant_id = ${tenantId}::uuid AND person_id = ${personId}::uuid ORDER BY 1`,
  );
  return rows.map((r) => r.account_id);
}

/**
 * The entries for the items of `kind` under secrecy. The DPO sees a released item's content, and a stand-in for the
 * others (withheld: with the reason category; pending: that it awaits review); anyone else sees no entry at all,
 * only the count in `secrecyNotice`.
 */
export function secretEntries(scope: ExtractScope, kind: SecrecyItemKind): Entry[] {
  if (!scope.reviewer) return [];
  return scope.secretItems
    .filter((i) => i.kind === kind)
    .map((item): Entry => {
      const ids = { itemId: item.itemId };
      if (item.state === 'released') return { title: item.title, facts: item.content, ids };
      if (item.state === 'withheld') {
        const category = item.decision?.reasonCategory;
        return {
          title: withheldText,
          facts: [fact('Skäl', category ? reasonCategoryLabels[category] : 'Sekretess')],
          secrecy: 'withheld',
          ids,
        };
      }
      return { title: pendingText, facts: [], secrecy: 'pending', ids };
    });
}

/** For a reader other than the DPO: how many items of `kind` are under secrecy, and that the DPO reviews them. */
export function secrecyNotice(scope: ExtractScope, kind: SecrecyItemKind, what: string): Part | null {
  if (scope.reviewer) return null;
  const items = scope.secretItems.filter((i) => i.kind === kind);
  if (!items.length) return null;
  const pending = items.filter((i) => i.state === 'pending').length;
  return {
    heading: `${what} som omfattas av sekretess`,
    entries: [
      {
        title: 'Visas bara för dataskyddsombudet, som prövar om de kan lämnas ut',
        facts: [fact('Antal', items.length), fact('Väntar på sekretessprövning', pending)],
      },
    ],
  };
}

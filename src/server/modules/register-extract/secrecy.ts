/**
 * The items of a register extract that are covered by secrecy, and the data protection officer's decisions on them.
 * Two kinds: a sensitive case note (student-health secrecy), and the address and contact details of a person with a
 * protected identity (sekretessmarkering, skyddad folkbokföring). Neither is handed out until the DPO has released it;
 * a decision holds for the content it was taken on (a new address is reviewed again).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { PersonContact } from '../../db/schema/index.ts';
import { secrecyDecisions } from '../../db/schema/register-extract.ts';
import type {
  SecrecyDecisionKind,
  SecrecyItemKind,
  SecrecyReasonCategory,
  SecrecyState,
} from '../../../shared/register-extract/vocabulary.ts';
import { fact, type Fact } from './document.ts';
import { swedishDateTime, text } from './format.ts';

export type { SecrecyDecisionKind, SecrecyItemKind, SecrecyReasonCategory, SecrecyState };

/** Why an item is withheld, as printed in the extract in its place. */
export const reasonCategoryLabels: Record<SecrecyReasonCategory, string> = {
  'harm-to-student': 'Sekretess till skydd för eleven: uppgiften kan skada eleven om den lämnas ut',
  'other-person': 'Sekretess till skydd för en annan person än den registrerade',
  'protected-identity': 'Skyddade personuppgifter: adress och kontaktuppgifter',
  'health-care': 'Sekretess inom elevhälsans hälso- och sjukvård',
  other: 'Annan sekretessgrund',
};

export interface SecrecyDecision {
  decision: SecrecyDecisionKind;
  reasonCategory: SecrecyReasonCategory | null;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** An item under secrecy; the review answers it as is (src/shared/register-extract/contract.ts: `secretItem`). */
export interface SecretItem {
  kind: SecrecyItemKind;
  itemId: string;
  contentHash: string;
  /** What the item is, without its content. */
  title: string;
  /** The content: shown only to the DPO, and in the extract only once released. */
  content: Fact[];
  state: SecrecyState;
  /** The decision in force (on this content), if any. */
  decision: SecrecyDecision | null;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** A person's address, e-mail and phone lines (and the municipality of their folkbokföring). */
export function contactFacts(contact: PersonContact, municipality: string | null): Fact[] {
  const facts: Fact[] = [];
  if (municipality) facts.push(fact('Folkbokföringskommun', municipality));
  for (const a of contact.addresses ?? []) {
    facts.push(
      fact(
        a.type ? `Adress (${a.type})` : 'Adress',
        [a.streetAddress, `${a.postalCode ?? ''} ${a.locality ?? ''}`.trim(), a.country].filter(Boolean).join(', '),
      ),
    );
  }
  for (const e of contact.emails ?? []) facts.push(fact(e.type ? `E-post (${e.type})` : 'E-post', e.value));
  for (const p of contact.phoneNumbers ?? []) facts.push(fact(p.mobile ? 'Mobiltelefon' : 'Telefon', p.value));
  return facts;
}

/** The person's items under secrecy with their state, oldest first (the contact details before the notes). */
export async function secretItemsOf(db: DbOrTx, tenantId: string, personId: string): Promise<SecretItem[]> {
  const [person] = await queryRows<{ contact: PersonContact; municipality: string | null }>(
    db,
    sql`
    SELECT p.contact, m.name AS municipality FROM persons p LEFT JOIN municipalities m ON m.code = p.home_municipality_code
     WHERE p.tenant_id = ${tenantId}::uuid AND p.id = ${personId}::uuid AND p.security_marking <> 'Ingen'`,
  );
  const notes = await queryRows<{ id: string; body: string; created: string; author: string | null }>(
    db,
    sql`
    SELECT n.id::text, n.body, to_char(n.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS created, a.display_name AS author
      FROM case_notes n LEFT JOIN accounts a ON a.id = n.author_id
     WHERE n.tenant_id = ${tenantId}::uuid AND n.student_id = ${personId}::uuid AND n.sensitive
     ORDER BY n.created_at, n.id`,
  );
  const decisions = await latestDecisions(db, tenantId, personId);
  const items: Omit<SecretItem, 'state' | 'decision'>[] = [];
  const contact = person ? contactFacts(person.contact, person.municipality) : [];
  if (contact.length) {
    items.push({
      kind: 'protected-contact',
      itemId: personId,
      contentHash: hash(contact),
      content: contact,
      title: 'Adress och kontaktuppgifter (skyddade personuppgifter)',
    });
  }
  for (const n of notes) {
    items.push({
      kind: 'sensitive-note',
      itemId: n.id,
      contentHash: hash(n.body),
      content: [fact('Anteckning', n.body)],
      title: `Känslig anteckning i elevhälsoärende, ${swedishDateTime(n.created)}, skriven av ${text(n.author)}`,
    });
  }
  return items.map((item) => {
    const latest = decisions.get(`${item.kind}:${item.itemId}`);
    const decision = latest && latest.contentHash === item.contentHash ? latest.decision : null;
    const state: SecrecyState = !decision ? 'pending' : decision.decision === 'release' ? 'released' : 'withheld';
    return { ...item, state, decision };
  });
}

/** The latest decision per item of the person (whatever content it was taken on). */
async function latestDecisions(db: DbOrTx, tenantId: string, personId: string) {
  const rows = await queryRows<{
    item_kind: SecrecyItemKind;
    item_id: string;
    content_hash: string;
    decision: SecrecyDecisionKind;
    reason_category: SecrecyReasonCategory | null;
    reason: string;
    decided_by: string | null;
    decided_at: string;
  }>(
    db,
    sql`
    SELECT DISTINCT ON (d.item_kind, d.item_id) d.item_kind, d.item_id::text, d.content_hash, d.decision, d.reason_category, d.reason,
           a.display_name AS decided_by, to_char(d.decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS decided_at
      FROM secrecy_decisions d LEFT JOIN accounts a ON a.id = d.decided_by
     WHERE d.tenant_id = ${tenantId}::uuid AND d.person_id = ${personId}::uuid
     ORDER BY d.item_kind, d.item_id, d.id DESC`,
  );
  return new Map(
    rows.map((r) => [
      `${r.item_kind}:${r.item_id}`,
      {
        contentHash: r.content_hash,
        decision: {
          decision: r.decision,
          reasonCategory: r.reason_category,
          reason: r.reason,
          decidedBy: text(r.decided_by),
          decidedAt: swedishDateTime(r.decided_at),
        } satisfies SecrecyDecision,
      },
    ]),
  );
}

export interface DecisionInput {
  kind: SecrecyItemKind;
  itemId: string;
  decision: SecrecyDecisionKind;
  reasonCategory: SecrecyReasonCategory | null;
  reason: string;
}

/** Records the DPO's decision on one of the person's items (on its current content); false when the person has no such item. */
export async function recordSecrecyDecision(
  db: DbOrTx,
  tenantId: string,
  personId: string,
  input: DecisionInput,
  by: { accountId: string; at: Date },
): Promise<boolean> {
  const item = (await secretItemsOf(db, tenantId, personId)).find((i) => i.kind === input.kind && i.itemId === input.itemId);
  if (!item) return false;
  await db.insert(secrecyDecisions).values({
    tenantId,
    personId,
    itemKind: input.kind,
    itemId: input.itemId,
    contentHash: item.contentHash,
    decision: input.decision,
    reasonCategory: input.decision === 'withhold' ? input.reasonCategory : null,
    reason: input.reason,
    decidedBy: by.accountId,
    decidedAt: by.at.toISOString(),
  });
  return true;
}

/** How many items are in each state. */
export function secrecyCounts(items: readonly SecretItem[]): Record<SecrecyState, number> {
  const counts: Record<SecrecyState, number> = { pending: 0, released: 0, withheld: 0 };
  for (const i of items) counts[i.state] += 1;
  return counts;
}

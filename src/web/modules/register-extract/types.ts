/** What the register-extract routes answer (src/server/modules/register-extract): the extract and the secrecy review. */

export interface Fact { label: string; value: string }
export interface Entry { title?: string; facts: Fact[]; secrecy?: 'withheld' | 'pending' }
export interface Part { heading: string; entries: Entry[]; empty?: string }
export interface Section { key: string; heading: string; intro?: string; parts: Part[] }

export interface Extract {
  person: { id: string; name: string };
  complete: boolean;
  notices: string[];
  sections: Section[];
}

export type SecrecyState = 'pending' | 'released' | 'withheld';
export const reasonCategories = ['harm-to-student', 'other-person', 'protected-identity', 'health-care', 'other'] as const;
export type ReasonCategory = (typeof reasonCategories)[number];

export interface SecretItem {
  kind: 'sensitive-note' | 'protected-contact';
  itemId: string;
  contentHash: string;
  title: string;
  content: Fact[];
  state: SecrecyState;
  decision: { decision: 'release' | 'withhold'; reasonCategory: ReasonCategory | null; reason: string; decidedBy: string; decidedAt: string } | null;
}

export interface SecrecyReview {
  person: { id: string; name: string };
  counts: Record<SecrecyState, number>;
  items: SecretItem[];
}

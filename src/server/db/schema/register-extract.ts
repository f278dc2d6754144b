/**
 * The register extract's secrecy review (sekretessprövning): before a register extract (GDPR art. 15) hands out an item
 * covered by secrecy — a sensitive student-health note, the address and contact details of a protected identity — the
 * data protection officer decides per item to release or withhold it, with a reason. Every decision is kept (the latest
 * one per item counts), and holds the hash of the content it was taken on, so that changed content is reviewed again.
 */
import { bigserial, char, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { secrecyDecisionKinds, secrecyItemKinds, secrecyReasonCategories } from '../../../shared/register-extract/vocabulary.ts';
import { tenantId } from './columns.ts';

/** The vocabularies (item kinds, decisions, grounds) live in src/shared/register-extract: the contract and the web app use them too. */

export const secrecyDecisions = pgTable(
  'secrecy_decisions',
  {
    tenantId: tenantId(),
    /** Increasing: the latest decision on an item is the one with the highest id. */
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** The data subject whose extract the item belongs to. */
    personId: uuid('person_id').notNull(),
    itemKind: text('item_kind', { enum: secrecyItemKinds }).notNull(),
    /** The note's id, or the person's id for their contact details. */
    itemId: uuid('item_id').notNull(),
    /** sha256 of the content the decision was taken on; a decision on other content does not apply. */
    contentHash: char('content_hash', { length: 64 }).notNull(),
    decision: text('decision', { enum: secrecyDecisionKinds }).notNull(),
    /** Required when withheld. */
    reasonCategory: text('reason_category', { enum: secrecyReasonCategories }),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('secrecy_decisions_person_idx').on(t.tenantId, t.personId, t.itemKind, t.itemId),
  ],
);

/**
 * Request schemas of the register extract: the person's id (from the lookup, never a personnummer) and the format; the
 * secrecy review's person; a decision on one item (withholding needs a reason category; both need a reason).
 */
import { z } from 'zod';
import { paragraph } from '../../../shared/input/index.ts';
import { secrecyItemKinds, secrecyReasonCategories } from '../../db/schema/register-extract.ts';

export const registerExtractBody = z.strictObject({ personId: z.uuid(), format: z.enum(['json', 'pdf']).default('json') });

export const personParams = z.strictObject({ personId: z.uuid() });

/** The longest reason the DPO may write. */
export const reasonMax = 2000;

const item = {
  kind: z.enum(secrecyItemKinds),
  itemId: z.uuid(),
  /** The content version the DPO read (from the review list): a decision on content that has changed since is refused. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'ska vara uppgiftens version från listan'),
  reason: paragraph(reasonMax),
};

export const secrecyDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ ...item, decision: z.literal('release') }),
  z.strictObject({ ...item, decision: z.literal('withhold'), reasonCategory: z.enum(secrecyReasonCategories) }),
]);

export type SecrecyDecisionBody = z.output<typeof secrecyDecisionBody>;

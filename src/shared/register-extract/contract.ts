/**
 * The register extract (GDPR art. 15) and its secrecy review, one contract for the server's routes and the web app's
 * page (docs/register-extract.md):
 * - `POST /api/register-extract` `{ personId, format }` answers a file — the JSON document below, or a PDF that prints
 *   the same — and so is a file route, not an endpoint; its body, labels and the JSON document are described here;
 * - the secrecy review of a person's items under secrecy (data protection officer only), and a decision on one item.
 * The person's id comes from the lookup by personnummer (POST /api/people/lookup), never a personnummer in a URL.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { paragraph } from '../input/index.ts';
import { reasonMax, secrecyDecisionKinds, secrecyItemKinds, secrecyReasonCategories, secrecyStates, sectionKeys } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------------------------
// Requests

/** The extract of one person, as JSON (the default) or PDF. */
export const registerExtractBody = z.strictObject({ personId: z.uuid(), format: z.enum(['json', 'pdf']).default('json') });
export type RegisterExtractBody = z.input<typeof registerExtractBody>;

export const personParams = z.strictObject({ personId: z.uuid() });

const decisionItem = {
  kind: z.enum(secrecyItemKinds),
  itemId: z.uuid(),
  /** The content version the DPO read (from the review list): a decision on content that has changed since is refused. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  reason: paragraph(reasonMax),
};

/** Release or withhold one item, always with a reason; withholding also with a ground for secrecy. */
export const secrecyDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ ...decisionItem, decision: z.literal('release') }),
  z.strictObject({ ...decisionItem, decision: z.literal('withhold'), reasonCategory: z.enum(secrecyReasonCategories) }),
]);
export type SecrecyDecisionBody = z.output<typeof secrecyDecisionBody>;

/** The fields as the page and the DPO's decision form name them (the form shows these labels). */
export const registerExtractLabels = {
  personId: { sv: 'Person', en: 'Person' },
  format: { sv: 'Filformat', en: 'File format' },
  kind: { sv: 'Slag av uppgift', en: 'Kind of item' },
  itemId: { sv: 'Uppgift', en: 'Item' },
  contentHash: { sv: 'Uppgiftens version', en: 'Version of the item' },
  decision: { sv: 'Beslut', en: 'Decision' },
  reasonCategory: { sv: 'Sekretessgrund', en: 'Ground for secrecy' },
  reason: { sv: 'Orsak', en: 'Reason' },
} as const satisfies FieldLabels;

// ---------------------------------------------------------------------------------------------------------------
// The extract document (the JSON handed out; the PDF prints the same without the ids)

/** A labelled value: «Skolform: Gymnasieskola». Empty values read «–». */
export const extractFact = z.strictObject({ label: z.string(), value: z.string() });
export type ExtractFact = z.output<typeof extractFact>;

/** One thing held about the person (a grade, an enrolment, a note …); `ids` for machines only, never shown. */
export const extractEntry = z.strictObject({
  title: z.string().optional(),
  facts: z.array(extractFact),
  /** Set when the entry stands in for an item under secrecy that is not handed out (its title says so in words). */
  secrecy: z.enum(['withheld', 'pending']).optional(),
  ids: z.record(z.string(), z.string()).optional(),
});
export type ExtractEntry = z.output<typeof extractEntry>;

export const extractPart = z.strictObject({
  heading: z.string(),
  entries: z.array(extractEntry),
  /** What the part says when it has no entries. */
  empty: z.string().optional(),
});
export type ExtractPart = z.output<typeof extractPart>;

/** One category of data, with its Swedish heading. */
export const extractSection = z.strictObject({
  key: z.enum(sectionKeys),
  heading: z.string(),
  intro: z.string().optional(),
  parts: z.array(extractPart),
});
export type ExtractSection = z.output<typeof extractSection>;

/**
 * The register extract as JSON. Strict: a field the server has not declared here is an error rather than dropped,
 * since nothing may be left out of an extract silently.
 */
export const registerExtractDocument = z.strictObject({
  title: z.string(),
  /** ISO 8601; `generatedAtText` is the same moment in Swedish words. */
  generatedAt: z.string(),
  generatedAtText: z.string(),
  organiser: z.strictObject({ id: z.uuid(), name: z.string() }),
  person: z.strictObject({ id: z.uuid(), name: z.string() }),
  protectedIdentity: z.boolean(),
  /** False while an item under secrecy is not decided (or, for a reader other than the DPO, while there is any). */
  complete: z.boolean(),
  secrecy: z.strictObject({ items: z.number().int(), pending: z.number().int(), released: z.number().int(), withheld: z.number().int() }),
  /** What the reader must know before handing the extract out, in Swedish. */
  notices: z.array(z.string()),
  sections: z.array(extractSection),
});
export type RegisterExtractDocument = z.output<typeof registerExtractDocument>;

// ---------------------------------------------------------------------------------------------------------------
// The secrecy review

/** The decision in force on an item's current content. The free-text reason is shown to the DPO, never in the extract. */
export const secrecyDecision = z.object({
  decision: z.enum(secrecyDecisionKinds),
  reasonCategory: z.enum(secrecyReasonCategories).nullable(),
  reason: z.string(),
  /** The deciding account's display name. */
  decidedBy: z.string(),
  /** Swedish date and time in words. */
  decidedAt: z.string(),
});

/** An item under secrecy with its content (shown to the DPO only). */
export const secretItem = z.object({
  kind: z.enum(secrecyItemKinds),
  itemId: z.uuid(),
  /** The version of the content; sent back with a decision. */
  contentHash: z.string(),
  /** What the item is, in Swedish, without its content. */
  title: z.string(),
  content: z.array(z.object({ label: z.string(), value: z.string() })),
  state: z.enum(secrecyStates),
  decision: secrecyDecision.nullable(),
});
export type SecretItem = z.output<typeof secretItem>;

export const secrecyReview = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  counts: z.object({ pending: z.number().int(), released: z.number().int(), withheld: z.number().int() }),
  items: z.array(secretItem),
});
export type SecrecyReview = z.output<typeof secrecyReview>;

/** The item as it stands after the decision. */
export const secrecyDecisionResult = z.object({ item: secretItem });

// ---------------------------------------------------------------------------------------------------------------
// Endpoints

/**
 * The extract (`format: 'json'` answers the document above). The server's route is a file route — it answers a PDF
 * too — declared with `defineRoute` from this endpoint's method, path, body and labels; it checks its JSON answer
 * with this response schema itself. The web app reads the JSON on screen through `call` and downloads either format.
 */
export const registerExtractEndpoint = endpoint({
  method: 'POST',
  path: '/api/register-extract',
  body: registerExtractBody,
  response: registerExtractDocument,
  labels: registerExtractLabels,
});

export const registerExtractApi = {
  review: endpoint({
    method: 'GET',
    path: '/api/register-extract/people/:personId/secrecy-review',
    params: personParams,
    response: secrecyReview,
    labels: registerExtractLabels,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/register-extract/people/:personId/secrecy-decisions',
    params: personParams,
    body: secrecyDecisionBody,
    response: secrecyDecisionResult,
    labels: registerExtractLabels,
  }),
};

/**
 * The register extract's fixed vocabularies, shared by the database schema, the server's validation and presenters and
 * the web app (which shows each value by its label, never the code).
 */

/** What an item under secrecy is: a case note marked sensitive, or a protected identity's address and contact details. */
export const secrecyItemKinds = ['sensitive-note', 'protected-contact'] as const;
export const secrecyDecisionKinds = ['release', 'withhold'] as const;
/** Why an item is withheld; printed (in Swedish) in the extract instead of the item. */
export const secrecyReasonCategories = ['harm-to-student', 'other-person', 'protected-identity', 'health-care', 'other'] as const;
/** Where an item stands in the review: no decision on its current content, released, or withheld. */
export const secrecyStates = ['pending', 'released', 'withheld'] as const;

/** The categories of data in an extract, in the order they are printed. */
export const sectionKeys = [
  'identity',
  'enrolments',
  'attendance',
  'grades',
  'early-warning',
  'cases',
  'notes',
  'work',
  'youth-register',
  'handovers',
  'knowledge-bank',
  'secrecy',
  'access-log',
] as const;

export type SecrecyItemKind = (typeof secrecyItemKinds)[number];
export type SecrecyDecisionKind = (typeof secrecyDecisionKinds)[number];
export type SecrecyReasonCategory = (typeof secrecyReasonCategories)[number];
export type SecrecyState = (typeof secrecyStates)[number];
export type SectionKey = (typeof sectionKeys)[number];

/** The longest reason the data protection officer may write. */
export const reasonMax = 2000;

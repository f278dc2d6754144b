/** The handovers' codes (docs/handovers.md), shared by schema, server and web; labels in `labels.ts`. */

/** Which side of a delivery a row is: the sending organiser's, or the receiving unit's copy. */
export const handoverDirections = ['sent', 'received'] as const;
export type HandoverDirection = (typeof handoverDirections)[number];

/**
 * draft → sent (delivered to the receiving unit, which has placed the student) → confirmed; `not-needed` is a
 * student the triggers did not select, listed so the sender can still make one.
 */
export const handoverStatuses = ['draft', 'not-needed', 'sent', 'confirmed'] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];

/** The transition a handover belongs to. */
export const handoverRoutes = [
  'year9-to-upper-secondary',
  'within-school-form',
  'between-school-forms',
  'introduction-programme',
  'kaa-to-school',
] as const;
export type HandoverRoute = (typeof handoverRoutes)[number];

/** Why a draft was made (Malmö's assessment groups as defaults; docs/handovers.md). */
export const handoverTriggers = ['support', 'action-programme', 'absence', 'not-eligible', 'special-group', 'manual'] as const;
export type HandoverTrigger = (typeof handoverTriggers)[number];

/** At the follow-up: did the adaptations continue at the new school? */
export const adaptationOutcomes = ['yes', 'partly', 'no'] as const;
export type AdaptationOutcome = (typeof adaptationOutcomes)[number];

/** The school forms a handover goes between (SS 12000 school types). */
export const upperSecondaryTypes = ['GY', 'GYS'] as const;
export const compulsoryTypes = ['GR', 'GRS', 'SP', 'SAM', 'FKLASS'] as const;

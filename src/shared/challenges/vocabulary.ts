/**
 * The challenges map's vocabularies (docs/region-network.md): a challenge names a focus area and age group from the
 * knowledge bank's vocabularies (so the map can set it beside the examples that address it), a school form, and where
 * it is in moderation. The web app and pages show each value by its label, never the code.
 */
export { ageGroups, focusAreas, type AgeGroup, type FocusArea } from '../knowledge-bank/vocabulary.ts';

/** School forms (skollagen 1 kap. 1 §: the school system's forms, those the programmes work with). */
export const schoolForms = ['forskola', 'grundskola', 'anpassad-grundskola', 'gymnasieskola', 'anpassad-gymnasieskola', 'komvux'] as const;
export type SchoolForm = (typeof schoolForms)[number];

/** A challenge from submission to decision (as the knowledge bank's revisions). */
export const challengeStatuses = ['pending', 'published', 'rejected'] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

export const schoolFormLabels: Record<SchoolForm, { sv: string; en: string }> = {
  forskola: { sv: 'Förskola', en: 'Preschool' },
  grundskola: { sv: 'Grundskola', en: 'Compulsory school' },
  'anpassad-grundskola': { sv: 'Anpassad grundskola', en: 'Compulsory school for pupils with intellectual disabilities' },
  gymnasieskola: { sv: 'Gymnasieskola', en: 'Upper secondary school' },
  'anpassad-gymnasieskola': { sv: 'Anpassad gymnasieskola', en: 'Upper secondary school for pupils with intellectual disabilities' },
  komvux: { sv: 'Kommunal vuxenutbildning', en: 'Municipal adult education' },
};

export const statusLabels: Record<ChallengeStatus, { sv: string; en: string }> = {
  pending: { sv: 'Väntar på granskning', en: 'Awaiting review' },
  published: { sv: 'Publicerad', en: 'Published' },
  rejected: { sv: 'Avvisad', en: 'Rejected' },
};

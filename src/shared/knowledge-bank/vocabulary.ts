/**
 * The knowledge bank's fixed vocabularies, shared by the database schema, the server's validation and the web app
 * (which shows each value by its label, never the code).
 */

/** The focus areas of the regional programmes (Fullföljda studier 2.0, Kunskapsnod Fullföljda studier). */
export const focusAreas = ['mental-health', 'parents', 'reading-language', 'motivation'] as const;
/** Levels of the student-health work (skollagen 2 kap. 25 §; Skolverket's guidance on elevhälsa). */
export const workLevels = ['promoting', 'preventing', 'remedying'] as const;
/** Prevention levels (universal, targeted/selective, indicated). */
export const preventionLevels = ['universal', 'targeted', 'indicated'] as const;
/** Age groups: förskola; grundskola F–3, 4–6, 7–9; gymnasium. */
export const ageGroups = ['preschool', 'f-3', '4-6', '7-9', 'upper-secondary'] as const;
export const recordKinds = ['example', 'method'] as const;
export const recordStatuses = ['draft', 'in-review', 'published', 'rejected', 'retired'] as const;
export const activityStatuses = ['planned', 'ongoing', 'completed'] as const;
/** A revision (a proposed record or edit) from submission to decision. */
export const revisionStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

export type RecordKind = (typeof recordKinds)[number];
export type FocusArea = (typeof focusAreas)[number];
export type AgeGroup = (typeof ageGroups)[number];
export type PreventionLevel = (typeof preventionLevels)[number];

/** Sweden's bounding box (WGS 84), a first check before the municipality boundaries. */
export const swedenBox = { latMin: 55.0, latMax: 69.1, lonMin: 10.9, lonMax: 24.2 } as const;

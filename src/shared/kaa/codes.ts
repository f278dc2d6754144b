/**
 * The KAA register's codes (docs/kaa.md): the six criteria of skollagen 29 kap. 9 §, the sources of evidence, the
 * registration and deregistration reasons, contacts, occupations, measures, notices between organisers and
 * dismissals. Codes are stored in the database and never shown: `kaaLabels` gives every one a Swedish and an English
 * phrase. Additive changes only (the letters, report and coverage modules read these).
 */

/** Skollagen 29 kap. 9 § första stycket, in the order of the law (criteria.ts holds the rules and their sources). */
export const kaaCriteria = [
  'under-20',
  'compulsory-done',
  'not-in-upper-secondary',
  'no-diploma',
  'no-special-certificate',
  'no-equivalent',
] as const;
export type KaaCriterion = (typeof kaaCriteria)[number];

/** Where a fact about a young person came from. */
export const kaaEvidenceSources = [
  'population-file',
  'own-enrolments',
  'own-certificates',
  'notice-received',
  'completion-record',
  'manual',
] as const;
export type KaaEvidenceSource = (typeof kaaEvidenceSources)[number];

/** Why a young person entered the target group (reported to SCB since 1 July 2017; mapping in the report module). */
export const kaaRegistrationReasons = [
  'dropout-national',
  'never-started',
  'studiebevis',
  'moved-in-after-compulsory-age',
  'left-introduction',
  'other',
] as const;
export type KaaRegistrationReason = (typeof kaaRegistrationReasons)[number];

/** Why a young person left the target group. */
export const kaaDeregistrationReasons = [
  'started-national',
  'started-introduction',
  'completed-equivalent',
  'turned-20',
  'moved',
  'emigrated',
  'deceased',
  'other',
  /** A false positive dismissed by the officer: never in the group, not reported. */
  'dismissed',
] as const;
export type KaaDeregistrationReason = (typeof kaaDeregistrationReasons)[number];

/** Set by the computation from data, or by an officer by hand. */
export const kaaReasonSources = ['automatic', 'manual'] as const;

export const kaaContactKinds = ['letter', 'phone', 'sms', 'email', 'home-visit', 'meeting'] as const;
export type KaaContactKind = (typeof kaaContactKinds)[number];
/** `reached`: contact established; the others are attempts. */
export const kaaContactOutcomes = ['reached', 'not-reached', 'declined', 'wrong-details'] as const;

export const kaaOccupationTimings = ['previous', 'current', 'planned'] as const;
/** The keys of the report's occupation code list (assets/kaa/scb-kaa-codes.json). */
export const kaaOccupationKinds = [
  'upper-secondary-national',
  'upper-secondary-introduction',
  'adult-education',
  'folk-high-school',
  'other-studies',
  'work',
  'labour-market-programme',
  'leave',
  'none',
  'other',
  'unknown',
] as const;
export type KaaOccupationKind = (typeof kaaOccupationKinds)[number];

/** The keys of the report's measure code list. */
export const kaaMeasureKinds = [
  'guidance',
  'motivational',
  'internship',
  'adult-education',
  'folk-high-school',
  'labour-market',
  'declined',
  'other',
] as const;
/** Who carries the main responsibility for a measure (the documentation names each party's part). */
export const kaaMeasureResponsibles = ['young-person', 'municipality', 'other-actor'] as const;
export const kaaMeasureStatuses = ['open', 'closed'] as const;
export const kaaMeasureEndReasons = [
  'completed',
  'young-person-ended',
  'started-education',
  'started-work',
  'moved',
  'turned-20',
  'other',
] as const;
/** What the young person went on to (an occupation, never `unknown`): a measure cannot be closed without one. */
export const kaaMeasureOutcomes = [
  'upper-secondary-national',
  'upper-secondary-introduction',
  'adult-education',
  'folk-high-school',
  'other-studies',
  'work',
  'labour-market-programme',
  'leave',
  'none',
  'other',
] as const satisfies readonly KaaOccupationKind[];

/** Skollagen 15 kap. 15 § / 18 kap. 15 §: a student started, ended, or is absent to a significant extent. */
export const kaaNoticeKinds = ['start', 'end', 'absence'] as const;
export type KaaNoticeKind = (typeof kaaNoticeKinds)[number];
/** `completed`: left with a gymnasieexamen or a gymnasiebevis; `studiebevis`: left with a studiebevis only (still in the group). */
export const kaaNoticeReasons = [
  'new-student',
  'changed-school',
  'completed',
  'left',
  'moved',
  'significant-absence',
  'other',
  'studiebevis',
] as const;
export type KaaNoticeReason = (typeof kaaNoticeReasons)[number];
export const kaaNoticeDirections = ['sent', 'received'] as const;
/** `internal`: delivered to the home municipality's tenant in this installation; `file`: exported or imported. */
export const kaaNoticeChannels = ['internal', 'file'] as const;
/** Sender side: proposed (absence, awaiting the principal) → sent; receiver side: received → acknowledged. */
export const kaaNoticeStatuses = ['proposed', 'sent', 'received', 'acknowledged', 'withdrawn'] as const;
export type KaaNoticeStatus = (typeof kaaNoticeStatuses)[number];

export const kaaDismissalReasons = [
  'in-education-elsewhere',
  'completed-elsewhere',
  'wrong-municipality',
  'compulsory-school-not-done',
  'duplicate',
  'other',
] as const;

/** Education equal to a diploma (29 kap. 9 § p. 4–6): recorded by hand or from the organiser's own certificates. */
export const kaaCompletionKinds = [
  'gymnasieexamen',
  'gymnasiesarskolebevis',
  'ib-diploma',
  'foreign-diploma',
  'folkhogskola-eligibility',
  'other-equivalent',
] as const;

/** The person's state in the population file. */
export const kaaPopulationStatuses = ['resident', 'moved-out', 'emigrated', 'deceased'] as const;

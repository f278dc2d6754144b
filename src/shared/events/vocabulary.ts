/**
 * The network's events (docs/region-network.md): kinds, the audiences a sign-up names its role by (the chain of command
 * ESF's Fullföljd utbildning trains), shown by label, never by code.
 */
export const eventKinds = ['network-meeting', 'conference', 'webinar', 'training'] as const;
export type EventKind = (typeof eventKinds)[number];

/** A participant's role, counted per organiser for the competence-development figures (the chain of command). */
export const participantRoles = ['politician', 'management', 'principal', 'student-health', 'teacher', 'kaa', 'other'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export const eventKindLabels: Record<EventKind, { sv: string; en: string }> = {
  'network-meeting': { sv: 'Nätverksträff', en: 'Network meeting' },
  conference: { sv: 'Konferens', en: 'Conference' },
  webinar: { sv: 'Webbinarium', en: 'Webinar' },
  training: { sv: 'Utbildning', en: 'Training' },
};

export const participantRoleLabels: Record<ParticipantRole, { sv: string; en: string }> = {
  politician: { sv: 'Förtroendevald', en: 'Elected representative' },
  management: { sv: 'Förvaltningsledning', en: 'Department management' },
  principal: { sv: 'Rektor', en: 'Principal' },
  'student-health': { sv: 'Elevhälsa', en: 'Student health' },
  teacher: { sv: 'Lärare eller mentor', en: 'Teacher or mentor' },
  kaa: { sv: 'KAA', en: 'Activity responsibility (KAA)' },
  other: { sv: 'Annan', en: 'Other' },
};

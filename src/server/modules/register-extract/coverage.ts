/**
 * Which category of the register extract reads each column that points at a person. The test walks the schema
 * (information_schema) and fails when a column whose name suggests a person is in neither list: a table added later
 * cannot be left out of the extract without anyone noticing.
 */
import type { SectionKey } from './document.ts';

/** `table.column` → the section whose queries read the rows naming the person there. */
export const personColumnCoverage: Record<string, SectionKey> = {
  'person_responsibles.person_id': 'identity',
  'person_responsibles.responsible_id': 'identity',
  'enrolments.person_id': 'enrolments',
  'group_memberships.person_id': 'enrolments',
  'attendances.student_id': 'attendance',
  'aggregated_attendances.student_id': 'attendance',
  'grades.student_id': 'grades',
  'certificates.student_id': 'grades',
  'indicator_episodes.student_id': 'early-warning',
  'student_risk.student_id': 'early-warning',
  'student_risk_history.student_id': 'early-warning',
  'connectedness_ratings.student_id': 'early-warning',
  /** A work queue emptied by every refresh: it says only that the student's inputs changed; what they changed to is in the section. */
  'early_warning_changes.student_id': 'early-warning',
  'cases.student_id': 'cases',
  'case_interventions.student_id': 'cases',
  'intervention_follow_ups.student_id': 'cases',
  'action_programmes.student_id': 'cases',
  'case_events.student_id': 'cases',
  'case_notes.student_id': 'notes',
  'duties.person_id': 'work',
  'role_assignments.person_id': 'work',
  /** A teacher's own data: how many grades they registered (the grades themselves are the students'). */
  'grades.registered_by_id': 'work',
  'secrecy_decisions.person_id': 'secrecy',
  /** KAA (docs/kaa.md): every table of the register, found through the person's civic number (youth-register.ts; kaa_youth and kaa_population by civic_no). */
  'kaa_registrations.youth_id': 'youth-register',
  'kaa_dismissals.youth_id': 'youth-register',
  'kaa_completions.youth_id': 'youth-register',
  'kaa_contacts.youth_id': 'youth-register',
  'kaa_occupations.youth_id': 'youth-register',
  'kaa_plans.youth_id': 'youth-register',
  'kaa_measures.youth_id': 'youth-register',
  'kaa_notices.youth_id': 'youth-register',
  'kaa_notices.student_id': 'youth-register',
  /** Handovers (docs/handovers.md): sent and received, found by person id or civic number (handovers.ts). */
  'handovers.student_id': 'handovers',
  'handovers.youth_id': 'handovers',
};

/** Columns whose names suggest a person but that do not name the data subject, and why. */
export const notTheDataSubject: Record<string, string> = {
  'cases.responsible_id': "an account: the staff member responsible (printed by name in the student's case)",
  'case_interventions.responsible_id': 'an account: the staff member responsible (printed by name)',
  'intervention_follow_ups.responsible_id': 'an account: the staff member reminded (printed by name)',
  'access_log.subject_ids': 'read by the access-log section (who read the data and when)',
  'kaa_registrations.registered_by': 'an account: the officer who registered the young person by hand',
  'kaa_registrations.deregistered_by': 'an account: the officer who deregistered the young person by hand',
};

/**
 * Roles and their scopes as data, not code paths (cf. documenso's role → visibility tables).
 * A role grants permissions; its scope says WHICH students those permissions reach.
 */
import type { Permission } from './permissions.ts';

/** Which records a role's permissions reach. */
export type Scope =
  /** Students in groups where the user is assigned mentor (SS 12000 Duty.assignmentRole 'Mentor'). */
  | 'mentor-groups'
  /** Students in groups of activities the user teaches (Activity.teachers). */
  | 'teaching-groups'
  /** Students enrolled at the school units where the user has the duty. */
  | 'units'
  /** Aggregates over the whole organiser; never names. */
  | 'organiser-aggregates'
  /** Young people whose home municipality (folkbokföring) is the user's municipality. */
  | 'home-municipality'
  /** Aggregates over a region's municipalities and organisers, suppressed; never a name or a student (docs/region.md). */
  | 'region-aggregates'
  /** No student data at all. */
  | 'none';

export interface RoleDefinition {
  label: { sv: string; en: string };
  scope: Scope;
  permissions: readonly Permission[];
  /** SS 12000 Code_DutyRole values that give this role at a unit, when roles come from duties. */
  dutyRoles?: readonly string[];
}

const studentHealth: readonly Permission[] = [
  'students.list',
  'students.read',
  'contact.read',
  'attendance.read',
  'grades.read',
  'early-warning.read',
  'connectedness.write',
  'interventions.read',
  'interventions.write',
  'handovers.read',
  'handovers.write',
  'knowledge-bank.submit',
  'session.self',
];

export const roles = {
  mentor: {
    label: { sv: 'Mentor', en: 'Mentor' },
    scope: 'mentor-groups',
    permissions: [
      'students.list',
      'students.read',
      'contact.read',
      'attendance.read',
      'grades.read',
      'early-warning.read',
      'connectedness.write',
      'interventions.read',
      // Prepares and sends the handover of a student of their group, and reads the one received (docs/handovers.md).
      'handovers.read',
      'handovers.write',
      'knowledge-bank.submit',
      'session.self',
    ],
  },
  teacher: {
    label: { sv: 'Lärare', en: 'Teacher' },
    scope: 'teaching-groups',
    // The student page shows a teacher attendance and grades only: no contact details, early warning, cases or handovers.
    permissions: ['students.list', 'students.read', 'attendance.read', 'grades.read', 'knowledge-bank.submit', 'session.self'],
    dutyRoles: ['Lärare', 'Förstelärare'],
  },
  kurator: { label: { sv: 'Kurator', en: 'School counsellor' }, scope: 'units', permissions: studentHealth, dutyRoles: ['Kurator'] },
  skolskoterska: {
    label: { sv: 'Skolsköterska', en: 'School nurse' },
    scope: 'units',
    permissions: studentHealth,
    dutyRoles: ['Skolsköterska'],
  },
  specialpedagog: {
    label: { sv: 'Specialpedagog', en: 'Special needs educator' },
    scope: 'units',
    permissions: studentHealth,
    dutyRoles: ['Speciallärare/specialpedagog'],
  },
  psykolog: {
    label: { sv: 'Skolpsykolog', en: 'School psychologist' },
    scope: 'units',
    permissions: studentHealth,
    dutyRoles: ['Skolpsykolog'],
  },
  syv: {
    label: { sv: 'Studie- och yrkesvägledare', en: 'Study and careers counsellor' },
    scope: 'units',
    permissions: studentHealth,
    dutyRoles: ['Studie- och yrkesvägledare'],
  },
  rektor: {
    label: { sv: 'Rektor', en: 'Principal' },
    scope: 'units',
    permissions: [...studentHealth, 'statistics.read', 'kaa-notices.send'],
    dutyRoles: ['Rektor'],
  },
  analyst: {
    label: { sv: 'Analytiker hos huvudmannen', en: 'Organiser analyst' },
    scope: 'organiser-aggregates',
    permissions: ['statistics.read', 'implementation-plan.write', 'knowledge-bank.submit', 'session.self'],
  },
  kaa: {
    label: { sv: 'KAA-handläggare', en: 'Activity-responsibility officer' },
    scope: 'home-municipality',
    // Hands a young person over to the school that admitted them, with consent (docs/handovers.md, KAA → school).
    permissions: [
      'youth-register.read',
      'youth-register.write',
      'handovers.read',
      'handovers.write',
      'knowledge-bank.submit',
      'session.self',
    ],
  },
  'region-coordinator': {
    label: { sv: 'Regional samordnare', en: 'Regional coordinator' },
    // The knowledge node's coordinator and the KAA network (SKIA) coordinator: one role, aggregates only.
    scope: 'region-aggregates',
    permissions: ['region.read', 'region-report.write', 'region-report.read', 'events.manage', 'knowledge-bank.submit', 'session.self'],
  },
  'steering-group': {
    label: { sv: 'Styrgrupp', en: 'Steering group' },
    scope: 'region-aggregates',
    permissions: ['region-report.read', 'knowledge-bank.submit', 'session.self'],
  },
  editor: {
    label: { sv: 'Regional redaktör', en: 'Regional editor' },
    scope: 'none',
    permissions: ['knowledge-bank.submit', 'knowledge-bank.edit', 'knowledge-bank.moderate', 'session.self'],
  },
  admin: {
    label: { sv: 'Administratör', en: 'Administrator' },
    scope: 'none',
    // Users, settings and the access log — no student data unless also given another role.
    permissions: ['users.manage', 'settings.manage', 'access-log.read', 'register-extract.create', 'knowledge-bank.submit', 'session.self'],
  },
  dpo: {
    label: { sv: 'Dataskyddsombud', en: 'Data protection officer' },
    scope: 'none',
    // Reviews the access log and answers register-extract requests (GDPR art. 15), deciding on the items under
    // secrecy in them (sekretessprövning); sees no student pages.
    permissions: ['access-log.read', 'register-extract.create', 'register-extract.review', 'knowledge-bank.submit', 'session.self'],
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

/** The student-health team roles (elevhälsan), who may read restricted notes. */
export const studentHealthRoles: readonly Role[] = ['kurator', 'skolskoterska', 'specialpedagog', 'psykolog', 'syv'];

/** True when any of `held` grants `permission`. */
export function grants(held: readonly Role[], permission: Permission): boolean {
  return held.some((r) => (roles[r].permissions as readonly Permission[]).includes(permission));
}

/** The role an SS 12000 duty gives at its unit, if any (mentors come from assignment roles instead). */
export function roleForDuty(dutyRole: string): Role | undefined {
  return roleNames.find((r) => (roles[r] as RoleDefinition).dutyRoles?.includes(dutyRole));
}

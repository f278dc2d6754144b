/**
 * The retention rules (gallringsregler) as data, shared by the server (which applies them:
 * src/server/modules/retention/registry.ts), the settings page and the served record of processing. A module adds its
 * rule with one entry here and one in the server's registry (the compiler asks for it); docs/retention.md gives each
 * default its source.
 */

export interface RetentionRuleInfo {
  /** Stable key stored in `retention_rules.rule`; never shown. */
  key: string;
  label: { sv: string; en: string };
  /** From when the time counts, in words. */
  counted: { sv: string; en: string };
  unit: 'years' | 'days';
  min: number;
  max: number;
  /** Used when the organiser has set nothing; null keeps the data. */
  defaultKeep: number | null;
  /** 'tenant': each organiser sets it; 'installation': fixed for the whole installation. */
  scope: 'tenant' | 'installation';
}

export const retentionRuleInfo = [
  {
    key: 'cases',
    label: { sv: 'Elevhälsans avslutade ärenden', en: 'Closed student-health cases' },
    counted: { sv: 'år efter att ärendet avslutades', en: 'years after the case was closed' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'early-warning-history',
    label: { sv: 'Tidig upptäckt: historik och avslutade indikatorer', en: 'Early detection: history and ended indicators' },
    counted: { sv: 'år efter veckan, skattningen eller indikatorns slut', en: 'years after the week, the rating or the indicator ended' },
    unit: 'years',
    min: 1,
    max: 20,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'school-records-after-leaving',
    label: { sv: 'Närvaro och betyg för elever som slutat', en: 'Attendance and grades of students who have left' },
    counted: { sv: 'år efter elevens sista inskrivning', en: 'years after the student’s last enrolment ended' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'kaa-register',
    label: { sv: 'KAA-registret', en: 'The activity-responsibility register' },
    counted: { sv: 'år efter att ungdomen fyllt 20 år', en: 'years after the young person turned 20' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'access-log',
    label: { sv: 'Åtkomstloggen', en: 'The access log' },
    counted: { sv: 'år efter läsningen (aldrig under 1 år)', en: 'years after the read (never under 1 year)' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'notifications',
    label: { sv: 'Påminnelser i appen', en: 'In-app reminders' },
    counted: { sv: 'dagar efter påminnelsens dag', en: 'days after the reminder’s day' },
    unit: 'days',
    min: 7,
    max: 3650,
    defaultKeep: 90,
    scope: 'tenant',
  },
  {
    key: 'sign-in-failures',
    label: { sv: 'Misslyckade inloggningar', en: 'Failed sign-ins' },
    counted: { sv: 'dagar efter senaste misslyckandet', en: 'days after the last failure' },
    unit: 'days',
    min: 1,
    max: 1,
    defaultKeep: 1,
    scope: 'installation',
  },
  {
    key: 'team-meetings',
    label: { sv: 'Elevhälsoteamets möten', en: 'Student-health team meetings' },
    counted: { sv: 'år efter mötets dag', en: 'years after the meeting’s day' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
  {
    key: 'handovers',
    label: { sv: 'Överlämningar mellan skolor', en: 'Handovers between schools' },
    counted: { sv: 'år efter elevens start vid den mottagande skolenheten', en: 'years after the student started at the receiving unit' },
    unit: 'years',
    min: 1,
    max: 50,
    defaultKeep: null,
    scope: 'tenant',
  },
] as const satisfies readonly RetentionRuleInfo[];

export type RetentionRuleKey = (typeof retentionRuleInfo)[number]['key'];

/** The rules each organiser sets (the installation-wide ones are fixed). */
export const tenantRuleInfo = retentionRuleInfo.filter((r) => r.scope === 'tenant');

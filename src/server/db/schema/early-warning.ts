/**
 * Early detection (tidig upptäckt): indicator episodes, each student's current support tier and probability,
 * their weekly history, mentors' school-connectedness ratings, per-organiser thresholds and risk-model versions.
 */
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, updatedAt } from './columns.ts';

export const indicatorSeverities = ['caution', 'flag', 'severe'] as const;
export const indicatorStatuses = ['active', 'resolved'] as const;

/**
 * One episode of one indicator for one student: from the refresh that first saw it (`onset`) to the last that did.
 * An episode is deleted 365 days after it was last seen (`expires_on`): the history is the episodes still kept.
 */
export const indicatorEpisodes = pgTable(
  'indicator_episodes',
  {
    tenantId: tenantId(),
    studentId: uuid('student_id').notNull(),
    indicator: text('indicator').notNull(),
    onset: date('onset', { mode: 'string' }).notNull(),
    lastSeen: date('last_seen', { mode: 'string' }).notNull(),
    status: text('status', { enum: indicatorStatuses }).notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    severity: text('severity', { enum: indicatorSeverities }).notNull(),
    /** Whether the indicator counts towards the support tier (valid absence alone never does). */
    counts: boolean('counts').notNull(),
    value: doublePrecision('value'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.studentId, t.indicator, t.onset] }),
    index('indicator_episodes_status_idx').on(t.tenantId, t.status, t.indicator),
  ],
);

export const supportTiers = [1, 2, 3] as const;
export const dataStatuses = ['ok', 'insufficient'] as const;

/** Each student's situation at the latest refresh: unit, year, tier, probability with band and reasons. */
export const studentRisk = pgTable(
  'student_risk',
  {
    tenantId: tenantId(),
    studentId: uuid('student_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    schoolUnitId: uuid('school_unit_id').notNull(),
    schoolType: text('school_type').notNull(),
    schoolYear: integer('school_year'),
    programmeCode: text('programme_code'),
    tier: integer('tier').notNull(),
    /** The indicators that put the student in the tier. */
    flags: text('flags').array().notNull(),
    dataStatus: text('data_status', { enum: dataStatuses }).notNull(),
    modelId: uuid('model_id'),
    probability: doublePrecision('probability'),
    lower: doublePrecision('lower'),
    upper: doublePrecision('upper'),
    /** The model's top reasons: [{ feature, contribution }]. */
    reasons: jsonb('reasons').$type<{ feature: string; contribution: number }[]>().notNull().default([]),
    /**
     * The summary of the measures shown beside the tier, one column each (the API's `measures` object is built by the
     * read, risk-measures.ts): as one jsonb object, building it cost the refresh's insert a third of its time.
     */
    attendance4w: doublePrecision('attendance_4w'),
    attendance45: doublePrecision('attendance_45'),
    attendanceTerm: doublePrecision('attendance_term'),
    invalidTerm: doublePrecision('invalid_term'),
    validTerm: doublePrecision('valid_term'),
    failedGrades: integer('failed_grades'),
    failedPoints: integer('failed_points'),
    reportedDays45: integer('reported_days_45'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.studentId] }), index('student_risk_unit_idx').on(t.tenantId, t.schoolUnitId, t.tier)],
);

/** Weekly points for a student's trend (tier, probability, attendance); kept 365 days. */
export const studentRiskHistory = pgTable(
  'student_risk_history',
  {
    tenantId: tenantId(),
    studentId: uuid('student_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    tier: integer('tier').notNull(),
    probability: doublePrecision('probability'),
    attendance: doublePrecision('attendance'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.studentId, t.asOf] })],
);

export const connectednessLevels = ['green', 'yellow', 'red'] as const;

/** A mentor's rating of a student's school connectedness (skolanknytning) in four dimensions. */
export const connectednessRatings = pgTable(
  'connectedness_ratings',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    ratedOn: date('rated_on', { mode: 'string' }).notNull(),
    ratedBy: uuid('rated_by').notNull(),
    academic: text('academic', { enum: connectednessLevels }).notNull(),
    behavioural: text('behavioural', { enum: connectednessLevels }).notNull(),
    social: text('social', { enum: connectednessLevels }).notNull(),
    affective: text('affective', { enum: connectednessLevels }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('connectedness_student_idx').on(t.tenantId, t.studentId, t.ratedOn)],
);

/** Per-organiser thresholds (validated against sensible ranges) and worklist capacity. */
export const earlyWarningSettings = pgTable('early_warning_settings', {
  tenantId: tenantId().primaryKey(),
  thresholds: jsonb('thresholds').$type<Record<string, number>>().notNull(),
  /** Students a unit's student-health team can act on at once (the worklist's top K), by school unit id. */
  capacities: jsonb('capacities').$type<Record<string, number>>().notNull().default({}),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

export const modelStatuses = ['candidate', 'active', 'retired'] as const;
/** What a model predicts: GY = no diploma within three years; GR = not eligible for a national programme after year 9. */
export const modelStages = ['GY', 'GR'] as const;

/** A trained risk-model version: its parameters, its evaluation report and who activated it. */
export const riskModels = pgTable(
  'risk_models',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    stage: text('stage', { enum: modelStages }).notNull(),
    kind: text('kind', { enum: ['logistic', 'forest'] }).notNull(),
    status: text('status', { enum: modelStatuses }).notNull(),
    trainedAsOf: date('trained_as_of', { mode: 'string' }).notNull(),
    /** Encoder and coefficients (logistic) — what scoring needs. */
    parameters: jsonb('parameters').$type<Record<string, unknown>>().notNull(),
    /** The evaluation report (docs/early-warning-model.md): metrics, baselines, tiers, subgroups. */
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    testAuc: doublePrecision('test_auc').notNull(),
    rulesAuc: doublePrecision('rules_auc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'string' }),
    activatedBy: uuid('activated_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * Students whose inputs to the measures (attendance, grades, enrolments, certificates, connectedness) changed since the
 * last refresh of their organiser: written in the same transaction as the change (the importer's page, a rating), read
 * and emptied by the refresh, so a refresh later the same day recomputes only them (refresh-changes.ts).
 */
export const earlyWarningChanges = pgTable(
  'early_warning_changes',
  {
    tenantId: tenantId(),
    studentId: uuid('student_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.studentId] })],
);

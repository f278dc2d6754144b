/**
 * Interventions (insatser): the student-health team's cases, the interventions in them with their follow-ups,
 * notes (some restricted to the student-health roles), every change as an event, and team meetings. The methods
 * interventions are chosen from are the knowledge bank's method records (knowledge-bank.ts). Nothing here is deleted except by the retention rule an administrator
 * sets (`intervention_settings.retention_years`); events and notes cannot be updated at all (migration 0006).
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantId, updatedAt } from './columns.ts';
import { workLevels } from './knowledge-bank.ts';

export const caseStatuses = ['opened', 'planned', 'in-progress', 'follow-up', 'closed'] as const;
export const closingReasons = ['goals-met', 'other-support', 'moved', 'declined', 'no-longer-needed', 'other'] as const;

/**
 * A case (ärende) for one student at one school unit. At most one open case per student. `version` is the optimistic
 * lock: every update must name the version it read, and bumps it.
 */
export const cases = pgTable(
  'cases',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    studentId: uuid('student_id').notNull(),
    schoolUnitId: uuid('school_unit_id').notNull(),
    status: text('status', { enum: caseStatuses }).notNull().default('opened'),
    level: text('level', { enum: workLevels }).notNull(),
    reason: text('reason').notNull(),
    openedFrom: text('opened_from', { enum: ['flag', 'manual'] }).notNull(),
    /** The student's tier, flags and measures when the case was opened (from student_risk). */
    tierAtOpening: integer('tier_at_opening'),
    indicatorsAtOpening: jsonb('indicators_at_opening').$type<{
      flags: string[];
      onset: string | null;
      measures: Record<string, number | null>;
    }>(),
    /** The account responsible; it holds a student-health role at the case's unit. */
    responsibleId: uuid('responsible_id').notNull(),
    /** Accounts in the team working the case. */
    teamIds: uuid('team_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by').notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closingReason: text('closing_reason', { enum: closingReasons }),
    closingNote: text('closing_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('cases_one_open_per_student')
      .on(t.tenantId, t.studentId)
      .where(sql`status <> 'closed'`),
    index('cases_unit_status_idx').on(t.tenantId, t.schoolUnitId, t.status),
  ],
);

export const interventionStatuses = ['planned', 'active', 'completed', 'stopped'] as const;
export const interventionOutcomes = ['improved', 'unchanged', 'worse'] as const;

/** An intervention (insats) in a case: a method from the library or written freely, with goal, actions and dates. */
export const caseInterventions = pgTable(
  'case_interventions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** A method record of the knowledge bank (`knowledge_records`, kind 'method'); null for an intervention written freely. */
    methodId: uuid('method_id'),
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    /** Who does what. */
    actions: text('actions').notNull(),
    responsibleId: uuid('responsible_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status', { enum: interventionStatuses }).notNull().default('planned'),
    evaluation: text('evaluation'),
    outcome: text('outcome', { enum: interventionOutcomes }),
    /** The meeting whose decision added it, if any. */
    meetingId: uuid('meeting_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_interventions_case_idx').on(t.tenantId, t.caseId),
    index('case_interventions_method_idx').on(t.tenantId, t.methodId, t.startDate),
  ],
);

/** A follow-up date of an intervention; done when `done_on` is set, with what was found. */
export const interventionFollowUps = pgTable(
  'intervention_follow_ups',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    interventionId: uuid('intervention_id').notNull(),
    studentId: uuid('student_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Who is reminded: the intervention's responsible person when it was set. */
    responsibleId: uuid('responsible_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneBy: uuid('done_by'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('intervention_follow_ups_due_idx').on(t.tenantId, t.responsibleId, t.doneOn, t.dueOn),
    index('intervention_follow_ups_case_idx').on(t.tenantId, t.caseId),
  ],
);

/**
 * A note in a case. A `sensitive` note is readable only by the student-health roles (roles.ts `studentHealthRoles`);
 * others see that it exists. Notes are never edited: a correction is a new note.
 */
export const caseNotes = pgTable(
  'case_notes',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    studentId: uuid('student_id').notNull(),
    body: text('body').notNull(),
    sensitive: boolean('sensitive').notNull().default(false),
    authorId: uuid('author_id').notNull(),
    meetingId: uuid('meeting_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('case_notes_case_idx').on(t.tenantId, t.caseId)],
);

/**
 * Every change to a case, its interventions and follow-ups: who, when, what (`changes`: field → [before, after]).
 * Never holds a sensitive note's text. Cannot be updated; deleted only by the retention rule.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    studentId: uuid('student_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    /** The intervention, follow-up or note the event concerns. */
    entityId: uuid('entity_id'),
    meetingId: uuid('meeting_id'),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('case_events_case_idx').on(t.tenantId, t.caseId, t.at)],
);

/** A student-health team meeting at a school unit: the agenda generated from the worklist, minutes, attendees. */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    schoolUnitId: uuid('school_unit_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['planned', 'held'] })
      .notNull()
      .default('planned'),
    /** The agenda as generated: { newFlags, overdueFollowUps, toEvaluate } with student and case ids. */
    agenda: jsonb('agenda').$type<Record<string, unknown>>().notNull().default({}),
    minutes: text('minutes'),
    attendeeIds: uuid('attendee_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('team_meetings_unit_idx').on(t.tenantId, t.schoolUnitId, t.heldOn)],
);

/** Per organiser: the retention rule for closed cases (null = keep) and the digest's mail sender. */
export const interventionSettings = pgTable('intervention_settings', {
  tenantId: tenantId().primaryKey(),
  /** Closed cases (with everything in them) are deleted this many years after closing; null keeps them. */
  retentionYears: integer('retention_years'),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/** In-app reminders (the daily digest when no SMTP server is configured, and beside it when one is). */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    /** The day the digest is for; one digest per account and day. */
    forDate: date('for_date', { mode: 'string' }).notNull(),
    /** No personal data beyond ids: the start page resolves names through the scoped queries. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'string' }),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('notifications_one_per_day').on(t.tenantId, t.accountId, t.kind, t.forDate),
  ],
);

/**
 * The åtgärdsprogram of a case (skollagen 3 kap.; Skolverket's general advice on extra adaptations, special support
 * and action programmes): the student's needs, the parts the student and guardians took in it, the decision and the
 * evaluation date. Its measures are the case's interventions; printed as a PDF.
 */
export const actionProgrammes = pgTable(
  'action_programmes',
  {
    tenantId: tenantId(),
    caseId: uuid('case_id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** The student's needs of special support, from the assessment (utredning). */
    needs: text('needs').notNull(),
    /** How the student took part, and their views. */
    studentViews: text('student_views').notNull(),
    /** How the guardians took part, and their views. */
    guardianViews: text('guardian_views').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** The principal, or the person the decision is delegated to, as printed. */
    decidedBy: text('decided_by').notNull(),
    evaluationOn: date('evaluation_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.caseId] })],
);

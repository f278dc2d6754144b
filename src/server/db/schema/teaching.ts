/** SS 12000 Group, Duty, Activity and CalendarEvent: who teaches, mentors and supports whom. */
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sourceModified, tenantId, updatedAt } from './columns.ts';

/** Classes, mentor groups and teaching groups. */
export const groups = pgTable(
  'groups',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    displayName: text('display_name').notNull(),
    /** Code_GroupType: Undervisning, Klass, Mentor, … */
    groupType: text('group_type').notNull(),
    schoolType: text('school_type'),
    organisationId: uuid('organisation_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('groups_organisation_idx').on(t.tenantId, t.organisationId)],
);

/** Group.groupMemberships, replaced as a whole when the group is imported. */
export const groupMemberships = pgTable(
  'group_memberships',
  {
    tenantId: tenantId(),
    groupId: uuid('group_id').notNull(),
    personId: uuid('person_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull().default('1900-01-01'),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.groupId, t.personId, t.startDate] }),
    index('group_memberships_person_idx').on(t.tenantId, t.personId),
  ],
);

/** A person's duty at an organisation element: rektor, lärare, kurator, skolsköterska, … */
export const duties = pgTable(
  'duties',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    /** Code_DutyRole as SS 12000 spells it, e.g. 'Speciallärare/specialpedagog'. */
    dutyRole: text('duty_role').notNull(),
    signature: text('signature'),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('duties_person_idx').on(t.tenantId, t.personId)],
);

/** Duty.assignmentRole: e.g. the mentor of a group. Replaced as a whole with its duty. */
export const dutyAssignments = pgTable(
  'duty_assignments',
  {
    tenantId: tenantId(),
    dutyId: uuid('duty_id').notNull(),
    groupId: uuid('group_id').notNull(),
    assignmentRoleType: text('assignment_role_type').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull().default('1900-01-01'),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dutyId, t.groupId, t.assignmentRoleType, t.startDate] })],
);

/** Teaching in a subject or course for one or more groups. */
export const activities = pgTable(
  'activities',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    displayName: text('display_name').notNull(),
    activityType: text('activity_type'),
    organisationId: uuid('organisation_id').notNull(),
    syllabusId: uuid('syllabus_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    minutesPlanned: integer('minutes_planned'),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Activity.groups, replaced with the activity. */
export const activityGroups = pgTable(
  'activity_groups',
  { tenantId: tenantId(), activityId: uuid('activity_id').notNull(), groupId: uuid('group_id').notNull() },
  (t) => [primaryKey({ columns: [t.tenantId, t.activityId, t.groupId] }), index('activity_groups_group_idx').on(t.tenantId, t.groupId)],
);

/** Activity.teachers (a DutyAssignment each), replaced with the activity. */
export const activityTeachers = pgTable(
  'activity_teachers',
  {
    tenantId: tenantId(),
    activityId: uuid('activity_id').notNull(),
    dutyId: uuid('duty_id').notNull(),
    grader: boolean('grader').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.activityId, t.dutyId] }), index('activity_teachers_duty_idx').on(t.tenantId, t.dutyId)],
);

/** A lesson or other scheduled occasion; lesson attendance refers to it. */
export const calendarEvents = pgTable(
  'calendar_events',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    activityId: uuid('activity_id').notNull(),
    startTime: timestamp('start_time', { withTimezone: true, mode: 'string' }).notNull(),
    endTime: timestamp('end_time', { withTimezone: true, mode: 'string' }).notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('calendar_events_activity_idx').on(t.tenantId, t.activityId)],
);

/** Writers for Group, Duty, Activity and CalendarEvent, with their id-less child collections. */
import {
  activities,
  activityGroups,
  activityTeachers,
  calendarEvents,
  duties,
  dutyAssignments,
  groupMemberships,
  groups,
} from '../../server/db/schema/index.ts';
import type { ActivityDoc, CalendarEventDoc, DutyDoc, GroupDoc } from './documents.ts';
import { modified, type EndpointWriter } from './writer-types.ts';

/** Child periods without a start date are keyed from this date (the tables' default). */
const OPEN_START = '1900-01-01';

export const groupWriter: EndpointWriter<GroupDoc> = {
  upsert: { table: groups, key: ['id'], versioning: 'modified' },
  row: (d) => ({
    id: d.id,
    display_name: d.displayName,
    group_type: d.groupType,
    school_type: d.schoolType,
    organisation_id: d.organisation.id,
    start_date: d.startDate,
    end_date: d.endDate,
    source_modified: modified(d),
  }),
  children: [
    {
      table: groupMemberships,
      parentColumn: 'group_id',
      rows: (d) =>
        (d.groupMemberships ?? []).map((m) => ({
          group_id: d.id,
          person_id: m.person.id,
          start_date: m.startDate ?? OPEN_START,
          end_date: m.endDate,
        })),
    },
  ],
};

export const dutyWriter: EndpointWriter<DutyDoc> = {
  upsert: { table: duties, key: ['id'], versioning: 'modified' },
  // A vacant duty (no person) is valid SS 12000 but has nothing for Fullfölj to store.
  row: (d) =>
    d.person
      ? {
          id: d.id,
          person_id: d.person.id,
          organisation_id: d.dutyAt.id,
          duty_role: d.dutyRole,
          signature: d.signature,
          description: d.description,
          start_date: d.startDate,
          end_date: d.endDate,
          source_modified: modified(d),
        }
      : null,
  children: [
    {
      table: dutyAssignments,
      parentColumn: 'duty_id',
      rows: (d) =>
        (d.assignmentRole ?? []).map((a) => ({
          duty_id: d.id,
          group_id: a.group.id,
          assignment_role_type: a.assignmentRoleType,
          start_date: a.startDate ?? OPEN_START,
          end_date: a.endDate,
        })),
    },
  ],
};

export const activityWriter: EndpointWriter<ActivityDoc> = {
  upsert: { table: activities, key: ['id'], versioning: 'modified' },
  row: (d) => ({
    id: d.id,
    display_name: d.displayName,
    activity_type: d.activityType,
    organisation_id: d.organisation.id,
    syllabus_id: d.syllabus?.id,
    start_date: d.startDate,
    end_date: d.endDate,
    minutes_planned: d.minutesPlanned,
    source_modified: modified(d),
  }),
  children: [
    { table: activityGroups, parentColumn: 'activity_id', rows: (d) => d.groups.map((g) => ({ activity_id: d.id, group_id: g.id })) },
    {
      table: activityTeachers,
      parentColumn: 'activity_id',
      rows: (d) => (d.teachers ?? []).map((t) => ({ activity_id: d.id, duty_id: t.duty.id, grader: t.grader ?? false })),
    },
  ],
};

export const calendarEventWriter: EndpointWriter<CalendarEventDoc> = {
  upsert: { table: calendarEvents, key: ['id'], versioning: 'modified' },
  row: (d) => ({
    id: d.id,
    activity_id: d.activity.id,
    start_time: d.startTime,
    end_time: d.endTime,
    cancelled: d.cancelled ?? false,
    source_modified: modified(d),
  }),
};

/**
 * Student-health team meetings (docs/interventions.md, "Meetings"): the list, a new meeting with its generated agenda,
 * a meeting with names for the reader's students, and its minutes, attendees and status under a version.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, optionalParagraph } from '../input/index.ts';
import { idParams, version } from './cases.ts';
import { caseEventKind, change, label, person } from './history.ts';

/** The longest minutes, in characters, and the most attendees (docs/interventions.md, "Input limits"). */
export const meetingLimits = { minutes: 20_000, attendees: 40 } as const;
export const meetingStatuses = ['planned', 'held'] as const;

export const meetingsQuery = z.strictObject({ schoolUnitId: z.uuid().optional() });
export const createMeetingBody = z.strictObject({ schoolUnitId: z.uuid(), heldOn: calendarDate() });
export const updateMeetingBody = z.strictObject({
  version,
  minutes: optionalParagraph(meetingLimits.minutes).nullable().optional(),
  attendeeIds: z.array(z.uuid()).max(meetingLimits.attendees).optional(),
  status: z.enum(meetingStatuses).optional(),
});
export type UpdateMeetingBody = z.output<typeof updateMeetingBody>;

export const meetingLabels: FieldLabels = {
  id: { sv: 'Möte', en: 'Meeting' },
  schoolUnitId: { sv: 'Skolenhet', en: 'School unit' },
  heldOn: { sv: 'Datum', en: 'Date' },
  version: { sv: 'Version du läste', en: 'Version you read' },
  minutes: { sv: 'Mötesanteckningar', en: 'Minutes' },
  attendeeIds: { sv: 'Närvarande', en: 'Present' },
  status: { sv: 'Status', en: 'Status' },
};

const named = z.object({ id: z.uuid(), name: z.string() });

export const meetingListItem = z.object({ id: z.uuid(), schoolUnit: named, heldOn: z.string(), status: z.enum(meetingStatuses) });
export type MeetingListItem = z.output<typeof meetingListItem>;

export const agendaFlag = z.object({
  student: named,
  tier: z.number().int().nullable(),
  flags: z.array(z.string()),
  onset: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export const agendaFollowUp = z.object({
  followUpId: z.uuid(),
  dueOn: z.string(),
  caseId: z.uuid(),
  interventionId: z.uuid(),
  title: z.string(),
  student: named,
});
/** An intervention past its end without an evaluation ('ended'), or a case in status follow-up. */
export const agendaEvaluation = z.object({
  caseId: z.uuid(),
  interventionId: z.uuid().nullable(),
  title: z.string().nullable(),
  endDate: z.string().nullable(),
  reason: z.enum(['ended', 'follow-up']),
  student: named,
});

/** A change recorded with the meeting's id: an intervention added, or another case change (as the history shows it). */
export const decision = z.object({
  kind: caseEventKind,
  kindLabel: label,
  caseId: z.uuid(),
  student: named,
  intervention: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  responsible: person.nullable(),
  date: z.string(),
  changes: z.array(change),
});
export type Decision = z.output<typeof decision>;

export const meeting = z.object({
  id: z.uuid(),
  version: z.number().int(),
  schoolUnit: named,
  heldOn: z.string(),
  status: z.enum(meetingStatuses),
  minutes: z.string().nullable(),
  attendees: z.array(named),
  /** `hidden`: agenda items about students outside the reader's scope (left out). */
  agenda: z.object({
    newFlags: z.array(agendaFlag),
    overdueFollowUps: z.array(agendaFollowUp),
    toEvaluate: z.array(agendaEvaluation),
    hidden: z.number().int(),
  }),
  decisions: z.array(decision),
  hiddenDecisions: z.number().int(),
});
export type Meeting = z.output<typeof meeting>;

export const meetingsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/interventions/meetings',
    query: meetingsQuery,
    response: z.object({ items: z.array(meetingListItem) }),
    labels: meetingLabels,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/interventions/meetings',
    body: createMeetingBody,
    response: z.object({ id: z.uuid() }),
    labels: meetingLabels,
  }),
  read: endpoint({ method: 'GET', path: '/api/interventions/meetings/:id', params: idParams, response: meeting, labels: meetingLabels }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/interventions/meetings/:id',
    params: idParams,
    body: updateMeetingBody,
    response: z.object({ id: z.uuid(), version: z.number().int() }),
    labels: meetingLabels,
  }),
};

/**
 * The contract of a case's work (docs/interventions.md): adding and changing interventions, follow-up dates and their
 * completion, and notes. A rule that needs the database or today's date (a date in the past, a responsible person
 * outside the unit, a retired method) is the server's; these schemas hold the shape and the limits.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, line, optionalParagraph, paragraph } from '../input/index.ts';
import { idParams, inputLimits, saved, version } from './cases.ts';
import { fieldLabels, interventionStatuses, outcomes } from './labels.ts';

const date = calendarDate();

export const addInterventionBody = z.strictObject({
  methodId: z.uuid().optional(),
  title: line(inputLimits.title).optional(),
  goal: paragraph(inputLimits.goal),
  actions: paragraph(inputLimits.actions),
  responsibleId: z.uuid(),
  startDate: date,
  endDate: date.optional(),
  followUpDates: z.array(date).min(1).max(20),
  meetingId: z.uuid().optional(),
});
export type AddInterventionBody = z.output<typeof addInterventionBody>;

export const updateInterventionBody = z.strictObject({
  version,
  status: z.enum(interventionStatuses).optional(),
  goal: paragraph(inputLimits.goal).optional(),
  actions: paragraph(inputLimits.actions).optional(),
  responsibleId: z.uuid().optional(),
  endDate: date.optional(),
  evaluation: optionalParagraph(inputLimits.evaluation).optional(),
  outcome: z.enum(outcomes).optional(),
  meetingId: z.uuid().optional(),
});
export type UpdateInterventionBody = z.output<typeof updateInterventionBody>;

export const addFollowUpBody = z.strictObject({ dueOn: date });
export const followUpDoneBody = z.strictObject({ note: paragraph(inputLimits.followUpNote), doneOn: date.optional() });
export const addNoteBody = z.strictObject({ body: paragraph(inputLimits.note), sensitive: z.boolean(), meetingId: z.uuid().optional() });
export type AddNoteBody = z.output<typeof addNoteBody>;

const withId = (id: { sv: string; en: string }): FieldLabels => ({ ...fieldLabels, id });
const caseId = withId({ sv: 'Ärende', en: 'Case' });
const interventionId: FieldLabels = {
  ...withId({ sv: 'Insats', en: 'Intervention' }),
  status: { sv: 'Insatsens status', en: "The intervention's status" },
};
const followUpId = withId({ sv: 'Uppföljning', en: 'Follow-up' });
/** A follow-up's own form: its date is "Nytt uppföljningsdatum". */
const followUpLabels: FieldLabels = { ...interventionId, dueOn: { sv: 'Nytt uppföljningsdatum', en: 'New follow-up date' } };

const created = z.object({ id: z.uuid() });

export const interventionsApi = {
  add: endpoint({
    method: 'POST',
    path: '/api/interventions/cases/:id/interventions',
    params: idParams,
    body: addInterventionBody,
    response: created,
    labels: caseId,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/interventions/interventions/:id',
    params: idParams,
    body: updateInterventionBody,
    response: saved,
    labels: interventionId,
  }),
  addFollowUp: endpoint({
    method: 'POST',
    path: '/api/interventions/interventions/:id/follow-ups',
    params: idParams,
    body: addFollowUpBody,
    response: created,
    labels: followUpLabels,
  }),
  followUpDone: endpoint({
    method: 'POST',
    path: '/api/interventions/follow-ups/:id/done',
    params: idParams,
    body: followUpDoneBody,
    response: created,
    labels: followUpId,
  }),
  addNote: endpoint({
    method: 'POST',
    path: '/api/interventions/cases/:id/notes',
    params: idParams,
    body: addNoteBody,
    response: created,
    labels: caseId,
  }),
};

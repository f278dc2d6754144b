/**
 * Request schemas of the case routes (cases, interventions, follow-ups, notes, reminders, methods). Unknown fields are
 * refused, so a typo never widens a query or silently drops a change. Rules that need the database or today's date
 * (a past follow-up date, a responsible person outside the unit, a retired method) live in the commands. Texts are
 * trimmed, bounded and free of control characters, dates exist (1900–2100), query numbers are decimal digits
 * (src/shared/input).
 */
import { z } from 'zod';
import { calendarDate, line, optionalLine, optionalParagraph, pageNumber, pageSize, paragraph } from '../../../shared/input/index.ts';
import { caseStatuses, closingReasons, interventionOutcomes, interventionStatuses } from '../../db/schema/interventions.ts';
import { workLevels } from '../../db/schema/knowledge-bank.ts';

/** A calendar date that exists, 1900–2100 (shared/input). */
const date = calendarDate();
/** The largest version a row can carry (PostgreSQL integer). */
export const maxVersion = 2_147_483_647;
const version = z.number({ error: 'saknas: ange versionen du läste' }).int().min(1).max(maxVersion);
const teamIds = z.array(z.uuid()).max(20, { error: 'högst 20 personer' });

/** The longest texts, in characters (docs/interventions.md, "Input limits"). */
export const inputLimits = {
  search: 100, reason: 2000, closingNote: 2000, title: 200, goal: 2000, actions: 4000, evaluation: 4000, followUpNote: 4000, note: 10_000,
} as const;

export const idParams = z.strictObject({ id: z.uuid() });
export const emptyQuery = z.strictObject({});

export const listCasesQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all'], { error: 'ska vara open, closed eller all' }).default('open'),
  schoolUnitId: z.uuid().optional(),
  mine: z.enum(['true', 'false'], { error: 'ska vara true eller false' }).transform((v) => v === 'true').optional(),
  q: optionalLine(inputLimits.search).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 100),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export const openCaseBody = z.strictObject({
  studentId: z.uuid(),
  reason: paragraph(inputLimits.reason),
  level: z.enum(workLevels, { error: 'ska vara promoting, preventing eller remedying' }),
  responsibleId: z.uuid(),
  teamIds: teamIds.optional(),
  openedFrom: z.enum(['flag', 'manual'], { error: 'ska vara flag eller manual' }),
});
export type OpenCaseBody = z.output<typeof openCaseBody>;

export const updateCaseBody = z.strictObject({
  version,
  status: z.enum(caseStatuses, { error: `ska vara ${caseStatuses.join(', ')}` }).optional(),
  level: z.enum(workLevels, { error: 'ska vara promoting, preventing eller remedying' }).optional(),
  reason: paragraph(inputLimits.reason).optional(),
  responsibleId: z.uuid().optional(),
  teamIds: teamIds.optional(),
  closingReason: z.enum(closingReasons, { error: `ska vara ${closingReasons.join(', ')}` }).optional(),
  closingNote: optionalParagraph(inputLimits.closingNote).optional(),
  meetingId: z.uuid().optional(),
});
export type UpdateCaseBody = z.output<typeof updateCaseBody>;

export const addInterventionBody = z.strictObject({
  methodId: z.uuid().optional(),
  title: line(inputLimits.title).optional(),
  goal: paragraph(inputLimits.goal),
  actions: paragraph(inputLimits.actions),
  responsibleId: z.uuid(),
  startDate: date,
  endDate: date.optional(),
  followUpDates: z.array(date).min(1, { error: 'ange minst ett datum för uppföljning' }).max(20, { error: 'högst 20 datum' }),
  meetingId: z.uuid().optional(),
});
export type AddInterventionBody = z.output<typeof addInterventionBody>;

export const updateInterventionBody = z.strictObject({
  version,
  status: z.enum(interventionStatuses, { error: `ska vara ${interventionStatuses.join(', ')}` }).optional(),
  goal: paragraph(inputLimits.goal).optional(),
  actions: paragraph(inputLimits.actions).optional(),
  responsibleId: z.uuid().optional(),
  endDate: date.optional(),
  evaluation: optionalParagraph(inputLimits.evaluation).optional(),
  outcome: z.enum(interventionOutcomes, { error: `ska vara ${interventionOutcomes.join(', ')}` }).optional(),
  meetingId: z.uuid().optional(),
});
export type UpdateInterventionBody = z.output<typeof updateInterventionBody>;

export const addFollowUpBody = z.strictObject({ dueOn: date });
export const followUpDoneBody = z.strictObject({ note: paragraph(inputLimits.followUpNote), doneOn: date.optional() });
export const addNoteBody = z.strictObject({
  body: paragraph(inputLimits.note), sensitive: z.boolean({ error: 'ska vara true eller false' }), meetingId: z.uuid().optional(),
});
export type AddNoteBody = z.output<typeof addNoteBody>;

export const responsiblesQuery = z.strictObject({ schoolUnitId: z.uuid(), studentId: z.uuid().optional() });

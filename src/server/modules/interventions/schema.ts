/**
 * Request schemas of the case routes (cases, interventions, follow-ups, notes, reminders, methods). Unknown fields are
 * refused, so a typo never widens a query or silently drops a change. Rules that need the database or today's date
 * (a past follow-up date, a responsible person outside the unit, a retired method) live in the commands.
 */
import { z } from 'zod';
import { caseStatuses, closingReasons, interventionOutcomes, interventionStatuses } from '../../db/schema/interventions.ts';
import { workLevels } from '../../db/schema/knowledge-bank.ts';

const date = z.iso.date({ error: 'ska vara ett datum ÅÅÅÅ-MM-DD' });
const text = (max: number) => z.string().trim().min(1, { error: 'får inte vara tom' }).max(max, { error: `får ha högst ${max} tecken` });
const optionalText = (max: number) => z.string().trim().max(max, { error: `får ha högst ${max} tecken` });
const version = z.number({ error: 'saknas: ange versionen du läste' }).int().min(1);
const teamIds = z.array(z.uuid()).max(20, { error: 'högst 20 personer' });

export const idParams = z.object({ id: z.uuid() });
export const emptyQuery = z.object({}).strict();

export const listCasesQuery = z
  .object({
    status: z.enum(['open', 'closed', 'all'], { error: 'ska vara open, closed eller all' }).default('open'),
    schoolUnitId: z.uuid().optional(),
    mine: z.enum(['true', 'false'], { error: 'ska vara true eller false' }).transform((v) => v === 'true').optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export const openCaseBody = z
  .object({
    studentId: z.uuid(),
    reason: text(2000),
    level: z.enum(workLevels, { error: 'ska vara promoting, preventing eller remedying' }),
    responsibleId: z.uuid(),
    teamIds: teamIds.optional(),
    openedFrom: z.enum(['flag', 'manual'], { error: 'ska vara flag eller manual' }),
  })
  .strict();
export type OpenCaseBody = z.output<typeof openCaseBody>;

export const updateCaseBody = z
  .object({
    version,
    status: z.enum(caseStatuses, { error: `ska vara ${caseStatuses.join(', ')}` }).optional(),
    level: z.enum(workLevels, { error: 'ska vara promoting, preventing eller remedying' }).optional(),
    reason: text(2000).optional(),
    responsibleId: z.uuid().optional(),
    teamIds: teamIds.optional(),
    closingReason: z.enum(closingReasons, { error: `ska vara ${closingReasons.join(', ')}` }).optional(),
    closingNote: optionalText(2000).optional(),
    meetingId: z.uuid().optional(),
  })
  .strict();
export type UpdateCaseBody = z.output<typeof updateCaseBody>;

export const addInterventionBody = z
  .object({
    methodId: z.uuid().optional(),
    title: text(200).optional(),
    goal: text(2000),
    actions: text(4000),
    responsibleId: z.uuid(),
    startDate: date,
    endDate: date.optional(),
    followUpDates: z.array(date).min(1, { error: 'ange minst ett datum för uppföljning' }).max(20, { error: 'högst 20 datum' }),
    meetingId: z.uuid().optional(),
  })
  .strict();
export type AddInterventionBody = z.output<typeof addInterventionBody>;

export const updateInterventionBody = z
  .object({
    version,
    status: z.enum(interventionStatuses, { error: `ska vara ${interventionStatuses.join(', ')}` }).optional(),
    goal: text(2000).optional(),
    actions: text(4000).optional(),
    responsibleId: z.uuid().optional(),
    endDate: date.optional(),
    evaluation: optionalText(4000).optional(),
    outcome: z.enum(interventionOutcomes, { error: `ska vara ${interventionOutcomes.join(', ')}` }).optional(),
    meetingId: z.uuid().optional(),
  })
  .strict();
export type UpdateInterventionBody = z.output<typeof updateInterventionBody>;

export const addFollowUpBody = z.object({ dueOn: date }).strict();
export const followUpDoneBody = z.object({ note: text(4000), doneOn: date.optional() }).strict();
export const addNoteBody = z.object({ body: text(10_000), sensitive: z.boolean({ error: 'ska vara true eller false' }), meetingId: z.uuid().optional() }).strict();
export type AddNoteBody = z.output<typeof addNoteBody>;

export const responsiblesQuery = z.object({ schoolUnitId: z.uuid() }).strict();

/**
 * The implementation plan's endpoints (docs/region-network.md): the organiser's self-assessment with the platform's
 * own measurements beside each item it can measure, and the plan of actions with owners, dates and progress.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { calendarDate, line, optionalParagraph } from '../input/index.ts';
import { actionStatuses, frameworkKeys, measures } from './framework.ts';

const level = z.number().int().min(0).max(3);

export const measurement = z.object({
  measure: z.enum(measures),
  /** The figure (a share 0–1, a count per month, 1/0 for yes/no); null when too few to show or no data. */
  value: z.number().nullable(),
  /** Why no figure: too few to show (fewer than five), or no data yet. */
  missing: z.enum(['too-few', 'no-data']).nullable(),
  /** The level the figure suggests. */
  suggestedLevel: level.nullable(),
});
export type Measurement = z.output<typeof measurement>;

export const planAnswer = z.object({
  itemKey: z.enum(frameworkKeys),
  /** The organiser's answer; null: not answered yet. */
  level: level.nullable(),
  comment: z.string(),
  measurement: measurement.nullable(),
  updatedAt: z.string().nullable(),
});

export const planAction = z.object({
  id: z.uuid(),
  itemKey: z.enum(frameworkKeys),
  title: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PlanAction = z.output<typeof planAction>;

export const planProgress = z.object({
  actions: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  /** Items answered of all items. */
  answered: z.number().int(),
  items: z.number().int(),
  /** Mean level of the answered items (0–3), or null. */
  meanLevel: z.number().nullable(),
});
export type PlanProgress = z.output<typeof planProgress>;

export const planView = z.object({
  asOf: z.string(),
  organiser: z.string(),
  canEdit: z.boolean(),
  answers: z.array(planAnswer),
  actions: z.array(planAction),
  progress: planProgress,
});
export type PlanView = z.output<typeof planView>;

export const answerBody = z.strictObject({ level, comment: optionalParagraph(2000) });
export const actionBody = z.strictObject({
  itemKey: z.enum(frameworkKeys),
  title: line(200),
  owner: line(120),
  dueOn: calendarDate(),
  status: z.enum(actionStatuses).optional(),
});

const labels = {
  itemKey: { sv: 'Område i ramverket', en: 'Framework item' },
  level: { sv: 'Nivå', en: 'Level' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  title: { sv: 'Åtgärd', en: 'Action' },
  owner: { sv: 'Ansvarig', en: 'Owner' },
  dueOn: { sv: 'Klart senast', en: 'Due' },
  status: { sv: 'Status', en: 'Status' },
  id: { sv: 'Åtgärd', en: 'Action' },
};

export const implementationPlanApi = {
  read: endpoint({ method: 'GET', path: '/api/implementation-plan', query: z.strictObject({}), response: planView, labels }),
  answer: endpoint({
    method: 'PUT',
    path: '/api/implementation-plan/answers/:itemKey',
    params: z.strictObject({ itemKey: z.enum(frameworkKeys) }),
    body: answerBody,
    response: planView,
    labels,
  }),
  addAction: endpoint({ method: 'POST', path: '/api/implementation-plan/actions', body: actionBody, response: planView, labels }),
  updateAction: endpoint({
    method: 'PUT',
    path: '/api/implementation-plan/actions/:id',
    params: z.strictObject({ id: z.uuid() }),
    body: actionBody,
    response: planView,
    labels,
  }),
};

/** The plan as a PDF (a file, not an endpoint): `?lang=en` for English. */
export const implementationPlanPdfPath = '/api/implementation-plan/pdf';

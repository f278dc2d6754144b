/**
 * Who may be responsible at a unit (and for an intervention, the student's mentors), the actor's follow-up reminders,
 * and the method library the intervention form chooses from (docs/interventions.md).
 */
import { z } from 'zod';
import { roleNames } from '../access/roles.ts';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { workLevels } from '../knowledge-bank/vocabulary.ts';
import { emptyQuery } from './cases.ts';
import { label } from './history.ts';

export const responsiblesQuery = z.strictObject({ schoolUnitId: z.uuid(), studentId: z.uuid().optional() });
const responsiblesLabels: FieldLabels = { schoolUnitId: { sv: 'Skolenhet', en: 'School unit' }, studentId: { sv: 'Elev', en: 'Student' } };

export const responsible = z.object({
  accountId: z.uuid(),
  displayName: z.string(),
  roles: z.array(z.enum(roleNames as [string, ...string[]])),
  /** May also be responsible for the case itself (not only for an intervention). */
  forCase: z.boolean(),
});
export type Responsible = z.output<typeof responsible>;

export const reminder = z.object({
  followUpId: z.uuid(),
  dueOn: z.string(),
  caseId: z.uuid(),
  interventionId: z.uuid(),
  title: z.string(),
  student: z.object({ id: z.uuid(), name: z.string() }),
});
export type Reminder = z.output<typeof reminder>;

export const method = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: label,
  summary: label,
  focusAreas: z.array(z.string()),
  levels: z.array(z.enum(workLevels)),
  evidence: z.object({ rating: z.string(), source: z.string(), url: z.string().optional(), tier: z.string().optional() }).nullable(),
});
export type Method = z.output<typeof method>;

export const peopleApi = {
  responsibles: endpoint({
    method: 'GET',
    path: '/api/interventions/responsibles',
    query: responsiblesQuery,
    response: z.object({ items: z.array(responsible) }),
    labels: responsiblesLabels,
  }),
  reminders: endpoint({
    method: 'GET',
    path: '/api/interventions/reminders',
    query: emptyQuery,
    response: z.object({ overdue: z.array(reminder), upcoming: z.array(reminder) }),
    labels: {},
  }),
  methods: endpoint({ method: 'GET', path: '/api/methods', query: emptyQuery, response: z.object({ items: z.array(method) }), labels: {} }),
};

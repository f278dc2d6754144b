/**
 * The case routes' contract (docs/interventions.md, "Cases"): the list with its filter, opening a case, the case page
 * and changing a case under its version. Texts are trimmed and bounded, objects strict (src/shared/input); the labels
 * are the form's (labels.ts), so a 400 names a field as the page does.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { optionalLine, optionalParagraph, pageNumber, pageSize, paragraph } from '../input/index.ts';
import { caseEvent, label, person } from './history.ts';
import { caseStatuses, closingReasons, fieldLabels, interventionStatuses, openedFromValues, outcomes, workLevels } from './labels.ts';

/** The longest texts, in characters (docs/interventions.md, "Input limits"). */
export const inputLimits = {
  search: 100,
  reason: 2000,
  closingNote: 2000,
  title: 200,
  goal: 2000,
  actions: 4000,
  evaluation: 4000,
  followUpNote: 4000,
  note: 10_000,
} as const;
/** The largest version a row can carry (PostgreSQL integer). */
export const maxVersion = 2_147_483_647;
export const version = z.number().int().min(1).max(maxVersion);
const teamIds = z.array(z.uuid()).max(20);

export const idParams = z.strictObject({ id: z.uuid() });
export const emptyQuery = z.strictObject({});

export const listCasesQuery = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  schoolUnitId: z.uuid().optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: optionalLine(inputLimits.search).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 100),
});
export type ListCasesQuery = z.output<typeof listCasesQuery>;

export const openCaseBody = z.strictObject({
  studentId: z.uuid(),
  reason: paragraph(inputLimits.reason),
  level: z.enum(workLevels),
  responsibleId: z.uuid(),
  teamIds: teamIds.optional(),
  openedFrom: z.enum(openedFromValues),
});
export type OpenCaseBody = z.output<typeof openCaseBody>;

export const updateCaseBody = z.strictObject({
  version,
  status: z.enum(caseStatuses).optional(),
  level: z.enum(workLevels).optional(),
  reason: paragraph(inputLimits.reason).optional(),
  responsibleId: z.uuid().optional(),
  teamIds: teamIds.optional(),
  closingReason: z.enum(closingReasons).optional(),
  closingNote: optionalParagraph(inputLimits.closingNote).optional(),
  meetingId: z.uuid().optional(),
});
export type UpdateCaseBody = z.output<typeof updateCaseBody>;

/** The case routes' labels: the form's fields, the list's filter, and the case in the path. */
export const caseLabels: FieldLabels = {
  ...fieldLabels,
  id: { sv: 'Ärende', en: 'Case' },
  status: { sv: 'Status', en: 'Status' },
  mine: { sv: 'Bara ärenden där jag är ansvarig', en: 'Only cases I am responsible for' },
  q: { sv: 'Sök elev', en: 'Search student' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Rows per page' },
};

const unit = z.object({ id: z.uuid(), name: z.string().nullable() });

export const caseListItem = z.object({
  id: z.uuid(),
  student: z.object({ id: z.uuid(), name: z.string(), schoolUnit: unit }),
  status: z.enum(caseStatuses),
  level: z.enum(workLevels),
  reason: z.string(),
  responsible: person,
  openedOn: z.string(),
  tier: z.number().int().nullable(),
  interventions: z.number().int(),
  nextFollowUp: z.string().nullable(),
  overdueFollowUps: z.number().int(),
});
export type CaseListItem = z.output<typeof caseListItem>;
export const caseList = z.object({
  items: z.array(caseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** What a write answers: the record and its new version. */
export const saved = z.object({ id: z.uuid(), version: z.number().int() });

export const followUpView = z.object({
  id: z.uuid(),
  dueOn: z.string(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  doneBy: person.nullable(),
  note: z.string().nullable(),
  responsible: person.nullable(),
  overdue: z.boolean(),
});
export type FollowUpView = z.output<typeof followUpView>;

export const interventionView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  method: z.object({ id: z.uuid(), slug: z.string(), name: label }).nullable(),
  title: z.string(),
  goal: z.string(),
  actions: z.string(),
  responsible: person.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(interventionStatuses),
  evaluation: z.string().nullable(),
  outcome: z.enum(outcomes).nullable(),
  meetingId: z.uuid().nullable(),
  followUps: z.array(followUpView),
});
export type InterventionView = z.output<typeof interventionView>;

const noteCommon = { id: z.uuid(), author: person.nullable(), createdAt: z.string(), meetingId: z.uuid().nullable() };
/** A note; a sensitive one without its text for those who may not read it (`restricted`). */
export const noteView = z.union([
  z.object({ ...noteCommon, sensitive: z.boolean(), body: z.string() }),
  z.object({ ...noteCommon, sensitive: z.literal(true), restricted: z.literal(true) }),
]);
export type NoteView = z.output<typeof noteView>;

export const actionProgrammeView = z.object({
  needs: z.string(),
  studentViews: z.string(),
  guardianViews: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  evaluationOn: z.string(),
  version: z.number().int(),
  updatedBy: person.nullable(),
  updatedAt: z.string(),
});

export const caseView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(caseStatuses),
  level: z.enum(workLevels),
  reason: z.string(),
  openedFrom: z.enum(openedFromValues),
  openedOn: z.string(),
  openedBy: person.nullable(),
  closedOn: z.string().nullable(),
  closingReason: z.enum(closingReasons).nullable(),
  closingNote: z.string().nullable(),
  student: z.object({ id: z.uuid(), name: z.string().nullable(), schoolUnit: unit }),
  /** The early-detection situation when the case was opened; `flags` are indicator codes (the page shows their names). */
  atOpening: z.object({
    tier: z.number().int().nullable(),
    flags: z.array(z.string()),
    onset: z.string().nullable(),
    measures: z.record(z.string(), z.number().nullable()),
  }),
  responsible: person.nullable(),
  team: z.array(person.nullable()),
  interventions: z.array(interventionView),
  notes: z.array(noteView),
  events: z.array(caseEvent),
  actionProgramme: actionProgrammeView.nullable(),
  can: z.object({ write: z.boolean(), readSensitive: z.boolean() }),
});
export type CaseView = z.output<typeof caseView>;

export const casesApi = {
  list: endpoint({ method: 'GET', path: '/api/interventions/cases', query: listCasesQuery, response: caseList, labels: caseLabels }),
  open: endpoint({ method: 'POST', path: '/api/interventions/cases', body: openCaseBody, response: saved, labels: caseLabels }),
  read: endpoint({ method: 'GET', path: '/api/interventions/cases/:id', params: idParams, response: caseView, labels: caseLabels }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/interventions/cases/:id',
    params: idParams,
    body: updateCaseBody,
    response: saved,
    labels: caseLabels,
  }),
};

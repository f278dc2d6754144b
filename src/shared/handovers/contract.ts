/**
 * The handovers' contract (docs/handovers.md): the sender's list (drafts, "no handover needed", sent), one handover,
 * saving and sending it; the receiving unit's list, receipt, transition meeting and follow-up; the overview of counts.
 * Texts are bounded and objects strict (src/shared/input); labels name each field as the form does. No response
 * carries a personnummer or an address.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, optionalParagraph } from '../input/index.ts';
import { adaptationOutcomes, handoverDirections, handoverRoutes, handoverStatuses, handoverTriggers } from './codes.ts';

/** The longest texts, in characters. */
export const handoverLimits = { text: 4000, short: 400 } as const;

const text = optionalParagraph(handoverLimits.text);
const version = z.number().int().min(1).max(2_147_483_647);
export const handoverIdParams = z.strictObject({ id: z.uuid() });
const empty = z.strictObject({});

export const fieldLabels: FieldLabels = {
  id: { sv: 'Överlämning', en: 'Handover' },
  version: { sv: 'Version', en: 'Version' },
  toUnitId: { sv: 'Mottagande skolenhet', en: 'Receiving school unit' },
  strengths: { sv: 'Styrkor och intressen', en: 'Strengths and interests' },
  adaptations: { sv: 'Extra anpassningar', en: 'Extra adaptations' },
  specialSupport: { sv: 'Särskilt stöd och åtgärdsprogram', en: 'Special support and action programme' },
  knowledge: { sv: 'Kunskapsutveckling, betyg och behörighet', en: 'Knowledge development, grades and eligibility' },
  unfinishedCourses: { sv: 'Påbörjade men inte avslutade kurser', en: 'Courses started but not finished' },
  language: { sv: 'Språk', en: 'Language' },
  contacts: { sv: 'Kontakter eleven och vårdnadshavarna vill föra vidare', en: 'Contacts the student and guardians want passed on' },
  informed: { sv: 'Vad eleven och vårdnadshavarna har fått veta', en: 'What the student and guardians were told' },
  consentBeyondPedagogical: { sv: 'Samtycke till uppgifter utöver de pedagogiska', en: 'Consent for information beyond the pedagogical' },
  consentNote: { sv: 'Vad samtycket gäller', en: 'What the consent covers' },
  attachActionProgramme: { sv: 'Bifoga åtgärdsprogrammet', en: 'Attach the action programme' },
  meetingOn: { sv: 'Datum för övergångsmötet', en: 'Date of the transition meeting' },
  meetingAttendees: { sv: 'Deltagare', en: 'Attendees' },
  meetingMinutes: { sv: 'Anteckningar', en: 'Minutes' },
  meetingActions: { sv: 'Vad den mottagande skolan gör', en: 'What the receiving school will do' },
  adaptationsContinued: { sv: 'Fortsatte anpassningarna?', en: 'Did the adaptations continue?' },
  followUpNote: { sv: 'Uppföljning', en: 'Follow-up' },
  month: { sv: 'Månad', en: 'Month' },
};

export const handoverListItem = z.object({
  id: z.uuid(),
  direction: z.enum(handoverDirections),
  status: z.enum(handoverStatuses),
  route: z.enum(handoverRoutes),
  studentName: z.string(),
  fromUnitName: z.string(),
  toUnitName: z.string(),
  toOrganiserName: z.string(),
  triggers: z.array(z.enum(handoverTriggers)),
  leavesOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  sendBy: z.string().nullable(),
  confirmBy: z.string().nullable(),
  sentOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  overdue: z.boolean(),
  meetingHeld: z.boolean(),
  followUpDone: z.boolean(),
  /** The receiving school is outside the installation: the handover leaves only as a file. */
  outside: z.boolean(),
  /** The receipt came back as the receiving school's receipt file (receipt-file.ts). */
  receiptByFile: z.boolean(),
  /** A received handover imported from a handover file: its receipt can go back as a file. */
  fromFile: z.boolean(),
});
export type HandoverListItem = z.output<typeof handoverListItem>;
export const handoverList = z.object({ items: z.array(handoverListItem) });

const content = z.object({
  strengths: z.string(),
  adaptations: z.string(),
  specialSupport: z.string(),
  knowledge: z.string(),
  unfinishedCourses: z.string(),
  language: z.string(),
  contacts: z.string(),
  informed: z.string(),
  consentBeyondPedagogical: z.boolean(),
  consentNote: z.string(),
  attachActionProgramme: z.boolean(),
});

const facts = z.object({
  absenceShare: z.number().nullable(),
  indicators: z.array(z.object({ indicator: z.string(), onset: z.string(), severity: z.string() })),
  grades: z.array(z.object({ subject: z.string(), grade: z.string() })),
  eligible: z.boolean().nullable(),
  interventions: z.array(z.object({ title: z.string(), status: z.string() })),
  actionProgramme: z.object({ needs: z.string(), decidedOn: z.string(), evaluationOn: z.string() }).nullable(),
});

export const handoverView = handoverListItem.extend({
  version: z.number().int(),
  fromOrganiserName: z.string(),
  protectedIdentity: z.boolean(),
  facts,
  content,
  meetingOn: z.string().nullable(),
  meetingAttendees: z.string().nullable(),
  meetingMinutes: z.string().nullable(),
  meetingActions: z.string().nullable(),
  followUpDue: z.string().nullable(),
  adaptationsContinued: z.enum(adaptationOutcomes).nullable(),
  followUpNote: z.string().nullable(),
  attendanceSinceStart: z.number().nullable(),
  /** What the actor may do here. */
  canEdit: z.boolean(),
  canConfirm: z.boolean(),
});
export type HandoverView = z.output<typeof handoverView>;

/**
 * The form's fields, defined once: the save body and the handover file's content (transfer-file.ts) both spread them,
 * so a rule changes in one place.
 */
export const handoverContentFields = {
  strengths: text,
  adaptations: text,
  specialSupport: text,
  knowledge: text,
  unfinishedCourses: text,
  language: text,
  contacts: text,
  informed: text,
  consentBeyondPedagogical: z.boolean(),
  consentNote: text,
  attachActionProgramme: z.boolean(),
};

export const saveHandoverBody = z.strictObject({
  version,
  toUnitId: z.uuid().optional(),
  ...handoverContentFields,
});
export type SaveHandoverBody = z.output<typeof saveHandoverBody>;

export const versionBody = z.strictObject({ version });

export const meetingBody = z.strictObject({
  version,
  meetingOn: calendarDate(),
  meetingAttendees: optionalParagraph(handoverLimits.short),
  meetingMinutes: text,
  meetingActions: text,
});

export const followUpBody = z.strictObject({
  version,
  adaptationsContinued: z.enum(adaptationOutcomes),
  followUpNote: text,
});

export const receivingUnits = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), organiserName: z.string(), schoolTypes: z.array(z.string()) })),
});

const countsRow = z.object({
  name: z.string(),
  sent: z.number().int().nullable(),
  received: z.number().int().nullable(),
  confirmed: z.number().int().nullable(),
  overdue: z.number().int().nullable(),
});
export const overview = z.object({ organiserName: z.string(), total: countsRow, units: z.array(countsRow) });
export type HandoverOverview = z.output<typeof overview>;

export const handoversApi = {
  outgoing: endpoint({ method: 'GET', path: '/api/handovers/outgoing', query: empty, response: handoverList, labels: fieldLabels }),
  incoming: endpoint({ method: 'GET', path: '/api/handovers/incoming', query: empty, response: handoverList, labels: fieldLabels }),
  read: endpoint({ method: 'GET', path: '/api/handovers/:id', params: handoverIdParams, response: handoverView, labels: fieldLabels }),
  save: endpoint({
    method: 'PUT',
    path: '/api/handovers/:id',
    params: handoverIdParams,
    body: saveHandoverBody,
    response: handoverView,
    labels: fieldLabels,
  }),
  send: endpoint({
    method: 'POST',
    path: '/api/handovers/:id/send',
    params: handoverIdParams,
    body: versionBody,
    response: handoverView,
    labels: fieldLabels,
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/handovers/:id/confirm',
    params: handoverIdParams,
    body: versionBody,
    response: handoverView,
    labels: fieldLabels,
  }),
  meeting: endpoint({
    method: 'PUT',
    path: '/api/handovers/:id/meeting',
    params: handoverIdParams,
    body: meetingBody,
    response: handoverView,
    labels: fieldLabels,
  }),
  followUp: endpoint({
    method: 'PUT',
    path: '/api/handovers/:id/follow-up',
    params: handoverIdParams,
    body: followUpBody,
    response: handoverView,
    labels: fieldLabels,
  }),
  receivingUnits: endpoint({ method: 'GET', path: '/api/handovers/receiving-units', query: empty, response: receivingUnits }),
  overview: endpoint({ method: 'GET', path: '/api/handovers/overview', query: empty, response: overview }),
};

/** The handover PDF and the grade-catalogue extract (files, not endpoints). */
export const handoverPdfPath = (id: string) => `/api/handovers/${encodeURIComponent(id)}/pdf`;
export const gradeExtractPath = (id: string) => `/api/handovers/${encodeURIComponent(id)}/grade-extract`;

/**
 * The KAA register's contract (docs/kaa.md): the target group and one young person's page, the officer's work
 * (contacts, occupation, plan, measures, dismissals, completions, manual deregistration), reminders, the population
 * file import, and notices between organisers (received by the home municipality; sent, proposed and confirmed by the
 * principal of the sending organiser; exported and imported as files). Texts are bounded, objects strict
 * (src/shared/input); labels name each field as the form does. No response carries a personnummer.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, line, optionalLine, optionalParagraph, pageNumber, pageSize, paragraph } from '../input/index.ts';
import {
  kaaCompletionKinds,
  kaaContactKinds,
  kaaContactOutcomes,
  kaaCriteria,
  kaaDeregistrationReasons,
  kaaDismissalReasons,
  kaaEvidenceSources,
  kaaMeasureEndReasons,
  kaaMeasureKinds,
  kaaMeasureOutcomes,
  kaaMeasureResponsibles,
  kaaMeasureStatuses,
  kaaNoticeChannels,
  kaaNoticeDirections,
  kaaNoticeKinds,
  kaaNoticeReasons,
  kaaNoticeStatuses,
  kaaOccupationKinds,
  kaaOccupationTimings,
  kaaReasonSources,
  kaaRegistrationReasons,
} from './codes.ts';

/** The longest texts, in characters. */
export const kaaLimits = {
  search: 100,
  note: 2000,
  description: 2000,
  part: 2000,
  goal: 2000,
  plan: 4000,
  otherActor: 200,
  email: 200,
  phone: 40,
  /** A population file or a notice file sent through the web (about 7 000 rows; the request limit is 1 MB): larger files go through `fullfolj kaa import-population`. */
  file: 900_000,
  fileName: 200,
} as const;

const maxVersion = 2_147_483_647;
const version = z.number().int().min(1).max(maxVersion);
const date = calendarDate();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const kaaIdParams = z.strictObject({ id: z.uuid() });
export const kaaEmptyQuery = z.strictObject({});

// ——— the target group ———

export const youthStatuses = ['in-group', 'deregistered', 'dismissed', 'all'] as const;

export const listYouthQuery = z.strictObject({
  status: z.enum(youthStatuses).default('in-group'),
  reason: z.enum(kaaRegistrationReasons).optional(),
  source: z.enum(kaaEvidenceSources).optional(),
  notContacted: bool.optional(),
  openMeasure: bool.optional(),
  q: optionalLine(kaaLimits.search).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 200),
});
export type ListYouthQuery = z.output<typeof listYouthQuery>;

const evidence = z.object({
  criterion: z.enum(kaaCriteria),
  holds: z.boolean(),
  source: z.enum(kaaEvidenceSources),
  date: z.string().nullable(),
  organiserName: z.string().nullable(),
});
export type EvidenceView = z.output<typeof evidence>;

export const youthListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  protected: z.boolean(),
  inGroup: z.boolean(),
  dismissed: z.boolean(),
  registeredOn: z.string().nullable(),
  registrationReason: z.enum(kaaRegistrationReasons).nullable(),
  deregisteredOn: z.string().nullable(),
  deregistrationReason: z.enum(kaaDeregistrationReasons).nullable(),
  /** The sources that put the young person on the list (criteria that hold, by source). */
  sources: z.array(z.enum(kaaEvidenceSources)),
  lastContactOn: z.string().nullable(),
  openMeasures: z.number().int(),
  nextFollowUpOn: z.string().nullable(),
});
export type YouthListItem = z.output<typeof youthListItem>;

export const youthList = z.object({
  items: z.array(youthListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const person = z.object({ name: z.string() }).nullable();

export const registrationView = z.object({
  id: z.uuid(),
  registeredOn: z.string(),
  registrationReason: z.enum(kaaRegistrationReasons),
  registrationSource: z.enum(kaaReasonSources),
  deregisteredOn: z.string().nullable(),
  deregistrationReason: z.enum(kaaDeregistrationReasons).nullable(),
  deregistrationSource: z.enum(kaaReasonSources).nullable(),
});

export const dismissalView = z.object({
  id: z.uuid(),
  reason: z.enum(kaaDismissalReasons),
  note: z.string().nullable(),
  causedBySource: z.enum(kaaEvidenceSources).nullable(),
  causedByOrganiserName: z.string().nullable(),
  dismissedBy: person,
  dismissedAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const contactView = z.object({
  id: z.uuid(),
  contactedOn: z.string(),
  kind: z.enum(kaaContactKinds),
  outcome: z.enum(kaaContactOutcomes),
  note: z.string().nullable(),
  recordedBy: person,
});

export const occupationView = z.object({
  id: z.uuid(),
  timing: z.enum(kaaOccupationTimings),
  kind: z.enum(kaaOccupationKinds),
  description: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  recordedAt: z.string(),
});

export const planView = z.object({ goal: z.string(), plan: z.string(), establishedOn: z.string(), version: z.number().int() });

export const measureView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  kind: z.enum(kaaMeasureKinds),
  description: z.string(),
  responsible: z.enum(kaaMeasureResponsibles),
  youngPersonPart: z.string().nullable(),
  municipalityPart: z.string().nullable(),
  otherActor: z.string().nullable(),
  otherActorPart: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.enum(kaaMeasureEndReasons).nullable(),
  outcome: z.enum(kaaMeasureOutcomes).nullable(),
  followUpOn: z.string().nullable(),
  evaluationOn: z.string().nullable(),
  status: z.enum(kaaMeasureStatuses),
});

export const noticeView = z.object({
  id: z.uuid(),
  direction: z.enum(kaaNoticeDirections),
  kind: z.enum(kaaNoticeKinds),
  channel: z.enum(kaaNoticeChannels),
  status: z.enum(kaaNoticeStatuses),
  name: z.string(),
  schoolUnitName: z.string(),
  programme: z.string().nullable(),
  eventDate: z.string(),
  reason: z.enum(kaaNoticeReasons),
  counterpartName: z.string(),
  /** Received notices: whether it was matched to a young person of the register. */
  matched: z.boolean(),
  youthId: z.uuid().nullable(),
  proposedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  exportedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receiptAt: z.string().nullable(),
});
export type NoticeView = z.output<typeof noticeView>;

export const youthView = z.object({
  id: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  birthDate: z.string(),
  age: z.number().int(),
  protected: z.boolean(),
  /** Null for a protected identity, always. */
  address: z.object({ streetAddress: z.string(), postalCode: z.string(), locality: z.string() }).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  inGroup: z.boolean(),
  criteria: z.array(evidence),
  evaluatedAt: z.string().nullable(),
  registrations: z.array(registrationView),
  dismissals: z.array(dismissalView),
  completions: z.array(z.object({ id: z.uuid(), kind: z.enum(kaaCompletionKinds), completedOn: z.string() })),
  contacts: z.array(contactView),
  occupations: z.array(occupationView),
  plan: planView.nullable(),
  measures: z.array(measureView),
  notices: z.array(noticeView),
});
export type YouthView = z.output<typeof youthView>;

// ——— the officer's work ———

export const contactDetailsBody = z.strictObject({
  version,
  email: z.union([z.literal(''), z.email().max(kaaLimits.email)]).optional(),
  phone: optionalLine(kaaLimits.phone)
    .refine((v) => v === '' || /^[+\d][\d\s-]{4,}$/.test(v), {
      params: { text: { sv: 'ska vara ett telefonnummer', en: 'must be a phone number' } },
    })
    .optional(),
});

export const addContactBody = z.strictObject({
  contactedOn: date,
  kind: z.enum(kaaContactKinds),
  outcome: z.enum(kaaContactOutcomes),
  note: optionalParagraph(kaaLimits.note).optional(),
});
export type AddContactBody = z.output<typeof addContactBody>;

export const addOccupationBody = z.strictObject({
  timing: z.enum(kaaOccupationTimings),
  kind: z.enum(kaaOccupationKinds),
  description: optionalLine(kaaLimits.description).optional(),
  fromDate: date.optional(),
  toDate: date.optional(),
});
export type AddOccupationBody = z.output<typeof addOccupationBody>;

export const savePlanBody = z.strictObject({
  /** The version read; absent when the young person has no plan yet. */
  version: version.optional(),
  goal: paragraph(kaaLimits.goal),
  plan: paragraph(kaaLimits.plan),
  establishedOn: date,
});
export type SavePlanBody = z.output<typeof savePlanBody>;

const measureParts = {
  youngPersonPart: optionalParagraph(kaaLimits.part).optional(),
  municipalityPart: optionalParagraph(kaaLimits.part).optional(),
  otherActor: optionalLine(kaaLimits.otherActor).optional(),
  otherActorPart: optionalParagraph(kaaLimits.part).optional(),
  followUpOn: date.optional(),
  evaluationOn: date.optional(),
};

export const openMeasureBody = z.strictObject({
  kind: z.enum(kaaMeasureKinds),
  description: paragraph(kaaLimits.description),
  responsible: z.enum(kaaMeasureResponsibles),
  startDate: date,
  ...measureParts,
});
export type OpenMeasureBody = z.output<typeof openMeasureBody>;

export const updateMeasureBody = z.strictObject({
  version,
  kind: z.enum(kaaMeasureKinds).optional(),
  description: paragraph(kaaLimits.description).optional(),
  responsible: z.enum(kaaMeasureResponsibles).optional(),
  ...measureParts,
});
export type UpdateMeasureBody = z.output<typeof updateMeasureBody>;

/** Closing a measure: the outcome is required (Skolverket found it unknown for 17 % of measures). */
export const closeMeasureBody = z.strictObject({
  version,
  endDate: date,
  endReason: z.enum(kaaMeasureEndReasons),
  outcome: z.enum(kaaMeasureOutcomes),
});
export type CloseMeasureBody = z.output<typeof closeMeasureBody>;

export const dismissBody = z.strictObject({ reason: z.enum(kaaDismissalReasons), note: optionalParagraph(kaaLimits.note).optional() });
export type DismissBody = z.output<typeof dismissBody>;

export const addCompletionBody = z.strictObject({ kind: z.enum(kaaCompletionKinds), completedOn: date });

/**
 * Reasons an officer may give by hand when the data does not say: every deregistration reason but `dismissed` (its own
 * route) and `turned-20` (the birth date decides it, always automatically).
 */
export const kaaManualDeregistrationReasons = kaaDeregistrationReasons.filter(
  (r): r is Exclude<(typeof kaaDeregistrationReasons)[number], 'dismissed' | 'turned-20'> => r !== 'dismissed' && r !== 'turned-20',
);

/** By hand where the data does not say: deregister with a reason. */
export const deregisterBody = z.strictObject({
  version,
  reason: z.enum(kaaDeregistrationReasons).exclude(['dismissed', 'turned-20']),
  date,
});

/** By hand where the data does not say: register a young person of the register who is not in the group now, with a reason. */
export const registerBody = z.strictObject({
  version,
  reason: z.enum(kaaRegistrationReasons),
  date,
});
export type RegisterBody = z.output<typeof registerBody>;

export const savedView = z.object({ id: z.uuid(), version: z.number().int() });
const created = z.object({ id: z.uuid() });

// ——— reminders ———

export const remindersView = z.object({
  /** Follow-ups and evaluations of open measures due by today. */
  due: z.array(
    z.object({
      youthId: z.uuid(),
      name: z.string(),
      measureId: z.uuid(),
      kind: z.enum(['follow-up', 'evaluation']),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
  /** In the target group without a contact (attempt or contact) this half-year. */
  notContacted: z.array(z.object({ youthId: z.uuid(), name: z.string(), registeredOn: z.string(), lastContactOn: z.string().nullable() })),
  halfYear: z.object({ from: z.string(), to: z.string() }),
  unmatchedNotices: z.number().int(),
});

// ——— the population file ———

export const populationImportBody = z.strictObject({
  fileName: optionalLine(kaaLimits.fileName).optional(),
  content: z.string().min(1).max(kaaLimits.file),
});

const problem = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

export const refreshSummary = z.object({
  inGroup: z.number().int(),
  registered: z.number().int(),
  deregistered: z.number().int(),
  evaluated: z.number().int(),
});
export type RefreshSummary = z.output<typeof refreshSummary>;

export const populationImportResult = z.object({
  id: z.uuid(),
  rowsTotal: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Each refused row with the field as the layout names it, never the value. */
  problems: z.array(problem),
  refresh: refreshSummary,
});

export const populationImportsView = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      importedAt: z.string(),
      rowsTotal: z.number().int(),
      rowsAccepted: z.number().int(),
      rowsRejected: z.number().int(),
      problems: z.array(problem),
    }),
  ),
});

// ——— notices ———

export const listNoticesQuery = z.strictObject({
  direction: z.enum(kaaNoticeDirections).default('received'),
  unmatched: bool.optional(),
  kind: z.enum(kaaNoticeKinds).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 200),
});

export const noticeList = z.object({
  items: z.array(noticeView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The sending organiser's view (the principal): notices sent or proposed for students of their units. */
export const listSentNoticesQuery = z.strictObject({
  status: z.enum(['proposed', 'sent', 'all']).default('all'),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 200),
});

export const noticeImportBody = z.strictObject({
  format: z.enum(['json', 'csv']),
  content: z.string().min(1).max(kaaLimits.file),
});
export const noticeImportResult = z.object({
  rowsTotal: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  unmatched: z.number().int(),
  problems: z.array(problem),
});

/** The notice file (docs/kaa.md, "The notice file"): the one exchange format, exported and imported. */
export const noticeFileRecord = z.strictObject({
  kind: z.enum(kaaNoticeKinds),
  personnummer: z.string().regex(/^\d{12}$/),
  fornamn: line(100),
  efternamn: line(100),
  skolenhetskod: z
    .string()
    .regex(/^\d{8}$/)
    .nullable(),
  skolenhet: line(200),
  programkod: optionalLine(20).nullable(),
  program: optionalLine(200).nullable(),
  datum: date,
  orsak: z.enum(kaaNoticeReasons),
  hemkommun: z.string().regex(/^\d{4}$/),
  avsandare: line(200),
});
export type NoticeFileRecord = z.output<typeof noticeFileRecord>;
export const noticeFile = z.object({
  format: z.literal('fullfolj-kaa-notices'),
  version: z.literal(1),
  created: z.string(),
  notices: z.array(noticeFileRecord),
});
export type NoticeFile = z.output<typeof noticeFile>;

// ——— labels ———

export const kaaFieldLabels: FieldLabels = {
  id: { sv: 'Ung person', en: 'Young person' },
  status: { sv: 'Status', en: 'Status' },
  reason: { sv: 'Anledning', en: 'Reason' },
  source: { sv: 'Källa', en: 'Source' },
  notContacted: { sv: 'Ej kontaktade detta halvår', en: 'Not contacted this half-year' },
  openMeasure: { sv: 'Med pågående insats', en: 'With an ongoing measure' },
  q: { sv: 'Sök namn', en: 'Search name' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Rows per page' },
  version: { sv: 'Version', en: 'Version' },
  email: { sv: 'E-postadress', en: 'E-mail address' },
  phone: { sv: 'Telefonnummer', en: 'Phone number' },
  contactedOn: { sv: 'Datum för kontakten', en: 'Date of contact' },
  kind: { sv: 'Typ', en: 'Kind' },
  outcome: { sv: 'Resultat', en: 'Outcome' },
  note: { sv: 'Anteckning', en: 'Note' },
  timing: { sv: 'Tidigare, nuvarande eller planerad', en: 'Previous, current or planned' },
  description: { sv: 'Beskrivning', en: 'Description' },
  fromDate: { sv: 'Från', en: 'From' },
  toDate: { sv: 'Till', en: 'To' },
  goal: { sv: 'Mål', en: 'Goal' },
  plan: { sv: 'Individuell plan', en: 'Individual plan' },
  establishedOn: { sv: 'Planen upprättad', en: 'Plan established on' },
  responsible: { sv: 'Huvudansvarig', en: 'Mainly responsible' },
  youngPersonPart: { sv: 'Den ungas ansvar', en: "The young person's part" },
  municipalityPart: { sv: 'Kommunens ansvar', en: "The municipality's part" },
  otherActor: { sv: 'Annan aktör', en: 'Other actor' },
  otherActorPart: { sv: 'Den andra aktörens ansvar', en: "The other actor's part" },
  startDate: { sv: 'Startdatum', en: 'Start date' },
  endDate: { sv: 'Slutdatum', en: 'End date' },
  endReason: { sv: 'Varför insatsen avslutades', en: 'Why the measure ended' },
  followUpOn: { sv: 'Datum för uppföljning', en: 'Follow-up date' },
  evaluationOn: { sv: 'Datum för utvärdering', en: 'Evaluation date' },
  completedOn: { sv: 'Datum för avslutad utbildning', en: 'Date completed' },
  date: { sv: 'Datum', en: 'Date' },
  fileName: { sv: 'Filnamn', en: 'File name' },
  content: { sv: 'Fil', en: 'File' },
  direction: { sv: 'Skickade eller mottagna', en: 'Sent or received' },
  unmatched: { sv: 'Bara omatchade', en: 'Unmatched only' },
  format: { sv: 'Filformat', en: 'File format' },
};

const withId = (sv: string, en: string): FieldLabels => ({ ...kaaFieldLabels, id: { sv, en } });
const measureLabels: FieldLabels = { ...withId('Insats', 'Measure'), kind: { sv: 'Typ av insats', en: 'Kind of measure' } };
const contactLabels: FieldLabels = { ...kaaFieldLabels, kind: { sv: 'Kontaktsätt', en: 'Way of contact' } };
const occupationLabels: FieldLabels = { ...kaaFieldLabels, kind: { sv: 'Sysselsättning', en: 'Occupation' } };
const dismissLabels: FieldLabels = {
  ...kaaFieldLabels,
  reason: { sv: 'Varför personen inte ska vara på listan', en: 'Why the person should not be on the list' },
};

export const kaaApi = {
  list: endpoint({ method: 'GET', path: '/api/kaa/youth', query: listYouthQuery, response: youthList, labels: kaaFieldLabels }),
  read: endpoint({ method: 'GET', path: '/api/kaa/youth/:id', params: kaaIdParams, response: youthView, labels: kaaFieldLabels }),
  contactDetails: endpoint({
    method: 'PATCH',
    path: '/api/kaa/youth/:id/contact-details',
    params: kaaIdParams,
    body: contactDetailsBody,
    response: savedView,
    labels: kaaFieldLabels,
  }),
  addContact: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/contacts',
    params: kaaIdParams,
    body: addContactBody,
    response: created,
    labels: contactLabels,
  }),
  addOccupation: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/occupations',
    params: kaaIdParams,
    body: addOccupationBody,
    response: created,
    labels: occupationLabels,
  }),
  savePlan: endpoint({
    method: 'PUT',
    path: '/api/kaa/youth/:id/plan',
    params: kaaIdParams,
    body: savePlanBody,
    response: savedView,
    labels: kaaFieldLabels,
  }),
  openMeasure: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/measures',
    params: kaaIdParams,
    body: openMeasureBody,
    response: savedView,
    labels: { ...kaaFieldLabels, kind: measureLabels.kind! },
  }),
  updateMeasure: endpoint({
    method: 'PATCH',
    path: '/api/kaa/measures/:id',
    params: kaaIdParams,
    body: updateMeasureBody,
    response: savedView,
    labels: measureLabels,
  }),
  closeMeasure: endpoint({
    method: 'POST',
    path: '/api/kaa/measures/:id/close',
    params: kaaIdParams,
    body: closeMeasureBody,
    response: savedView,
    labels: measureLabels,
  }),
  dismiss: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/dismiss',
    params: kaaIdParams,
    body: dismissBody,
    response: created,
    labels: dismissLabels,
  }),
  revokeDismissal: endpoint({
    method: 'POST',
    path: '/api/kaa/dismissals/:id/revoke',
    params: kaaIdParams,
    body: kaaEmptyQuery,
    response: savedView,
    labels: withId('Avförande', 'Dismissal'),
  }),
  addCompletion: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/completions',
    params: kaaIdParams,
    body: addCompletionBody,
    response: created,
    labels: { ...kaaFieldLabels, kind: { sv: 'Utbildning', en: 'Education' } },
  }),
  deregister: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/deregister',
    params: kaaIdParams,
    body: deregisterBody,
    response: savedView,
    labels: { ...kaaFieldLabels, reason: { sv: 'Anledning till avregistrering', en: 'Reason for deregistration' } },
  }),
  register: endpoint({
    method: 'POST',
    path: '/api/kaa/youth/:id/register',
    params: kaaIdParams,
    body: registerBody,
    response: savedView,
    labels: { ...kaaFieldLabels, reason: { sv: 'Anledning till registrering', en: 'Reason for registration' } },
  }),
  reminders: endpoint({ method: 'GET', path: '/api/kaa/reminders', query: kaaEmptyQuery, response: remindersView, labels: kaaFieldLabels }),
  importPopulation: endpoint({
    method: 'POST',
    path: '/api/kaa/population/imports',
    body: populationImportBody,
    response: populationImportResult,
    labels: kaaFieldLabels,
  }),
  populationImports: endpoint({
    method: 'GET',
    path: '/api/kaa/population/imports',
    query: kaaEmptyQuery,
    response: populationImportsView,
    labels: kaaFieldLabels,
  }),
  notices: endpoint({ method: 'GET', path: '/api/kaa/notices', query: listNoticesQuery, response: noticeList, labels: kaaFieldLabels }),
  noticeReceipt: endpoint({
    method: 'POST',
    path: '/api/kaa/notices/:id/receipt',
    params: kaaIdParams,
    body: kaaEmptyQuery,
    response: noticeView,
    labels: withId('Meddelande', 'Notice'),
  }),
  importNotices: endpoint({
    method: 'POST',
    path: '/api/kaa/notices/imports',
    body: noticeImportBody,
    response: noticeImportResult,
    labels: kaaFieldLabels,
  }),
};

/** The sending organiser's routes (permission kaa-notices.send: the principal). */
export const kaaSenderApi = {
  sent: endpoint({
    method: 'GET',
    path: '/api/kaa/sent-notices',
    query: listSentNoticesQuery,
    response: noticeList,
    labels: kaaFieldLabels,
  }),
  confirm: endpoint({
    method: 'POST',
    path: '/api/kaa/sent-notices/:id/confirm',
    params: kaaIdParams,
    body: kaaEmptyQuery,
    response: noticeView,
    labels: withId('Meddelande', 'Notice'),
  }),
  /** The notices for home municipalities outside this installation, as the notice file; marks them exported. */
  exportFile: endpoint({
    method: 'POST',
    path: '/api/kaa/sent-notices/export',
    body: kaaEmptyQuery,
    response: noticeFile,
    labels: kaaFieldLabels,
  }),
};

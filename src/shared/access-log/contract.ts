/**
 * The access-log review (administrators and the data protection officer), one contract for the server and the web
 * app: the filtered, paged list and the person lookup by personnummer (in a POST body, never a URL). A row carries
 * names and labels — the user's name, the roles', the action's and the outcome's labels in Swedish and English, the
 * students' and school units' names resolved within the tenant — and the ids only next to them. The CSV export
 * (GET /api/access-log/export.csv) takes the same query and is a file, not an endpoint.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, line, optionalLine, pageNumber, pageSize } from '../input/index.ts';

/** The filter: every field optional; dates are whole days on the Swedish clock, `to` included. */
export const accessLogFilter = z.strictObject({
  accountId: z.uuid().optional(),
  username: line(100).optional(),
  subjectId: z.uuid().optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  action: optionalLine(60).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  page: pageNumber(100_000),
  pageSize: pageSize(50, 200),
});
export type AccessLogFilter = z.output<typeof accessLogFilter>;

/** Looking a person up by civic number: in the body, never the URL. */
export const personLookupBody = z.strictObject({ civicNo: line(13, 10) });

/** The fields as the review's form names them (the CSV export's 400s use them too). */
export const accessLogLabels: FieldLabels = {
  accountId: { sv: 'Användare', en: 'User' },
  username: { sv: 'Användarnamn', en: 'Username' },
  subjectId: { sv: 'Elev', en: 'Student' },
  from: { sv: 'Från och med', en: 'From' },
  to: { sv: 'Till och med', en: 'To' },
  action: { sv: 'Åtgärd', en: 'Action' },
  outcome: { sv: 'Utfall', en: 'Outcome' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Rows per page' },
  civicNo: { sv: 'Elevens personnummer', en: "The student's personnummer" },
};

const label = z.object({ sv: z.string(), en: z.string() });
/** A person or unit by name; the name is null when it is not (or no longer) in the organiser's register. */
const named = z.object({ id: z.uuid(), name: z.string().nullable() });

export const accessLogItem = z.object({
  /** The row's number in the log (the DPO's reference: "Loggrad-id"). */
  id: z.number().int(),
  /** When, as an ISO timestamp in UTC; the page shows it on the Swedish clock. */
  at: z.iso.datetime(),
  /** Null for events without an account (a failed sign-in with an unknown username). */
  account: z.object({ id: z.uuid(), username: z.string().nullable(), displayName: z.string().nullable() }).nullable(),
  roles: z.array(z.object({ role: z.string(), label })),
  units: z.array(named),
  action: z.object({ code: z.string(), label }),
  subjects: z.array(named),
  purpose: z.string(),
  outcome: z.object({ code: z.enum(['allowed', 'denied']), label }),
  requestId: z.string(),
  ip: z.string().nullable(),
});
export type AccessLogItem = z.output<typeof accessLogItem>;

export const accessLogPage = z.object({
  items: z.array(accessLogItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The student the filter names (`subjectId`), by name, so the page can say whose rows it shows. */
  subject: named.nullable(),
});
export type AccessLogPage = z.output<typeof accessLogPage>;

export const personLookupResult = z.object({
  matches: z.array(z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() })),
});

export const accessLogApi = {
  list: endpoint({ method: 'GET', path: '/api/access-log', query: accessLogFilter, response: accessLogPage, labels: accessLogLabels }),
  lookup: endpoint({
    method: 'POST',
    path: '/api/people/lookup',
    body: personLookupBody,
    response: personLookupResult,
    labels: accessLogLabels,
  }),
};

/** The CSV export of the same selection (a file download: no response schema). */
export const accessLogExportPath = '/api/access-log/export.csv';

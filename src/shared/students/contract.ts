/**
 * The students API, one contract for the server's routes and the web app's pages: the list with its filter, the
 * filter options, and a student's page. Contact details and guardians are null when the role may not read them or
 * the identity is protected (skyddad folkbokföring or sekretessmarkering); never a civic number.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { decimalInteger, optionalLine, pageNumber, pageSize } from '../input/index.ts';

export const listStudentsQuery = z.strictObject({
  q: optionalLine(100).optional(),
  schoolUnitId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  schoolYear: decimalInteger(0, 13).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 100),
});
export type ListStudentsQuery = z.output<typeof listStudentsQuery>;

export const studentParams = z.strictObject({ id: z.uuid() });
/** The filter options take no parameters; anything sent is refused rather than ignored. */
export const studentFiltersQuery = z.strictObject({});

const labels: FieldLabels = {
  q: { sv: 'Sök', en: 'Search' },
  schoolUnitId: { sv: 'Skolenhet', en: 'School unit' },
  groupId: { sv: 'Grupp', en: 'Group' },
  schoolYear: { sv: 'Årskurs', en: 'Year' },
  page: { sv: 'Sida', en: 'Page' },
  pageSize: { sv: 'Antal per sida', en: 'Rows per page' },
  id: { sv: 'Elev', en: 'Student' },
};

const named = z.object({ id: z.uuid(), name: z.string() });
const date = z.string();

export const studentListItem = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  schoolUnit: z.object({ id: z.uuid(), name: z.string().nullable() }),
  schoolYear: z.number().int().nullable(),
  programmeCode: z.string().nullable(),
  group: named.nullable(),
});
export type StudentListItem = z.output<typeof studentListItem>;

export const studentList = z.object({
  items: z.array(studentListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const studentFilters = z.object({
  schoolUnits: z.array(named),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), schoolUnitId: z.uuid().nullable() })),
  schoolYears: z.array(z.number().int()),
});
export type StudentFilters = z.output<typeof studentFilters>;

/** Addresses, e-mails and phone numbers as SS 12000 delivers them (the type is a Swedish SS 12000 word). */
export const contactDetails = z.object({
  addresses: z.array(z.object({ type: z.string().nullable(), streetAddress: z.string(), postalCode: z.string(), locality: z.string() })),
  emails: z.array(z.object({ type: z.string().nullable(), value: z.string() })),
  phoneNumbers: z.array(z.object({ type: z.string().nullable(), value: z.string(), mobile: z.boolean() })),
});
export type ContactDetails = z.output<typeof contactDetails>;

export const guardian = z.object({
  name: z.string(),
  /** SS 12000's relation, e.g. Vårdnadshavare; the page shows its label. */
  relation: z.string(),
  /** Null when the guardian's own identity is protected. */
  contact: contactDetails.nullable(),
});

export const attendanceMonth = z.object({
  month: z.string(),
  attendedMinutes: z.number(),
  validAbsenceMinutes: z.number(),
  invalidAbsenceMinutes: z.number(),
  notReportedMinutes: z.number(),
});
export type AttendanceMonth = z.output<typeof attendanceMonth>;

export const studentPage = z.object({
  id: z.uuid(),
  givenName: z.string(),
  middleName: z.string().nullable(),
  familyName: z.string(),
  protectedIdentity: z.boolean(),
  contact: contactDetails.nullable(),
  guardians: z.array(guardian).nullable(),
  enrolments: z.array(
    z.object({
      schoolUnit: z.object({ id: z.uuid(), name: z.string().nullable() }),
      schoolType: z.string(),
      schoolYear: z.number().int().nullable(),
      programmeCode: z.string().nullable(),
      startDate: date,
      endDate: date.nullable(),
      cancelled: z.boolean(),
    }),
  ),
  attendanceByMonth: z.array(attendanceMonth).nullable(),
  grades: z
    .array(
      z.object({
        id: z.uuid(),
        subject: z.string().nullable(),
        courseCode: z.string().nullable(),
        courseName: z.string().nullable(),
        points: z.number().nullable(),
        grade: z.string(),
        final: z.boolean(),
        registeredDate: date,
      }),
    )
    .nullable(),
  abilities: z.object({ canReadContact: z.boolean(), canReadAttendance: z.boolean(), canReadGrades: z.boolean() }),
});
export type StudentPage = z.output<typeof studentPage>;

export const studentsApi = {
  list: endpoint({ method: 'GET', path: '/api/students', query: listStudentsQuery, response: studentList, labels }),
  filters: endpoint({ method: 'GET', path: '/api/students/filters', query: studentFiltersQuery, response: studentFilters, labels }),
  read: endpoint({ method: 'GET', path: '/api/students/:id', params: studentParams, response: studentPage, labels }),
};

/**
 * The SS 12000 v2.1 documents Fullfölj reads, typed after SIS's OpenAPI
 * (assets/ss12000/openapi_ss12000_version2_1_0.yaml). Only the fields the platform uses are
 * typed; documents are validated against the full spec before they are read.
 */

export interface Meta {
  created: string;
  modified: string;
}
export interface Ref {
  id: string;
  displayName?: string;
}

export type SchoolType = 'FS' | 'FKLASS' | 'FTH' | 'GR' | 'GRS' | 'TR' | 'SP' | 'SAM' | 'GY' | 'GYS' | 'VUX' | string;

export interface OrganisationDoc {
  id: string;
  meta: Meta;
  displayName: string;
  organisationType:
    'Huvudman' | 'Verksamhetsområde' | 'Förvaltning' | 'Rektorsområde' | 'Skola' | 'Skolenhet' | 'Varumärke' | 'Bolag' | 'Övrigt';
  organisationCode?: string;
  organisationNumber?: string;
  schoolUnitCode?: string;
  schoolTypes?: SchoolType[];
  municipalityCode?: string;
  parentOrganisation?: Ref;
  startDate?: string;
  endDate?: string;
}

export interface EnrolmentDoc {
  enroledAt: Ref;
  schoolYear?: number;
  schoolType: SchoolType;
  startDate: string;
  endDate?: string;
  cancelled?: boolean;
  educationCode?: string;
  programme?: Ref;
  specification?: string;
}

export interface PersonDoc {
  id: string;
  meta: Meta;
  givenName: string;
  middleName?: string;
  familyName: string;
  civicNo?: { value: string; nationality?: string };
  birthDate?: string;
  sex?: 'Man' | 'Kvinna' | 'Okänt';
  securityMarking?: 'Ingen' | 'Sekretessmarkering' | 'Skyddad folkbokföring';
  personStatus?: 'Aktiv' | 'Utvandrad' | 'Avliden';
  emails?: { type?: string; value: string }[];
  phoneNumbers?: { type?: string; value: string; mobile?: boolean }[];
  addresses?: {
    type?: string;
    streetAddress: string;
    locality: string;
    postalCode: string;
    country: string;
    municipalityCode?: number;
    countyCode?: number;
  }[];
  enrolments?: EnrolmentDoc[];
  responsibles?: { person: Ref; relationType?: string }[];
}

export interface ProgrammeDoc {
  id: string;
  meta: Meta;
  name: string;
  type: string;
  schoolType: SchoolType;
  code?: string;
  parentProgramme?: Ref;
}

export interface SyllabusDoc {
  id: string;
  meta: Meta;
  schoolType: SchoolType;
  subjectCode?: string;
  subjectName: string;
  courseCode?: string;
  courseName?: string;
  points?: number;
  official: boolean;
}

export interface GroupDoc {
  id: string;
  meta: Meta;
  displayName: string;
  groupType: string;
  schoolType?: SchoolType;
  organisation: Ref;
  startDate: string;
  endDate?: string;
  groupMemberships?: { person: Ref; startDate?: string; endDate?: string }[];
}

export interface DutyDoc {
  id: string;
  meta: Meta;
  person?: Ref;
  dutyAt: Ref;
  dutyRole: string;
  signature?: string;
  description?: string;
  startDate: string;
  endDate?: string;
  assignmentRole?: { group: Ref; assignmentRoleType: string; startDate?: string; endDate?: string }[];
}

export interface ActivityDoc {
  id: string;
  meta: Meta;
  displayName: string;
  calendarEventsRequired: boolean;
  activityType?: string;
  startDate: string;
  endDate?: string;
  minutesPlanned?: number;
  groups: Ref[];
  teachers?: { duty: Ref; grader?: boolean; startDate?: string; endDate?: string; minutesPlanned?: number }[];
  syllabus?: Ref;
  organisation: Ref;
}

export interface CalendarEventDoc {
  id: string;
  meta: Meta;
  activity: Ref;
  startTime: string;
  endTime: string;
  cancelled?: boolean;
}

export interface AttendanceDoc {
  id: string;
  meta: Meta;
  calendarEvent: Ref;
  student: Ref;
  reporter?: Ref;
  isReported: boolean;
  attendanceMinutes?: number;
  validAbsenceMinutes?: number;
  invalidAbsenceMinutes?: number;
  otherAttendanceMinutes?: number;
  absenceReason?: string;
  reportedTimestamp?: string;
}

export interface AggregatedAttendanceDoc {
  activity: Ref;
  student: Ref;
  startDate: string;
  endDate: string;
  attendanceSum: number;
  validAbsenceSum?: number;
  invalidAbsenceSum?: number;
  otherAttendanceSum?: number;
  reportedSum?: number;
  offeredSum?: number;
}

export interface GradeDoc {
  id: string;
  meta: Meta;
  student: Ref;
  organisation?: Ref;
  registeredBy?: Ref;
  gradingTeacher?: Ref;
  group?: Ref;
  registeredDate: string;
  gradeValue: string;
  finalGrade: boolean;
  trial?: boolean;
  adaptedStudyPlan?: string;
  remark?: string;
  converted?: boolean;
  correctionType?: 'Ändring' | 'Rättelse';
  semester?: 'HT' | 'VT';
  year?: number;
  syllabus: Ref;
}

/**
 * Fullfölj's extension: SS 12000 v2.1 has no entity for diplomas and certificates
 * (gymnasieexamen, studiebevis, year-9 leaving certificates). Same envelope as the standard's.
 */
export interface CertificateDoc {
  id: string;
  meta: Meta;
  student: Ref;
  schoolUnit: Ref;
  kind: 'gymnasieexamen' | 'studiebevis' | 'slutbetyg-grundskola' | 'gymnasiesarskolebevis';
  programmeCode?: string;
  issuedDate: string;
  totalPoints?: number;
  passedPoints?: number;
  eligibleNationalProgramme?: boolean;
}

/** SS 12000 deletedEntities: ids per endpoint removed at the source. */
export interface DeletedEntitiesDoc {
  [endpoint: string]: string[] | undefined;
}

/** The endpoints the importer reads, in the order that satisfies their references. */
export const importOrder = [
  'organisations',
  'programmes',
  'syllabuses',
  'persons',
  'groups',
  'duties',
  'activities',
  'calendarEvents',
  'attendances',
  'aggregatedAttendance',
  'grades',
  'certificates',
] as const;
export type Endpoint = (typeof importOrder)[number];

export interface DocumentByEndpoint {
  organisations: OrganisationDoc;
  programmes: ProgrammeDoc;
  syllabuses: SyllabusDoc;
  persons: PersonDoc;
  groups: GroupDoc;
  duties: DutyDoc;
  activities: ActivityDoc;
  calendarEvents: CalendarEventDoc;
  attendances: AttendanceDoc;
  aggregatedAttendance: AggregatedAttendanceDoc;
  grades: GradeDoc;
  certificates: CertificateDoc;
}

/** A page of documents as an SS 12000 list endpoint returns it (and as files hold them). */
export interface Page<T> {
  data: T[];
  pageToken?: string | null;
}

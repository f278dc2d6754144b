/**
 * Checks the OpenAPI schema cannot express, on one schema-valid document: civic numbers,
 * periods that end before they start, grade values, school unit codes and municipality codes.
 * References to other documents are checked per page in reference-checks.ts.
 */
import { gradeValues } from '../../server/db/schema/grades.ts';
import { parseCivicNo } from './civic-number.ts';
import type {
  ActivityDoc,
  AggregatedAttendanceDoc,
  CalendarEventDoc,
  CertificateDoc,
  DutyDoc,
  Endpoint,
  GradeDoc,
  GroupDoc,
  OrganisationDoc,
  PersonDoc,
} from './documents.ts';
import type { FieldIssue } from './validation-messages.ts';

export interface DomainContext {
  /** The codes of the `municipalities` reference table. */
  municipalityCodes: ReadonlySet<string>;
}

const ENDS_BEFORE_START = 'slutar före sitt startdatum (ends before it starts)';

function period(issues: FieldIssue[], path: string, start: string | undefined, end: string | undefined): void {
  if (start && end && end < start) issues.push({ field: path ? `${path}.endDate` : 'endDate', reason: ENDS_BEFORE_START });
}

/** A municipality code as a four-digit string; SS 12000 sends it as a string or (in addresses) an integer. */
export function municipalityCode(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? String(value).padStart(4, '0') : value;
}

function municipality(issues: FieldIssue[], field: string, value: string | number | undefined, ctx: DomainContext): void {
  const code = municipalityCode(value);
  if (code !== undefined && !ctx.municipalityCodes.has(code)) {
    issues.push({ field, reason: 'okänd kommunkod, finns inte i referenstabellen municipalities (unknown municipality code)' });
  }
}

function organisation(doc: OrganisationDoc, ctx: DomainContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (doc.schoolUnitCode !== undefined && !/^\d{8}$/.test(doc.schoolUnitCode)) {
    issues.push({ field: 'schoolUnitCode', reason: 'skolenhetskoden ska vara åtta siffror (school unit code must be 8 digits)' });
  }
  municipality(issues, 'municipalityCode', doc.municipalityCode, ctx);
  if (doc.organisationType === 'Huvudman') {
    if (!doc.organisationNumber)
      issues.push({ field: 'organisationNumber', reason: 'huvudmannen saknar organisationsnummer (organiser needs organisationNumber)' });
    else if (!/^\d{6}-?\d{4}$/.test(doc.organisationNumber))
      issues.push({ field: 'organisationNumber', reason: 'organisationsnumret ska vara tio siffror (must be 10 digits)' });
    if (!doc.municipalityCode)
      issues.push({ field: 'municipalityCode', reason: 'huvudmannen saknar kommunkod (organiser needs municipalityCode)' });
  }
  period(issues, '', doc.startDate, doc.endDate);
  return issues;
}

function person(doc: PersonDoc, ctx: DomainContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (doc.civicNo && (doc.civicNo.nationality ?? 'SE') === 'SE') {
    const parsed = parseCivicNo(doc.civicNo.value);
    if (!parsed.ok) issues.push({ field: 'civicNo.value', reason: parsed.reason });
  }
  doc.addresses?.forEach((a, i) => municipality(issues, `addresses[${i}].municipalityCode`, a.municipalityCode, ctx));
  doc.enrolments?.forEach((e, i) => period(issues, `enrolments[${i}]`, e.startDate, e.endDate));
  return issues;
}

function group(doc: GroupDoc): FieldIssue[] {
  const issues: FieldIssue[] = [];
  period(issues, '', doc.startDate, doc.endDate);
  doc.groupMemberships?.forEach((m, i) => period(issues, `groupMemberships[${i}]`, m.startDate, m.endDate));
  return issues;
}

function duty(doc: DutyDoc): FieldIssue[] {
  const issues: FieldIssue[] = [];
  period(issues, '', doc.startDate, doc.endDate);
  doc.assignmentRole?.forEach((a, i) => period(issues, `assignmentRole[${i}]`, a.startDate, a.endDate));
  return issues;
}

function activity(doc: ActivityDoc): FieldIssue[] {
  const issues: FieldIssue[] = [];
  period(issues, '', doc.startDate, doc.endDate);
  doc.teachers?.forEach((t, i) => period(issues, `teachers[${i}]`, t.startDate, t.endDate));
  return issues;
}

function calendarEvent(doc: CalendarEventDoc): FieldIssue[] {
  return Date.parse(doc.endTime) < Date.parse(doc.startTime)
    ? [{ field: 'endTime', reason: 'slutar före sin starttid (ends before it starts)' }]
    : [];
}

function aggregated(doc: AggregatedAttendanceDoc): FieldIssue[] {
  const issues: FieldIssue[] = [];
  period(issues, '', doc.startDate, doc.endDate);
  return issues;
}

function grade(doc: GradeDoc): FieldIssue[] {
  return (gradeValues as readonly string[]).includes(doc.gradeValue)
    ? []
    : [{ field: 'gradeValue', reason: `okänt betyg, tillåtna värden: ${gradeValues.join(', ')} (unknown grade value)` }];
}

function certificate(doc: CertificateDoc): FieldIssue[] {
  if (doc.totalPoints !== undefined && doc.passedPoints !== undefined && doc.passedPoints > doc.totalPoints) {
    return [{ field: 'passedPoints', reason: 'fler godkända poäng än totalt (passed points exceed total points)' }];
  }
  return [];
}

/** Domain issues of one schema-valid document; none when it is fine. */
export function checkDocument(endpoint: Endpoint, doc: unknown, ctx: DomainContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const meta = (doc as { meta?: { modified?: string } }).meta;
  // Every entity with an id needs meta.modified: it decides whether the document may overwrite the stored row.
  if (endpoint !== 'aggregatedAttendance' && !meta?.modified) {
    issues.push({ field: 'meta.modified', reason: 'obligatoriskt fält saknas, behövs för idempotent import (required field missing)' });
  }
  switch (endpoint) {
    case 'organisations':
      return [...issues, ...organisation(doc as OrganisationDoc, ctx)];
    case 'persons':
      return [...issues, ...person(doc as PersonDoc, ctx)];
    case 'groups':
      return [...issues, ...group(doc as GroupDoc)];
    case 'duties':
      return [...issues, ...duty(doc as DutyDoc)];
    case 'activities':
      return [...issues, ...activity(doc as ActivityDoc)];
    case 'calendarEvents':
      return [...issues, ...calendarEvent(doc as CalendarEventDoc)];
    case 'aggregatedAttendance':
      return [...issues, ...aggregated(doc as AggregatedAttendanceDoc)];
    case 'grades':
      return [...issues, ...grade(doc as GradeDoc)];
    case 'certificates':
      return [...issues, ...certificate(doc as CertificateDoc)];
    default:
      return issues;
  }
}

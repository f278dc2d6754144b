/** Writers for the organiser's structure: Organisation, Programme and Syllabus. */
import { sql } from 'drizzle-orm';
import { organisations, programmes, syllabuses } from '../../server/db/schema/index.ts';
import type { OrganisationDoc, ProgrammeDoc, SyllabusDoc } from './documents.ts';
import { modified, type EndpointWriter } from './writer-types.ts';

/** An organisation number without its hyphen: ten digits. */
export const normaliseOrganisationNumber = (value: string | undefined) => value?.replace('-', '');

export const organisationWriter: EndpointWriter<OrganisationDoc> = {
  upsert: { table: organisations, key: ['id'], versioning: 'modified' },
  row: (d) => ({
    id: d.id,
    organisation_type: d.organisationType,
    display_name: d.displayName,
    organisation_code: d.organisationCode,
    organisation_number: normaliseOrganisationNumber(d.organisationNumber),
    school_unit_code: d.schoolUnitCode,
    school_types: d.schoolTypes ?? [],
    municipality_code: d.municipalityCode,
    parent_id: d.parentOrganisation?.id,
    start_date: d.startDate,
    end_date: d.endDate,
    source_modified: modified(d),
  }),
};

export const programmeWriter: EndpointWriter<ProgrammeDoc> = {
  upsert: { table: programmes, key: ['id'], versioning: 'modified' },
  row: (d) => ({
    id: d.id,
    name: d.name,
    programme_type: d.type,
    school_type: d.schoolType,
    code: d.code,
    parent_id: d.parentProgramme?.id,
    source_modified: modified(d),
  }),
};

export const syllabusWriter: EndpointWriter<SyllabusDoc> = {
  upsert: {
    table: syllabuses,
    key: ['id'],
    versioning: 'modified',
    // Points and course codes decide failed points: the students graded on a changed syllabus.
    changes: {
      students: (tenantId) =>
        sql`SELECT g.student_id FROM grades g JOIN written w ON g.tenant_id = ${tenantId}::uuid AND g.syllabus_id = w.key::uuid`,
    },
  },
  row: (d) => ({
    id: d.id,
    school_type: d.schoolType,
    subject_code: d.subjectCode,
    subject_name: d.subjectName,
    course_code: d.courseCode,
    course_name: d.courseName,
    points: d.points,
    official: d.official,
    source_modified: modified(d),
  }),
};

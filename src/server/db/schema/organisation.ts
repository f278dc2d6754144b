/** SS 12000 Organisation, Programme and Syllabus: the school structure of one organiser. */
import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sourceModified, tenantId, updatedAt } from './columns.ts';

export const organisationTypes = [
  'Huvudman',
  'Verksamhetsområde',
  'Förvaltning',
  'Rektorsområde',
  'Skola',
  'Skolenhet',
  'Varumärke',
  'Bolag',
  'Övrigt',
] as const;

/** Every organisation element of the organiser; a school unit is a row of type Skolenhet. */
export const organisations = pgTable(
  'organisations',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    organisationType: text('organisation_type', { enum: organisationTypes }).notNull(),
    displayName: text('display_name').notNull(),
    organisationCode: text('organisation_code'),
    organisationNumber: text('organisation_number'),
    /** Skolverket's eight-digit skolenhetskod (school units only). */
    schoolUnitCode: char('school_unit_code', { length: 8 }),
    schoolTypes: text('school_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    municipalityCode: char('municipality_code', { length: 4 }),
    parentId: uuid('parent_id'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('organisations_school_unit_code_idx').on(t.tenantId, t.schoolUnitCode)],
);

/** Programmes, orientations and introduktionsprogram, with Skolverket's study-path code. */
export const programmes = pgTable(
  'programmes',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Code_ProgrammeType, e.g. Högskoleförberedande program; SS 12000 spells 'Intruduktionsprogram'. */
    programmeType: text('programme_type').notNull(),
    schoolType: text('school_type').notNull(),
    /** Skolverket's programme code, e.g. NA, EE, IMSPR. */
    code: text('code'),
    parentId: uuid('parent_id'),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Subjects and courses (ämnen och kurser) that grades and activities refer to. */
export const syllabuses = pgTable(
  'syllabuses',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    schoolType: text('school_type').notNull(),
    subjectCode: text('subject_code'),
    subjectName: text('subject_name').notNull(),
    courseCode: text('course_code'),
    courseName: text('course_name'),
    /** Upper-secondary course points (gymnasiepoäng). */
    points: integer('points'),
    official: boolean('official').notNull(),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

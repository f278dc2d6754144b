/** SS 12000 Grade, and the certificates a student leaves with. */
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sourceModified, tenantId, updatedAt } from './columns.ts';

export const gradeValues = ['A', 'B', 'C', 'D', 'E', 'F', '-'] as const;

/** A grade in a subject or course; interim (finalGrade false) or final. */
export const grades = pgTable(
  'grades',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    studentId: uuid('student_id').notNull(),
    /** The school unit that set the grade. */
    organisationId: uuid('organisation_id').notNull(),
    syllabusId: uuid('syllabus_id').notNull(),
    gradeValue: text('grade_value').notNull(),
    finalGrade: boolean('final_grade').notNull(),
    trial: boolean('trial').notNull().default(false),
    converted: boolean('converted').notNull().default(false),
    correctionType: text('correction_type'),
    semester: text('semester', { enum: ['HT', 'VT'] }),
    year: integer('year'),
    registeredDate: date('registered_date', { mode: 'string' }).notNull(),
    registeredById: uuid('registered_by_id'),
    groupId: uuid('group_id'),
    remark: text('remark'),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('grades_student_idx').on(t.tenantId, t.studentId)],
);

export const certificateKinds = ['gymnasieexamen', 'studiebevis', 'slutbetyg-grundskola', 'gymnasiesarskolebevis'] as const;

/**
 * Diplomas and certificates. SS 12000 v2.1 has no entity for them: they arrive as the
 * Fullfölj extension document `Certificate` (docs/ss12000.md) through the same importer.
 */
export const certificates = pgTable(
  'certificates',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    studentId: uuid('student_id').notNull(),
    schoolUnitId: uuid('school_unit_id').notNull(),
    kind: text('kind', { enum: certificateKinds }).notNull(),
    programmeCode: text('programme_code'),
    issuedDate: date('issued_date', { mode: 'string' }).notNull(),
    /** Upper secondary: points in the certificate, and of those, passed points. */
    totalPoints: integer('total_points'),
    passedPoints: integer('passed_points'),
    /** Year 9: eligible for a vocational / a higher-education preparatory national programme. */
    eligibleNationalProgramme: boolean('eligible_national_programme'),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('certificates_student_idx').on(t.tenantId, t.studentId)],
);

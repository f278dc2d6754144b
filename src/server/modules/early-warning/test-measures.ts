/** A student's measures for unit tests: a GY student with full attendance and nothing else, overridable. */
import type { StudentMeasures } from './measures.ts';

export function measuresOf(overrides: Partial<StudentMeasures> = {}): StudentMeasures {
  return {
    studentId: '00000000-0000-4000-8000-000000000001', schoolUnitId: '00000000-0000-4000-8000-0000000000aa', schoolType: 'GY', schoolYear: 1,
    programmeCode: 'NA', upperSecondaryStart: '2024-08-15', sex: 'Kvinna',
    offered4w: 1600, absent4w: 0, invalid4w: 0, offered45: 3600, absent45: 0, invalid45: 0, valid45: 0,
    offeredTerm: 4000, absentTerm: 0, invalidTerm: 0, validTerm: 0, offeredPrior: 3200, absentPrior: 0,
    reportedDays45: 45, invalidMonthMax: 0, longestAbsenceDays: 0, longestAbsenceInvalid: false,
    failedGrades365: 0, failWarnings: 0, failedPoints: 0, failedRequiredCourses: 0, gradedSubjects: 0, passedSubjects: 0, failedCoreSubjects: 0,
    eligibleAfterYear9: true, programmeChange: false, schoolChange: false, introduction: false, newlyArrived: false,
    connectednessMarks: null, connectednessRed: null, ...overrides,
  };
}

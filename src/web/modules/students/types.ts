/** The shapes of the students API (src/server/modules/students/present.ts). */
export interface StudentListItem {
  id: string; givenName: string; familyName: string; schoolUnit: { id: string; name: string | null };
  schoolYear: number | null; programmeCode: string | null; group: { id: string; name: string } | null;
}
export interface StudentList { items: StudentListItem[]; total: number; page: number; pageSize: number }
export interface StudentFilters {
  schoolUnits: { id: string; name: string }[]; groups: { id: string; name: string; schoolUnitId: string | null }[]; schoolYears: number[];
}
export interface AttendanceMonth {
  month: string; attendedMinutes: number; validAbsenceMinutes: number; invalidAbsenceMinutes: number; notReportedMinutes: number;
}
export interface StudentPageData {
  id: string; givenName: string; middleName: string | null; familyName: string; protectedIdentity: boolean;
  contact: Record<string, unknown> | null;
  enrolments: { schoolUnit: { id: string; name: string | null }; schoolType: string; schoolYear: number | null; programmeCode: string | null;
    startDate: string; endDate: string | null; cancelled: boolean }[];
  attendanceByMonth: AttendanceMonth[] | null;
  grades: { id: string; subject: string | null; courseCode: string | null; courseName: string | null; points: number | null;
    grade: string; final: boolean; registeredDate: string }[] | null;
  abilities: { canReadContact: boolean; canReadAttendance: boolean; canReadGrades: boolean };
}

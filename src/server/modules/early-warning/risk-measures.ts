/**
 * The summary of a student's measures kept with the risk row and shown beside the tier: one column each in
 * `student_risk`, the `measures` object of the API. Stored as one jsonb object, building it cost the refresh's insert a
 * third of its time and doubled the table (250,000 pupils: 93 MB against 48 MB; bench/README.md, 2026-12-05, afternoon).
 */
import { sql, type SQL } from 'drizzle-orm';

/** Each key of the `measures` object, its column and the column's SQL type (shares as float8, counts as int). */
export const measureColumns = {
  attendance4w: { column: 'attendance_4w', type: 'float8' },
  attendance45: { column: 'attendance_45', type: 'float8' },
  attendanceTerm: { column: 'attendance_term', type: 'float8' },
  invalidTerm: { column: 'invalid_term', type: 'float8' },
  validTerm: { column: 'valid_term', type: 'float8' },
  failedGrades: { column: 'failed_grades', type: 'int' },
  failedPoints: { column: 'failed_points', type: 'int' },
  reportedDays45: { column: 'reported_days_45', type: 'int' },
} as const satisfies Record<string, { column: string; type: 'float8' | 'int' }>;

export type MeasureKey = keyof typeof measureColumns;
export const measureKeys = Object.keys(measureColumns) as MeasureKey[];
export type MeasuresSummary = Record<MeasureKey, number | null>;

/** The columns of the row aliased `alias` as the `measures` object a read returns: `json_build_object('attendance4w', r.attendance_4w, …)`. */
export function measuresObject(alias: string): SQL {
  return sql.raw(`json_build_object(${measureKeys.map((k) => `'${k}', ${alias}.${measureColumns[k].column}`).join(', ')})`);
}

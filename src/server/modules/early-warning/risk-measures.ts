/**
 * The summary of a student's measures kept with the risk row and shown beside the tier: one column each in
 * `student_risk`, the `measures` object of the API. Stored as one jsonb object, building it cost the refresh's insert a
 * third of its time and doubled the table (250,000 pupils: 93 MB against 48 MB; bench/README.md, 2026-12-05, afternoon).
 */
import { sql, type SQL } from 'drizzle-orm';

/** Each key of the `measures` object and its column. */
export const measureColumns = {
  attendance4w: 'attendance_4w',
  attendance45: 'attendance_45',
  attendanceTerm: 'attendance_term',
  invalidTerm: 'invalid_term',
  validTerm: 'valid_term',
  failedGrades: 'failed_grades',
  failedPoints: 'failed_points',
  reportedDays45: 'reported_days_45',
} as const;

export type MeasureKey = keyof typeof measureColumns;
export const measureKeys = Object.keys(measureColumns) as MeasureKey[];
export type MeasuresSummary = Record<MeasureKey, number | null>;

/** The SQL types of the columns, for a staging table: shares as float8, counts as int. */
export const measureColumnTypes: Record<MeasureKey, 'float8' | 'int'> = {
  attendance4w: 'float8',
  attendance45: 'float8',
  attendanceTerm: 'float8',
  invalidTerm: 'float8',
  validTerm: 'float8',
  failedGrades: 'int',
  failedPoints: 'int',
  reportedDays45: 'int',
};

/** The columns of the row aliased `alias` as the `measures` object a read returns: `json_build_object('attendance4w', r.attendance_4w, …)`. */
export function measuresObject(alias: string): SQL {
  return sql.raw(`json_build_object(${measureKeys.map((k) => `'${k}', ${alias}.${measureColumns[k]}`).join(', ')})`);
}

/**
 * Dates that enter the platform: ISO calendar dates (ÅÅÅÅ-MM-DD) that exist (no 30 February, no month 13)
 * and fall within a sane range, so that nothing reaches the database that it would refuse or misread.
 */
import { z } from 'zod';

export const earliestYear = 1900;
export const latestYear = 2100;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The ASCII digits of `value` from `start` to `end` (exclusive) as a number; -1 when one is not a digit. */
function digitsAt(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Whether the first ten characters of `value` are a calendar date within 1900–2100: null when they are not shaped
 * YYYY-MM-DD in ASCII digits at all, else true or false. Character codes and arithmetic, no regular expression and no
 * Date object: an import checks every date and timestamp of every document with it.
 */
export function leadingCalendarDate(value: string): boolean | null {
  if (value.length < 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const [year, month, day] = [digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10)];
  if (year < 0 || month < 0 || day < 0) return null;
  if (year < earliestYear || year > latestYear || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= daysInMonth;
}

/** True when `value` is YYYY-MM-DD, a real calendar day, and within 1900–2100. */
export function isCalendarDate(value: string): boolean {
  return value.length === 10 && leadingCalendarDate(value) === true;
}

export const dateMessage = `ska vara ett datum som finns (ÅÅÅÅ-MM-DD, åren ${earliestYear}–${latestYear})`;

/** A calendar date as a string `YYYY-MM-DD` (what PostgreSQL's date type and the forms use). */
export const calendarDate = () => z.string().refine(isCalendarDate, { error: dateMessage, params: { reason: 'date' } });

/** True when `value` is an ISO timestamp with a time zone whose date part is a calendar date in range. */
export function isTimestamp(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  return match !== null && isCalendarDate(match[1]!) && !Number.isNaN(Date.parse(value));
}

/** A point in time as an ISO 8601 string with a time zone. */
export const timestamp = () =>
  z.string().refine(isTimestamp, { error: 'ska vara en tidpunkt (ÅÅÅÅ-MM-DDTtt:mm:ssZ)', params: { reason: 'timestamp' } });

/**
 * The shared building blocks for everything that enters the platform, used by every route's schema, the web
 * app's forms and the importer: safe text with a maximum length, calendar dates in range, decimal integers.
 * Objects are strict everywhere (`z.strictObject`): an unknown field is refused, never ignored.
 */
export { line, optionalLine, optionalParagraph, paragraph, safeText, secret, textMessages, textProblem } from './text.ts';
export { calendarDate, dateMessage, earliestYear, isCalendarDate, isTimestamp, latestYear, timestamp } from './dates.ts';
export { decimalInteger, pageNumber, pageSize } from './numbers.ts';

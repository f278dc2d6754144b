/**
 * Request schemas of the access-log review. Unknown fields are refused; a personnummer never goes in a URL.
 * Dates are calendar dates that exist (1900–2100) and paging numbers are decimal digits, so nothing reaches the
 * database that it would refuse.
 */
import { z } from 'zod';
import { calendarDate, line, optionalLine, pageNumber, pageSize } from '../../../shared/input/index.ts';

export const accessLogFilter = z.strictObject({
  accountId: z.uuid().optional(),
  username: line(100).optional(),
  subjectId: z.uuid().optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  action: optionalLine(60).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  page: pageNumber(100_000),
  pageSize: pageSize(50, 200),
});

export type AccessLogFilter = z.output<typeof accessLogFilter>;

/** Looking a person up by civic number: in the body, never the URL. */
export const personLookupBody = z.strictObject({ civicNo: line(13, 10) });

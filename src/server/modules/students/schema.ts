/**
 * Request schemas of the student routes. Unknown query fields are refused, so a typo never widens a search; numbers
 * are decimal digits within their range and the search text has a maximum.
 */
import { z } from 'zod';
import { decimalInteger, optionalLine, pageNumber, pageSize } from '../../../shared/input/index.ts';

export const listStudentsQuery = z.strictObject({
  q: optionalLine(100).optional(),
  schoolUnitId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  schoolYear: decimalInteger(0, 13).optional(),
  page: pageNumber(10_000),
  pageSize: pageSize(25, 100),
});

export type ListStudentsQuery = z.output<typeof listStudentsQuery>;

export const studentParams = z.strictObject({ id: z.uuid() });

/** The filter options take no parameters; anything sent is refused rather than ignored. */
export const studentFiltersQuery = z.strictObject({});

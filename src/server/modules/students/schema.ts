/** Request schemas of the student routes. Unknown query fields are refused, so a typo never widens a search. */
import { z } from 'zod';

export const listStudentsQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    schoolUnitId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    schoolYear: z.coerce.number().int().min(0).max(13).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export type ListStudentsQuery = z.output<typeof listStudentsQuery>;

export const studentParams = z.object({ id: z.uuid() });

/** The filter options take no parameters; anything sent is refused rather than ignored. */
export const studentFiltersQuery = z.object({}).strict();

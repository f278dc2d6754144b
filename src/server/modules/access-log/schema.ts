/** Request schemas of the access-log review. Unknown fields are refused; a personnummer never goes in a URL. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ska vara ett datum (ÅÅÅÅ-MM-DD)');

export const accessLogFilter = z
  .object({
    accountId: z.uuid().optional(),
    username: z.string().trim().min(1).max(100).optional(),
    subjectId: z.uuid().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    action: z.string().trim().max(60).optional(),
    outcome: z.enum(['allowed', 'denied']).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type AccessLogFilter = z.output<typeof accessLogFilter>;

/** Looking a person up by civic number: in the body, never the URL. */
export const personLookupBody = z.object({ civicNo: z.string().trim().min(10).max(13) }).strict();

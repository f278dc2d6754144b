/** The register-extract request: the person's id (from the lookup) in the body, and the format. */
import { z } from 'zod';

export const registerExtractBody = z.object({ personId: z.uuid(), format: z.enum(['json', 'pdf']).default('json') }).strict();

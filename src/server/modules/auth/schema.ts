/** Request schemas of the sign-in routes. */
import { z } from 'zod';

export const signInBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

/** Request schemas of the sign-in routes: strict (an unknown field is refused), text through the shared blocks. */
import { z } from 'zod';
import { line, secret } from '../../../shared/input/index.ts';

export const signInBody = z.strictObject({
  username: line(200),
  password: secret(1000),
});

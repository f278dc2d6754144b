/**
 * Every answer of a contract route is parsed with the endpoint's response schema before it leaves: what the web
 * app will parse is what the server checked, and a field a presenter did not declare is dropped rather than sent.
 * A mismatch is a defect of ours: it fails the request (500 through the error boundary, which rolls the
 * transaction back) and names only the paths that disagreed — never their values.
 */
import type { z } from 'zod';
import { isKeptAnswer, markKeptAnswer } from './read-cache.ts';

/** Thrown when a handler's answer does not match its endpoint's response schema. */
export class ResponseContractError extends Error {
  readonly code = 'RESPONSE_CONTRACT';
  constructor(readonly paths: string[]) {
    super(`Svaret följer inte kontraktet vid ${paths.join(', ')} (the response does not match its contract).`);
  }
}

// Kept answers already checked, by schema and answer object: a page answered from memory returns the same answer object
// each time (platform/read-cache.ts, `answerFor`), and it is not parsed again. Any other answer is parsed every time.
const checked = new WeakMap<z.ZodType, WeakMap<object, unknown>>();

/** The answer as the schema parses it, or a ResponseContractError. */
export function checkedResponse(schema: z.ZodType, answer: unknown): unknown {
  const kept = isKeptAnswer(answer);
  const known = kept ? checked.get(schema)?.get(answer) : undefined;
  if (known !== undefined) return known;
  const result = schema.safeParse(answer);
  if (!result.success)
    throw new ResponseContractError(result.error.issues.slice(0, 10).map((issue) => issue.path.map(String).join('.') || '(svaret)'));
  if (kept && typeof result.data === 'object' && result.data !== null) {
    let bySchema = checked.get(schema);
    if (!bySchema) checked.set(schema, (bySchema = new WeakMap()));
    bySchema.set(answer, result.data);
    markKeptAnswer(result.data);
  }
  return result.data;
}

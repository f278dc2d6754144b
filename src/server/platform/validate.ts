/** zod validation whose 400 names the field in Swedish, and never echoes the value (it may be a personnummer). */
import type { z } from 'zod';
import { HttpError } from './errors.ts';

/** Parses `value` with `schema`, or throws a 400 naming each offending field. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, part: 'query' | 'params' | 'body'): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : part;
    return { field, message: `Fältet '${field}' ${describeIssue(issue)}.` };
  });
  throw new HttpError(400, fields.map((f) => f.message).join(' '), { fields });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'saknas' : `har fel typ (väntade ${issue.expected})`;
    case 'invalid_format':
      return issue.format === 'uuid' ? 'måste vara ett giltigt id (uuid)' : `har fel format (${issue.format})`;
    case 'too_small':
      return issue.origin === 'string' ? `måste ha minst ${String(issue.minimum)} tecken` : `måste vara minst ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `får ha högst ${String(issue.maximum)} tecken` : `får vara högst ${String(issue.maximum)}`;
    case 'invalid_value':
      return 'har ett värde som inte är tillåtet';
    case 'unrecognized_keys':
      return `innehåller okända fält: ${issue.keys.join(', ')}`;
    default:
      return 'är ogiltigt';
  }
}

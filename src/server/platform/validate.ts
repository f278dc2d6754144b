/**
 * zod validation whose 400 names each field as the form names it, in the request's language, and never echoes the
 * value (it may be a personnummer). Messages come from the shared table (src/shared/contract/messages.ts) and the
 * endpoint's labels. A route not yet moved to a contract with labels keeps the older Swedish form that quotes the
 * field's key (`Fältet 'reason' …`); the contract test lists which routes still do.
 */
import type { z } from 'zod';
import type { FieldLabels } from '../../shared/contract/endpoint.ts';
import { fieldMessage, labelFor, type Language } from '../../shared/contract/messages.ts';
import { HttpError } from './errors.ts';

const identifier = /^[A-Za-z][A-Za-z0-9_]{0,60}$/;

export interface ValidateOptions {
  labels?: FieldLabels;
  language?: Language;
}

/** Parses `value` with `schema`, or throws a 400 naming each offending field. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'query' | 'params' | 'body',
  options: ValidateOptions = {},
): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const language = options.language ?? 'sv';
  const labelled = options.labels !== undefined;
  const fields = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    const field = path.length ? path.join('.') : part;
    if (issue.code === 'unrecognized_keys') {
      // The client's own key names the field for API users; a labelled message never repeats it.
      return issue.keys.map((key) => {
        const name = [...path, identifier.test(key) ? key : part].join('.');
        if (!labelled)
          return { field, message: `Fältet '${field}' innehåller okända fält: ${identifier.test(key) ? key : '(ogiltigt namn)'}.` };
        return { field: name, message: language === 'sv' ? 'Fältet finns inte i formuläret.' : 'The form has no such field.' };
      });
    }
    if (!labelled) return [{ field, message: `Fältet '${field}' ${legacyDescription(issue)}.` }];
    return [{ field, label: labelFor(options.labels, issue.path, language), message: fieldMessage(options.labels, issue, language) }];
  });
  throw new HttpError(400, fields.map((f) => f.message).join(' '), { fields });
}

/** The description routes without labels have always given (their tests quote it). */
function legacyDescription(issue: z.core.$ZodIssue): string {
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
    default:
      return issue.message && issue.code === 'custom' ? issue.message : 'är ogiltigt';
  }
}

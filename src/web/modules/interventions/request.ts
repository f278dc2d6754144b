/** The message the server gave for a field of a form (`followUpDates` also finds `followUpDates.0`), shown at the field. */
import { ApiError } from '../../shared/api.ts';

/** The server's message for `field` (or a field under it), if the error is an ApiError that names it. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

/** True when the error is the server's 409: someone changed the record since it was read. */
export const isStale = (error: unknown): boolean => error instanceof ApiError && error.status === 409;

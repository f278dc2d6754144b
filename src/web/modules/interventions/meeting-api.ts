/**
 * The meeting, dashboard and settings pages' requests: the shared `api` plus the server's field errors
 * (`{ error, fields: [{ field, message }] }`) and a 409's message, so that a page can show each error at its field.
 */
import { api, ApiError, type FieldProblem } from '../../shared/api.ts';

export type { FieldProblem };

/** An API error that keeps the fields the server named: the shared ApiError. */
export const FieldApiError = ApiError;
export type FieldApiError = ApiError;

/** The shared `api`: a failure keeps `fields`. */
export const request = api;

/** The message the server gave for `field` (or a field under it, e.g. `attendeeIds.0`), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof FieldApiError)) return undefined;
  return error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message;
}

/**
 * Requests of the interventions pages that need more of the server's answer than `api()` keeps: the fields a 400
 * names (shown beside each input), and the id of the existing case a 409 points to.
 */
import { ApiError, errorFrom, requestHeaders, type FieldProblem } from '../../shared/api.ts';

export type { FieldProblem };

/** An API error with the server's `fields` and its body (e.g. `caseId` on a 409): the shared ApiError. */
export const FormError = ApiError;
export type FormError = ApiError;

/** JSON request with the CSRF header; throws ApiError (with the fields a 400 names) on a non-2xx answer. */
export async function send<T>(path: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(path, { method, headers: requestHeaders(method, body !== undefined), credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw errorFrom(res.status, data);
  return data as T;
}

/** The message the server gave for `field` (or a field under it, e.g. `followUpDates.0`), if any. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof FormError)) return undefined;
  const found = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

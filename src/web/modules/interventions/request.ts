/**
 * Requests of the interventions pages that need more of the server's answer than `api()` keeps: the fields a 400
 * names (shown beside each input), and the id of the existing case a 409 points to.
 */
import { ApiError, csrfToken } from '../../shared/api.ts';

export interface FieldProblem { field: string; message: string }

/** An API error with the server's `fields` and any other properties of its body (e.g. `caseId` on a 409). */
export class FormError extends ApiError {
  constructor(status: number, message: string, readonly fields: FieldProblem[], readonly body: Record<string, unknown>) {
    super(status, message);
  }
}

/** JSON request with the CSRF header; throws FormError on a non-2xx answer. */
export async function send<T>(path: string, method: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-fullfolj-csrf': csrfToken() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const fields = Array.isArray(data.fields) ? (data.fields as FieldProblem[]) : [];
    throw new FormError(res.status, typeof data.error === 'string' ? data.error : `HTTP ${res.status}`, fields, data);
  }
  return data as T;
}

/** The message the server gave for `field` (or a field under it, e.g. `followUpDates.0`), if any. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  if (!(error instanceof FormError)) return undefined;
  const found = error.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
  return found.length ? found.map((f) => f.message).join(' ') : undefined;
}

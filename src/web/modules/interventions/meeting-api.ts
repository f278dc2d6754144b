/**
 * The meeting, dashboard and settings pages' requests: the shared `api` plus the server's field errors
 * (`{ error, fields: [{ field, message }] }`) and a 409's message, so that a page can show each error at its field.
 */
import { ApiError, csrfToken } from '../../shared/api.ts';

export interface FieldProblem { field: string; message: string }

/** An API error that keeps the fields the server named. */
export class FieldApiError extends ApiError {
  constructor(status: number, message: string, readonly fields: FieldProblem[]) {
    super(status, message);
  }
}

/** Like `api` in shared/api.ts, but a failure keeps `fields`. */
export async function request<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-fullfolj-csrf'] = csrfToken();
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string; fields?: FieldProblem[] };
  if (!res.ok) throw new FieldApiError(res.status, data.error ?? `HTTP ${res.status}`, Array.isArray(data.fields) ? data.fields : []);
  return data as T;
}

/** The message the server gave for `field` (or a field under it, e.g. `attendeeIds.0`), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof FieldApiError)) return undefined;
  return error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message;
}

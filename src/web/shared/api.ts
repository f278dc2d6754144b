/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, the CSRF header on
 * state-changing requests (double submit: the value of the `fullfolj_csrf` cookie), the page's language in
 * Accept-Language (the server answers its messages in it), and the server's message — with the fields a 400 names —
 * on failure. `call(endpoint, …)` takes an endpoint of the shared contract (src/shared/<module>/): the path, query
 * and body are typed by its schemas and, in development and tests, the answer is parsed with its response schema.
 */
import i18next from 'i18next';
import { fillPath, type Endpoint, type RequestOf, type ResponseOf } from '../../shared/contract/endpoint.ts';
import { csrfToken } from './csrf.ts';

/** A field the server refused, with its message in the user's language (already naming the field). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An API error with the server's message and status (401: not signed in, 403: no permission, 404: not found). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export { csrfToken };

/** Headers of every request: JSON, the language, and the CSRF header on anything but GET. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language === 'en' ? 'en' : 'sv' };
  if (method !== 'GET') headers['x-fullfolj-csrf'] = csrfToken();
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

/** The ApiError for a non-2xx answer's parsed body. */
export function errorFrom(status: number, data: Record<string, unknown>): ApiError {
  const fields = Array.isArray(data.fields)
    ? (data.fields as FieldProblem[]).filter((f) => typeof f?.field === 'string' && typeof f?.message === 'string')
    : [];
  return new ApiError(status, typeof data.error === 'string' ? data.error : i18next.t('common.errorTitle'), fields, data);
}

/** Sends a request to `/api…` and returns the parsed JSON; throws ApiError on a non-2xx answer. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const res = await fetch(path, {
    method,
    headers: requestHeaders(method, init.body !== undefined),
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw errorFrom(res.status, data);
  return data as T;
}

/** Whether answers are parsed with their response schema: in development and in the test build. */
const checkAnswers = import.meta.env.DEV || import.meta.env.MODE === 'test';

/** Calls a shared endpoint: the answer typed (and, in development and tests, parsed) by its response schema. */
export async function call<E extends Endpoint>(endpoint: E, request: RequestOf<E> = {}): Promise<ResponseOf<E>> {
  const url =
    fillPath(endpoint.path, request.params as Record<string, unknown> | undefined) + queryString((request.query ?? {}) as QueryValues);
  const data = await api<unknown>(url, { method: endpoint.method, body: request.body });
  if (!checkAnswers) return data as ResponseOf<E>;
  const parsed = endpoint.response.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `${endpoint.method} ${endpoint.path}: svaret följer inte kontraktet (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`,
    );
  return parsed.data as ResponseOf<E>;
}

type QueryValues = Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>;

/** A query string from the defined, non-empty values (arrays repeat their key). */
export function queryString(values: QueryValues): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

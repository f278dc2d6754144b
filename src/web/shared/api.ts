/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, the CSRF header on
 * state-changing requests (double submit: the value of the `fullfolj_csrf` cookie), and the server's Swedish
 * error message on failure.
 */

/** An API error with the server's message and status (401: not signed in, 403: no permission, 404: not found). */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The CSRF header's value: the `fullfolj_csrf` cookie, or '1' before sign-in. */
export function csrfToken(): string {
  const match = document.cookie.split('; ').find((c) => c.startsWith('fullfolj_csrf='));
  // Before sign-in there is no cookie: any non-empty header proves the request came from a script of ours.
  return match ? decodeURIComponent(match.slice('fullfolj_csrf='.length)) : '1';
}

/** Sends a request to `/api…` and returns the parsed JSON; throws ApiError on a non-2xx answer. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-fullfolj-csrf'] = csrfToken();
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? `HTTP ${res.status}`);
  return data as T;
}

/** A query string from the defined, non-empty values. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Downloads the response of a POST (PDF, JSON) as a file: the request body may hold what must never be in a URL. */
import { ApiError, csrfToken } from './api.ts';

export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-fullfolj-csrf': csrfToken() },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

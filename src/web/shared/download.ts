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
  saveBlob(await res.blob(), name);
}

/** Saves CSV text that is already on the page as a file: nothing new is asked of the server. */
export function downloadCsv(text: string, name: string): void {
  saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

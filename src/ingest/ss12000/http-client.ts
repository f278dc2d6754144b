/**
 * GET requests to an SS 12000 API with a Bearer token: timeouts, retries with backoff on 5xx
 * and network errors, and clear Swedish errors for 401/403. The token is sent in the
 * Authorization header only and never appears in an error, a log line or a URL.
 */

export interface HttpOptions {
  token: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx, a timeout or a network error; default 3. */
  retries?: number;
  /** First backoff; doubled per attempt; default 500 ms. */
  retryDelayMs?: number;
}

/** An HTTP failure the import cannot continue past. */
export class Ss12000HttpError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'Ss12000HttpError';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The URL without credentials and query, for messages. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function failure(status: number, url: URL): Ss12000HttpError {
  const where = redactUrl(url);
  if (status === 401) return new Ss12000HttpError(`SS 12000-API:t nekade åtkomst till ${where} (HTTP 401): token saknas, är ogiltig eller har gått ut (unauthorized)`, status);
  if (status === 403) return new Ss12000HttpError(`SS 12000-API:t gav inte behörighet till ${where} (HTTP 403): tokenet saknar rätt till resursen (forbidden)`, status);
  if (status >= 500) return new Ss12000HttpError(`SS 12000-API:t svarade med serverfel för ${where} (HTTP ${status}) även efter flera försök (server error)`, status);
  return new Ss12000HttpError(`SS 12000-API:t svarade HTTP ${status} för ${where} (request failed)`, status);
}

/** GETs `url` and returns the body text; retries transient failures, throws Ss12000HttpError otherwise. */
export async function getText(url: URL, options: HttpOptions): Promise<string> {
  const retries = options.retries ?? 3;
  const delay = options.retryDelayMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let last: Ss12000HttpError | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(delay * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      last = new Ss12000HttpError(timedOut
        ? `SS 12000-API:t svarade inte inom ${Math.round(timeoutMs / 1000)} s på ${redactUrl(url)} (timeout)`
        : `SS 12000-API:t kunde inte nås på ${redactUrl(url)} (network error)`);
      continue;
    }
    if (response.ok) return response.text();
    await response.body?.cancel();
    last = failure(response.status, url);
    if (response.status < 500) throw last;
  }
  throw last ?? new Ss12000HttpError('SS 12000-API:t: okänt fel (unknown error)');
}

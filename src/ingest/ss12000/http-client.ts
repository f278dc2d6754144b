/**
 * GET requests to an SS 12000 API with a Bearer token, bounded in every direction: a timeout per
 * request (headers and body), a body read as a stream and abandoned once it passes its size
 * limit (memory stays bounded), and retries with exponential backoff on 429 (honouring
 * Retry-After), 5xx, timeouts and network errors, a bounded number of times. Clear Swedish errors
 * for 401/403. The token is sent in the Authorization header only and never appears in an error,
 * a log line or a URL.
 */

export interface HttpOptions {
  token: string;
  /** Per request, from sending it to the last byte of its body; default 30 s. */
  timeoutMs?: number;
  /** Extra attempts after a 429, a 5xx, a timeout or a network error; default 3. */
  retries?: number;
  /** First backoff; doubled per attempt; default 500 ms. */
  retryDelayMs?: number;
  /** Longest wait before a retry, Retry-After included; default 60 s. */
  maxRetryDelayMs?: number;
  /** Largest response body accepted; default 50 MiB. */
  maxResponseBytes?: number;
  /** How to wait before a retry (tests pass one that records the delay and returns at once). */
  sleep?: (ms: number) => Promise<void>;
}

export const httpDefaults = {
  timeoutMs: 30_000,
  retries: 3,
  retryDelayMs: 500,
  maxRetryDelayMs: 60_000,
  maxResponseBytes: 50 * 1024 * 1024,
} as const;

/** An HTTP failure the import cannot continue past. */
export class Ss12000HttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'Ss12000HttpError';
  }
}

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The URL without credentials and query, for messages. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function failure(status: number, url: URL, attempts: number): Ss12000HttpError {
  const where = redactUrl(url);
  if (status === 401)
    return new Ss12000HttpError(
      `SS 12000-API:t nekade åtkomst till ${where} (HTTP 401): token saknas, är ogiltig eller har gått ut (unauthorized)`,
      status,
    );
  if (status === 403)
    return new Ss12000HttpError(
      `SS 12000-API:t gav inte behörighet till ${where} (HTTP 403): tokenet saknar rätt till resursen (forbidden)`,
      status,
    );
  if (status === 429)
    return new Ss12000HttpError(
      `SS 12000-API:t bad om färre anrop för ${where} (HTTP 429) även efter ${attempts} försök (rate limited)`,
      status,
    );
  if (status >= 500)
    return new Ss12000HttpError(
      `SS 12000-API:t svarade med serverfel för ${where} (HTTP ${status}) även efter flera försök, ${attempts} i alla (server error)`,
      status,
    );
  return new Ss12000HttpError(`SS 12000-API:t svarade HTTP ${status} för ${where} (request failed)`, status);
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d{1,9}$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const tooLarge = (url: URL, limit: number) =>
  new Ss12000HttpError(
    `SS 12000-API:ts svar från ${redactUrl(url)} är större än gränsen ${formatBytes(limit)}; läsningen avbröts (response too large)`,
  );

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${n} byte`);

/** The body as text, read chunk by chunk; abandoned as soon as it passes `limit` bytes. */
async function readBounded(response: Response, url: URL, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw tooLarge(url, limit);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(url, limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

const transient = (status: number) => status === 429 || status >= 500;

/** GETs `url` and returns the body text; retries transient failures, throws Ss12000HttpError otherwise. */
export async function getText(url: URL, options: HttpOptions): Promise<string> {
  const { retries, retryDelayMs, maxRetryDelayMs, timeoutMs, maxResponseBytes } = { ...httpDefaults, ...definedOnly(options) };
  const sleep = options.sleep ?? sleepFor;
  let last: Ss12000HttpError | undefined;
  let wait: number | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(maxRetryDelayMs, wait ?? retryDelayMs * 2 ** (attempt - 1)));
    wait = null;
    try {
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return await readBounded(response, url, maxResponseBytes);
      await response.body?.cancel();
      last = failure(response.status, url, attempt + 1);
      if (!transient(response.status)) throw last;
      wait = retryAfterMs(response.headers.get('retry-after'));
    } catch (err) {
      if (err instanceof Ss12000HttpError) throw err;
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      last = new Ss12000HttpError(
        timedOut
          ? `SS 12000-API:t svarade inte färdigt inom ${timeoutMs / 1000} s på ${redactUrl(url)} (timeout)`
          : `SS 12000-API:t kunde inte nås på ${redactUrl(url)} (network error)`,
      );
    }
  }
  throw last ?? new Ss12000HttpError('SS 12000-API:t: okänt fel (unknown error)');
}

/** The options that are set, so that an `undefined` never overrides a default. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

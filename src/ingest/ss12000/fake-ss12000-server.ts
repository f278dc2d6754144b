/**
 * A local fake SS 12000 API for tests (node:http on 127.0.0.1, port 0): Bearer auth, `limit` +
 * `pageToken` paging, `meta.modified.after`, /deletedEntities, injectable failures (a status with
 * headers, or no answer at all) and misbehaviours: a page token that repeats, pages without end,
 * and a body far larger than any client should read.
 */
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServerOptions {
  token: string;
  documents: Record<string, unknown[]>;
  deleted?: Record<string, string[]>;
}

/** How a listing misbehaves until `reset()`. */
export type Misbehaviour =
  | { kind: 'repeatToken' } // every page of the listing names the same next page
  | { kind: 'endlessPages' } // every page has a new next page
  | { kind: 'hugeBody'; bytes: number; declareLength?: boolean }; // a streamed body of `bytes`

export interface FakeServer {
  baseUrl: string;
  /** Path and query of every request, in order. */
  requests: string[];
  documents: Record<string, unknown[]>;
  deleted: Record<string, string[]>;
  /** Respond with this status (and headers) to the next `count` requests whose path starts with `path`. */
  failNext(path: string, status: number | 'hang', count: number, headers?: Record<string, string>): void;
  /** Make requests whose path starts with `path` misbehave, until reset(). */
  misbehave(path: string, misbehaviour: Misbehaviour): void;
  /** Ends every misbehaviour and pending failure. */
  reset(): void;
  /** Bytes of huge bodies actually handed to the socket: a client that stops reading keeps this small. */
  readonly hugeBytesSent: number;
  close(): Promise<void>;
}

const modifiedOf = (d: unknown) => Date.parse((d as { meta?: { modified?: string } }).meta?.modified ?? '1970-01-01T00:00:00Z');

/** The page token of the page starting at `offset`. */
const tokenFor = (offset: number, after: string | null) => Buffer.from(JSON.stringify([offset, after])).toString('base64url');

/** Streams `bytes` bytes with backpressure, stopping when the client goes away. */
function streamHuge(res: ServerResponse, bytes: number, declareLength: boolean, count: (n: number) => void): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      count(n);
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** Starts the fake API; close() it after the tests. */
export async function startFakeSs12000Server(options: FakeServerOptions): Promise<FakeServer> {
  const requests: string[] = [];
  const failures: { path: string; status: number | 'hang'; count: number; headers: Record<string, string> }[] = [];
  const misbehaviours: { path: string; misbehaviour: Misbehaviour }[] = [];
  const state = { documents: options.documents, deleted: options.deleted ?? {}, hugeBytesSent: 0, endless: 0 };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    const failure = failures.find((f) => f.count > 0 && url.pathname.startsWith(f.path));
    if (failure) {
      failure.count--;
      if (failure.status === 'hang') return; // never answers: the client must time out
      return send(failure.status, { error: 'injected' }, failure.headers);
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: 'unauthorized' });
    const endpoint = url.pathname.split('/').filter(Boolean).pop() ?? '';
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const token = url.searchParams.get('pageToken');
    const odd = misbehaviours.find((m) => url.pathname.startsWith(m.path))?.misbehaviour;
    if (odd?.kind === 'hugeBody')
      return streamHuge(res, odd.bytes, odd.declareLength ?? false, (n) => {
        state.hugeBytesSent += n;
      });
    // Tokens the normal paging understands, so that a run resumed after reset() goes on.
    if (odd?.kind === 'repeatToken') return send(200, { data: [], pageToken: tokenFor(0, null) });
    if (odd?.kind === 'endlessPages') return send(200, { data: [], pageToken: tokenFor(1_000_000 + ++state.endless, null) });
    if (token && [...url.searchParams.keys()].some((k) => k !== 'limit' && k !== 'pageToken')) {
      return send(400, { error: 'pageToken cannot be combined with filters' });
    }
    if (endpoint === 'deletedEntities') {
      return send(200, { data: state.deleted, pageToken: null });
    }
    const all = state.documents[endpoint];
    if (!all) return send(404, { error: 'unknown endpoint' });
    let position: [number, string | null];
    try {
      position = token
        ? (JSON.parse(Buffer.from(token, 'base64url').toString()) as [number, string | null])
        : [0, url.searchParams.get('meta.modified.after')];
    } catch {
      return send(400, { error: 'unknown pageToken' });
    }
    const [offset, after] = position;
    const docs = after ? all.filter((d) => modifiedOf(d) > Date.parse(after)) : all;
    const next = offset + limit < docs.length ? tokenFor(offset + limit, after) : null;
    send(200, { data: docs.slice(offset, offset + limit), pageToken: next });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const prefix = '/ss12000/v2.1';
  return {
    baseUrl: `http://127.0.0.1:${port}${prefix}`,
    requests,
    get documents() {
      return state.documents;
    },
    set documents(d) {
      state.documents = d;
    },
    get deleted() {
      return state.deleted;
    },
    set deleted(d) {
      state.deleted = d;
    },
    get hugeBytesSent() {
      return state.hugeBytesSent;
    },
    failNext: (path, status, count, headers = {}) => {
      failures.push({ path: `${prefix}${path}`, status, count, headers });
    },
    misbehave: (path, misbehaviour) => {
      misbehaviours.push({ path: `${prefix}${path}`, misbehaviour });
    },
    reset: () => {
      failures.length = 0;
      misbehaviours.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

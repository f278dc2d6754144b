/**
 * A local fake SS 12000 API for tests (node:http on 127.0.0.1, port 0): Bearer auth, `limit` +
 * `pageToken` paging, `meta.modified.after`, /deletedEntities, and injectable failures.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServerOptions {
  token: string;
  documents: Record<string, unknown[]>;
  deleted?: Record<string, string[]>;
}

export interface FakeServer {
  baseUrl: string;
  /** Path and query of every request, in order. */
  requests: string[];
  documents: Record<string, unknown[]>;
  deleted: Record<string, string[]>;
  /** Respond with this status to the next `count` requests whose path starts with `path`. */
  failNext(path: string, status: number | 'hang', count: number): void;
  close(): Promise<void>;
}

const modifiedOf = (d: unknown) => Date.parse((d as { meta?: { modified?: string } }).meta?.modified ?? '1970-01-01T00:00:00Z');

export async function startFakeSs12000Server(options: FakeServerOptions): Promise<FakeServer> {
  const requests: string[] = [];
  const failures: { path: string; status: number | 'hang'; count: number }[] = [];
  const state = { documents: options.documents, deleted: options.deleted ?? {} };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const failure = failures.find((f) => f.count > 0 && url.pathname.startsWith(f.path));
    if (failure) {
      failure.count--;
      if (failure.status === 'hang') return; // never answers: the client must time out
      return send(failure.status, { error: 'injected' });
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { error: 'unauthorized' });
    const endpoint = url.pathname.split('/').filter(Boolean).pop() ?? '';
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const token = url.searchParams.get('pageToken');
    if (token && [...url.searchParams.keys()].some((k) => k !== 'limit' && k !== 'pageToken')) {
      return send(400, { error: 'pageToken cannot be combined with filters' });
    }
    if (endpoint === 'deletedEntities') {
      return send(200, { data: state.deleted, pageToken: null });
    }
    const all = state.documents[endpoint];
    if (!all) return send(404, { error: 'unknown endpoint' });
    const [offset, after] = token ? (JSON.parse(Buffer.from(token, 'base64url').toString()) as [number, string | null]) : [0, url.searchParams.get('meta.modified.after')];
    const docs = after ? all.filter((d) => modifiedOf(d) > Date.parse(after)) : all;
    const next = offset + limit < docs.length ? Buffer.from(JSON.stringify([offset + limit, after])).toString('base64url') : null;
    send(200, { data: docs.slice(offset, offset + limit), pageToken: next });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/ss12000/v2.1`,
    requests,
    get documents() { return state.documents; },
    set documents(d) { state.documents = d; },
    get deleted() { return state.deleted; },
    set deleted(d) { state.deleted = d; },
    failNext: (path, status, count) => { failures.push({ path: `/ss12000/v2.1${path}`, status, count }); },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

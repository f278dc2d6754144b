/**
 * Sending a kept answer (platform/read-cache.ts): the same object for every request while the organiser's data is
 * unchanged, so its JSON is built once and compressed once per encoding, where the compression plugin
 * (platform/compression.ts) would compress it again for every request. A browser always asks for br or gzip: served
 * the worklist's 13 KB page that way, this process spent 1.3–1.8 ms of CPU per request against 0.7–1.1 ms for the same
 * page uncompressed (bench/README.md, 2026-12-06, evening). A body that already carries its Content-Encoding is left
 * alone by the plugin, so the two never compress one body twice.
 */
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliOptions, compressionThreshold, encodings, type Encoding } from './compression.ts';

interface Encoded {
  json: string;
  /** Whether the JSON is long enough to be compressed at all (`compressionThreshold`). */
  compressible: boolean;
  br?: Buffer;
  gzip?: Buffer;
}

/** Kept answers already serialised (and compressed, as asked for), by answer object. */
const encoded = new WeakMap<object, Encoded>();

const compress: Record<Encoding, (json: string) => Buffer> = {
  br: (json) => zlib.brotliCompressSync(json, brotliOptions),
  gzip: (json) => zlib.gzipSync(json),
};

/**
 * The encoding the request accepts that the server prefers, as the compression plugin chooses it (`*` and `x-gzip`
 * read as gzip); undefined for none (no Accept-Encoding, identity only, or `x-no-compression`).
 */
function acceptedEncoding(req: FastifyRequest): Encoding | undefined {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string' || req.headers['x-no-compression'] !== undefined) return undefined;
  return negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), [...encodings]) ?? undefined;
}

/** Sends `answer`, a kept answer, as JSON: built once, and compressed once per encoding a request accepts. */
export function sendKeptAnswer(req: FastifyRequest, reply: FastifyReply, answer: object): FastifyReply {
  let e = encoded.get(answer);
  if (e === undefined) {
    const json = JSON.stringify(answer);
    encoded.set(answer, (e = { json, compressible: Buffer.byteLength(json) >= compressionThreshold }));
  }
  reply.type('application/json; charset=utf-8');
  const encoding = e.compressible ? acceptedEncoding(req) : undefined;
  if (encoding === undefined) return reply.send(e.json);
  const body = (e[encoding] ??= compress[encoding](e.json));
  return reply.header('vary', 'accept-encoding').header('content-encoding', encoding).send(body);
}

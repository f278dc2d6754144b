/**
 * Response compression: br or gzip, whichever the request's Accept-Encoding prefers, for every compressible response
 * of 1 KB or more (JSON from the API, the server-rendered public pages, CSV and GeoJSON exports), with
 * `Vary: Accept-Encoding`. A response that already carries a Content-Encoding is left alone: the built web app's assets
 * are precompressed at build (src/cli/web-precompress.ts) and served as they are (platform/web-app.ts). Only the body
 * is touched, never Cache-Control (a route's `no-store` stays). Request bodies are not decompressed. A kept answer is
 * compressed once, not per request (platform/kept-response.ts).
 */
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Smallest body that is compressed (bytes): below it, the encoding costs more than it saves. */
export const compressionThreshold = 1024;

/** The encodings offered, the server's preference first. */
export const encodings = ['br', 'gzip'] as const;
export type Encoding = (typeof encodings)[number];

/** Quality 4 (of 11) for bodies made per request: near gzip's speed, smaller than gzip. */
export const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** Registers compression on `app`; call it before any route is added (the plugin hooks the routes added after it). */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: [...encodings],
    threshold: compressionThreshold,
    brotliOptions,
  });
}

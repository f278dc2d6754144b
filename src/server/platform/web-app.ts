/**
 * Serves the built web app (dist/web) beside the API: hashed assets with a year's cache, index.html never
 * cached, and index.html for every other GET outside /api (the app's router takes the path). Unknown /api
 * paths answer JSON 404. The one catch-all route carries no personal data and is declared `public`.
 * Files are negotiated by Accept-Encoding: the build's precompressed `.br`/`.gz` beside a file
 * (src/cli/web-precompress.ts) when the browser takes it, the file itself otherwise; always `Vary: Accept-Encoding`.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const notFound = { error: 'Hittades inte.' };

/** The file under `root` that `urlPath` names, or null (directories, escapes and missing files). */
function fileIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.startsWith('..') || relative.includes(`${sep}..${sep}`)) return null;
  const full = join(root, relative);
  return existsSync(full) && statSync(full).isFile() ? relative : null;
}

/** Registers the static app from `webRoot` (which must hold index.html) and the fallbacks. */
export async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`Webbappen saknas i ${webRoot} (run npm run build:web).`);
  await app.register(fastifyStatic, { root: webRoot, serve: false, preCompressed: true });
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    config: { permission: 'public' },
    // Files are sent as the build left them: precompressed where it was worth it, never compressed per request.
    compress: false,
    handler(req, reply) {
      const path = req.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.code(404).send(notFound);
      const file = fileIn(webRoot, path);
      reply.header('vary', 'accept-encoding');
      if (file && file !== 'index.html') {
        const immutable = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(file, { cacheControl: false });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    },
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(notFound));
}

/** The JSON 404 for unknown paths when no web app is served. */
export function apiNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(notFound));
}

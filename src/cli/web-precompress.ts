/**
 * Precompression of the built web app: a `.br` (quality 11) and a `.gz` (level 9) beside every compressible file of
 * 1 KB or more in dist/web, written once at build so the server sends them as they are (@fastify/static's
 * `preCompressed`, src/server/platform/web-app.ts) instead of compressing on every request. A Vite plugin, so both
 * `npm run build:web` and `fullfolj start`'s build (src/cli/web-build.ts) get it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** File endings worth compressing (text); images and fonts are compressed already. */
const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Smaller files are not worth a second and third copy. */
const minBytes = 1024;

/** Writes `<file>.br` and `<file>.gz` beside each of `files` (relative to `dir`) that is compressible and ≥ 1 KB. */
export async function precompressFiles(dir: string, files: string[]): Promise<string[]> {
  const done: string[] = [];
  await Promise.all(
    files
      .filter((f) => compressible.test(f))
      .map(async (file) => {
        const path = join(dir, file);
        const body = await readFile(path);
        if (body.length < minBytes) return;
        const [br, gz] = await Promise.all([
          brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
          gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        done.push(file);
      }),
  );
  return done.sort();
}

/** The Vite plugin: after the bundle is written, precompresses every file of it (chunks, styles, index.html). */
export function precompress(): Plugin {
  return {
    name: 'fullfolj-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      if (!options.dir) return;
      // The manifest is for the server only (src/server/platform/page-assets.ts).
      await precompressFiles(
        options.dir,
        Object.keys(bundle).filter((f) => !f.startsWith('.vite/')),
      );
    },
  };
}

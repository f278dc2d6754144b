/**
 * The web app for `fullfolj start`: built with Vite when dist/web is missing or older than its sources,
 * so that a fresh clone's `npm install && npm start` serves the app without a separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where the built app lives (vite.config.ts's outDir). */
export const webOutDir = join(root, 'dist', 'web');

/**
 * The newest modification time (ms) of the web sources, the shared contracts and input blocks the app imports
 * (src/shared), and the build config (with its precompression plugin).
 */
function newestSource(): number {
  const files = [join(root, 'src', 'web'), join(root, 'src', 'shared')].flatMap((dir) =>
    readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))),
  );
  const config = [join(root, 'vite.config.ts'), join(root, 'src', 'cli', 'web-precompress.ts')];
  return Math.max(...[...files, ...config].map((f) => statSync(f).mtimeMs));
}

/** True when dist/web has no index.html or a source is newer than it. */
export function webBuildIsStale(outDir = webOutDir): boolean {
  const index = join(outDir, 'index.html');
  return !existsSync(index) || newestSource() > statSync(index).mtimeMs;
}

/** Builds the web app into `outDir` (default dist/web) with the project's vite.config.ts; returns the seconds it took. */
export async function buildWeb(outDir = webOutDir): Promise<number> {
  const started = performance.now();
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return (performance.now() - started) / 1000;
}

/**
 * Builds the app when stale (progress via `onProgress`) and returns its folder. With FULLFOLJ_WEB_BUILD=off (an
 * installation that built the app at install or image build time, under a read-only program folder) it never builds:
 * it serves dist/web as it is, and refuses to start when there is none.
 */
export async function ensureWebBuild(onProgress: (message: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.FULLFOLJ_WEB_BUILD === 'off') {
    if (!existsSync(join(webOutDir, 'index.html'))) {
      throw new Error(
        `FULLFOLJ_WEB_BUILD=off men ${webOutDir} saknar en byggd webbapp: kör npm run build:web vid installationen (no built web app).`,
      );
    }
    return webOutDir;
  }
  if (webBuildIsStale()) {
    onProgress('Bygger webbappen (building the web app)…');
    const seconds = await buildWeb();
    onProgress(`Webbappen byggd på ${seconds.toFixed(1)} s (web app built)`);
  }
  return webOutDir;
}

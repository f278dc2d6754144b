/**
 * A server-rendered page's built script and styles: a Vite entry (vite.config.ts) — the public knowledge-bank pages'
 * `public-map/main.ts`, the sign-in page's `sign-in/main.ts` — found through the build's manifest in the served web root. The entry's styles (a few KB) are inlined into each page's head, so the
 * first paint waits for no second request; its script is a module (never render-blocking) and the chunks it imports are
 * preloaded beside it. The map itself is a chunk the script loads when needed. Without a built web app the pages are
 * served without them (plain HTML).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PageAssets {
  script?: string;
  /** Chunks the script imports statically: fetched in parallel with it (`modulepreload`). */
  preload?: string[];
  /** Stylesheets to link (when a built file could not be read to inline). */
  styles: string[];
  /** The entry's styles, inlined in a `<style>` element. */
  inlineStyles?: string;
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** The Vite entries of the server-rendered pages. */
export type PageEntry = 'public-map/main.ts' | 'sign-in/main.ts';

/** The built CSS file's text when it can go inside `<style>` as it is, else undefined. */
function readInlinable(webRoot: string, file: string): string | undefined {
  const path = join(webRoot, file);
  if (!existsSync(path)) return undefined;
  const css = readFileSync(path, 'utf8');
  return /<\/style/i.test(css) ? undefined : css;
}

/** An entry's script, its preloads and styles (inlined when readable) in `webRoot`'s build, or none. */
export function pageAssets(webRoot: string | undefined, entry: PageEntry = 'public-map/main.ts'): PageAssets {
  const manifestPath = webRoot ? join(webRoot, '.vite', 'manifest.json') : '';
  if (!webRoot || !existsSync(manifestPath)) return { styles: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const chunk = manifest[entry];
  if (!chunk) return { styles: [] };
  const preload = (chunk.imports ?? []).flatMap((key) => (manifest[key] ? [`/${manifest[key].file}`] : []));
  const styles: string[] = [];
  const inlined: string[] = [];
  for (const file of chunk.css ?? []) {
    const css = readInlinable(webRoot, file);
    if (css === undefined) styles.push(`/${file}`);
    else inlined.push(css);
  }
  return { script: `/${chunk.file}`, preload, styles, inlineStyles: inlined.length ? inlined.join('\n') : undefined };
}

/**
 * The public pages' built script and styles: the Vite entry src/web/public-map/main.ts (vite.config.ts), found through
 * the build's manifest in the served web root. Without a built web app the pages are served without them (plain HTML).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PageAssets {
  script?: string;
  styles: string[];
}

const entry = 'public-map/main.ts';

/** The URLs of the public pages' script and styles in `webRoot`'s build, or none. */
export function pageAssets(webRoot: string | undefined): PageAssets {
  const manifestPath = webRoot ? join(webRoot, '.vite', 'manifest.json') : '';
  if (!manifestPath || !existsSync(manifestPath)) return { styles: [] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; css?: string[] }>;
  const chunk = manifest[entry];
  if (!chunk) return { styles: [] };
  return { script: `/${chunk.file}`, styles: (chunk.css ?? []).map((c) => `/${c}`) };
}

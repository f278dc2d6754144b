// The built web app (the browser tests' cached build of vite.config.ts): what each entry loads first and what is left to
// the pages that need it, and the precompressed copies beside the files (src/cli/web-precompress.ts).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { builtWebRoot } from '../../test/support/browser.ts';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const webRoot = await builtWebRoot();
const manifest = JSON.parse(readFileSync(join(webRoot, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
const text = (file: string) => readFileSync(join(webRoot, file), 'utf8');

/** The files a chunk loads before it runs: itself and its static imports, transitively. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  assert.ok(chunk, `${key} is in the manifest`);
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(imported, seen);
  return seen;
}

// Strings only the libraries' code contains.
const echarts = '_echarts_instance_';
const leaflet = 'Leaflet';

test('the chart library is in no entry and no page chunk: only in the chunk the chart component imports when it draws', () => {
  const engine = manifest['shared/chart-engine.ts'];
  assert.ok(engine, 'the chart engine is a chunk of its own');
  assert.ok(text(engine.file).includes(echarts), 'ECharts is in the engine chunk');
  const entry = staticClosure('index.html');
  const pages = (manifest['index.html']?.dynamicImports ?? []).flatMap((page) => [...staticClosure(page)]);
  assert.ok(pages.length > 10, 'the pages are chunks of their own');
  for (const file of new Set([...entry, ...pages])) assert.ok(!text(file).includes(echarts), `${file} carries no ECharts`);
});

test("the public pages' entry carries no map library; Leaflet comes with the map chunk", () => {
  const entry = staticClosure('public-map/main.ts');
  for (const file of entry) assert.ok(!text(file).includes(leaflet), `${file} carries no Leaflet`);
  assert.ok(text(manifest['public-map/draw-map.ts']!.file).includes(leaflet));
  assert.ok([...entry].reduce((bytes, file) => bytes + statSync(join(webRoot, file)).size, 0) < 8 * 1024, 'the entry is a few KB');
});

test('every built script, stylesheet and page of 1 KB or more has a .br and a .gz beside it that decode to it', () => {
  const files = readdirSync(join(webRoot, 'assets'))
    .map((f) => join('assets', f))
    .filter((f) => /\.(js|css)$/.test(f));
  const large = files.filter((f) => statSync(join(webRoot, f)).size >= 1024);
  assert.ok(large.length > 5);
  for (const file of large) {
    const body = readFileSync(join(webRoot, file));
    assert.ok(existsSync(join(webRoot, `${file}.br`)) && existsSync(join(webRoot, `${file}.gz`)), file);
    assert.ok(brotliDecompressSync(readFileSync(join(webRoot, `${file}.br`))).equals(body), `${file}.br`);
    assert.ok(gunzipSync(readFileSync(join(webRoot, `${file}.gz`))).equals(body), `${file}.gz`);
  }
});

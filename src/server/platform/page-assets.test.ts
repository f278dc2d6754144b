import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pageAssets } from './page-assets.ts';
import { page } from '../modules/knowledge-bank/pages/layout.ts';
import { html } from './html.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'fullfolj-kb-assets-'));
after(() => rmSync(webRoot, { recursive: true, force: true }));
mkdirSync(join(webRoot, '.vite'));
mkdirSync(join(webRoot, 'assets'));

function build(css: string): void {
  writeFileSync(join(webRoot, 'assets', 'public-map-x.css'), css);
  writeFileSync(
    join(webRoot, '.vite', 'manifest.json'),
    JSON.stringify({
      'public-map/main.ts': {
        file: 'assets/public-map-x.js',
        css: ['assets/public-map-x.css'],
        imports: ['_preload-helper-y.js'],
        dynamicImports: ['public-map/draw-map.ts'],
      },
      '_preload-helper-y.js': { file: 'assets/preload-helper-y.js' },
      'public-map/draw-map.ts': { file: 'assets/draw-map-z.js', css: ['assets/draw-map-z.css'], isDynamicEntry: true },
    }),
  );
}

test("the pages' entry styles are inlined in the head, its imports preloaded, the map chunk left to the script", () => {
  build('.kb{color:#1a1a1a}');
  const assets = pageAssets(webRoot);
  assert.deepEqual(assets, {
    script: '/assets/public-map-x.js',
    preload: ['/assets/preload-helper-y.js'],
    styles: [],
    inlineStyles: '.kb{color:#1a1a1a}',
  });
  const doc = page({ lang: 'sv', title: 'Kunskapsbanken', url: '/kunskapsbank', assets }, html`<p>Innehåll</p>`);
  const head = doc.slice(0, doc.indexOf('</head>'));
  assert.match(head, /<style>\.kb\{color:#1a1a1a\}<\/style>/);
  assert.match(head, /<script type="module" src="\/assets\/public-map-x\.js"><\/script>/);
  assert.match(head, /<link rel="modulepreload" href="\/assets\/preload-helper-y\.js">/);
  assert.doesNotMatch(doc, /rel="stylesheet"/, 'no render-blocking stylesheet request');
  assert.doesNotMatch(doc, /draw-map/, 'the map chunk is loaded by the script when needed');
});

test('styles that could close the style element, or a missing file, are linked instead', () => {
  build('.kb::after{content:"</style>"}');
  assert.deepEqual(pageAssets(webRoot).styles, ['/assets/public-map-x.css']);
  assert.equal(pageAssets(webRoot).inlineStyles, undefined);
  rmSync(join(webRoot, 'assets', 'public-map-x.css'));
  assert.deepEqual(pageAssets(webRoot).styles, ['/assets/public-map-x.css']);
  assert.deepEqual(pageAssets(undefined), { styles: [] });
});

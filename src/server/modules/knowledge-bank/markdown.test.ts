import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './markdown.ts';

test('Markdown becomes HTML: emphasis, lists, headings, paragraphs', () => {
  const html = renderMarkdown('## Så gör vi\n\nVi **träffas** varje _vecka_:\n\n- mentor\n- vårdnadshavare\n');
  assert.match(html, /<h2>Så gör vi<\/h2>/);
  assert.match(html, /<strong>träffas<\/strong>/);
  assert.match(html, /<em>vecka<\/em>/);
  assert.match(html, /<ul>\n<li>mentor<\/li>\n<li>vårdnadshavare<\/li>\n<\/ul>/);
});

test('raw HTML is never passed through: <script>, event handlers, iframes are shown as text', () => {
  const html = renderMarkdown(
    'Hej <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe src="https://example.org"></iframe>',
  );
  assert.doesNotMatch(html, /<script|<img|<iframe/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt;/);
});

test('links: http(s) and mailto only, each rel="noopener nofollow"; javascript:, data: and vbscript: stay text', () => {
  const ok = renderMarkdown('[Skolverket](https://www.skolverket.se) och [mejla](mailto:info@example.org) och [http](http://example.org)');
  assert.match(ok, /<a href="https:\/\/www\.skolverket\.se" rel="noopener nofollow">Skolverket<\/a>/);
  assert.match(ok, /<a href="mailto:info@example\.org" rel="noopener nofollow">mejla<\/a>/);
  assert.match(ok, /<a href="http:\/\/example\.org" rel="noopener nofollow">http<\/a>/);
  for (const url of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
    '/relativ',
    'ftp://example.org',
  ]) {
    const html = renderMarkdown(`[klicka](${url})`);
    assert.doesNotMatch(html, /<a /, url);
  }
  const auto = renderMarkdown('Se https://example.org/sida och <javascript:alert(1)>');
  assert.match(auto, /<a href="https:\/\/example\.org\/sida" rel="noopener nofollow">/);
  assert.doesNotMatch(auto, /href="javascript/i);
});

test('images are not rendered (no requests to other sites from the public pages)', () => {
  const html = renderMarkdown('![bild](https://example.org/spårning.png)');
  assert.doesNotMatch(html, /<img/);
});

/**
 * Markdown → safe HTML for the knowledge bank's descriptions (written by anyone with an account, shown to the public).
 * markdown-it with raw HTML off (a `<script>` or `<img onerror>` is shown as text, escaped), links only to http(s) and
 * mailto (others are left as text), every link `rel="noopener nofollow"`, no images (a submitter must not make visitors'
 * browsers fetch from elsewhere: the CSP allows images from this site only).
 */
import MarkdownIt from 'markdown-it';

const allowedLink = /^(https?:|mailto:)/i;

const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
md.disable(['image']);
md.validateLink = (url: string) => allowedLink.test(url.trim());

const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) token.attrSet('rel', 'noopener nofollow');
  return renderLinkOpen(tokens, idx, options, env, self);
};

/** The HTML of a Markdown text: safe to put in a page as is (no raw HTML, no scripts, only http(s)/mailto links). */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

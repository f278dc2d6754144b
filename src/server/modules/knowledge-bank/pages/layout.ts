/** The frame of every public page: language, skip link, header with the language switch, main landmark, footer. */
import { html, queryString, trustedHtml, type SafeHtml } from '../../../platform/html.ts';
import type { PageAssets } from '../../../platform/page-assets.ts';
import { t, type Lang } from './texts.ts';

export interface PageFrame {
  lang: Lang;
  title: string;
  /** The path and query of this page (the language switch keeps it). */
  url: string;
  assets: PageAssets;
  head?: SafeHtml;
  /** A compact frame without header and footer (the embeddable view). */
  compact?: boolean;
}

/** The pages' own URL parameters: the language switch keeps these and drops anything else. */
const pageParameters = new Set(['q', 'typ', 'fokus', 'alder', 'niva', 'kommun', 'sida']);

/** The same URL in the other language. */
export function switchLanguage(url: string, lang: Lang): string {
  const [path = '/', query = ''] = url.split('?');
  const params = new URLSearchParams([...new URLSearchParams(query)].filter(([key]) => pageParameters.has(key)));
  params.set('lang', lang === 'sv' ? 'en' : 'sv');
  return `${path}?${params.toString()}`;
}

/** The URL with this language kept (English is explicit in every link; Swedish is the default). */
export function withLang(path: string, lang: Lang, params: [string, string | number | undefined | null][] = []): string {
  return path + queryString([...params, ['lang', lang === 'en' ? 'en' : undefined]]);
}

/** A whole HTML document around `body`. */
export function page(frame: PageFrame, body: SafeHtml): string {
  const { lang, title, assets } = frame;
  const header = frame.compact
    ? ''
    : html`<header class="kb-header">
        <a class="kb-brand" href="${withLang('/kunskapsbank', lang)}">Fullfölj · ${t(lang, 'bank')}</a>
        <nav aria-label="${lang === 'sv' ? 'Kunskapsbanken' : 'Knowledge bank'}">
          <a href="${withLang('/kunskapsbank', lang)}">${t(lang, 'search')}</a>
          <a href="${withLang('/kunskapsbank/karta', lang)}">${t(lang, 'regionMap')}</a>
          <a href="${switchLanguage(frame.url, lang)}" lang="${lang === 'sv' ? 'en' : 'sv'}">${t(lang, 'language')}</a>
        </nav>
      </header>`;
  const footer = frame.compact
    ? ''
    : html`<footer class="kb-footer"><p>Fullfölj — ${lang === 'sv' ? 'öppen plattform för fullföljda studier' : 'open platform for completed upper secondary studies'}.
        <a href="/api/public/openapi.json">OpenAPI</a> · <a href="/feed.atom">Atom</a></p></footer>`;
  return `<!doctype html>${
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${assets.inlineStyles ? html`<style>${trustedHtml(assets.inlineStyles)}</style>` : ''}
${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
${frame.head}
${assets.script ? html`<script type="module" src="${assets.script}"></script>` : ''}
${(assets.preload ?? []).map((href) => html`<link rel="modulepreload" href="${href}">`)}
</head>
<body class="${frame.compact ? 'kb kb-compact' : 'kb'}">
<a class="kb-skip" href="#innehall">${t(lang, 'skip')}</a>
${header}
<main id="innehall" tabindex="-1">
${body}
</main>
${footer}
</body>
</html>`.value
  }`;
}

/**
 * The frame of the served public documents (/behandlingar, /tillganglighet): the sign-in page's styles, a skip link, the
 * language switch and a footer linking both documents and the sign-in page. Swedish by default, English by `?lang=en`.
 */
import { html, queryString, trustedHtml, type SafeHtml } from '../platform/html.ts';
import type { Language } from '../platform/language.ts';
import type { PageAssets } from '../platform/page-assets.ts';

const chrome = {
  sv: {
    appName: 'Fullfölj',
    skip: 'Hoppa till innehållet',
    other: 'English',
    otherHint: 'byt språk',
    accessibility: 'Tillgänglighetsredogörelse',
    record: 'Register över behandlingar av personuppgifter',
    signIn: 'Logga in',
  },
  en: {
    appName: 'Fullfölj',
    skip: 'Skip to content',
    other: 'Svenska',
    otherHint: 'change language',
    accessibility: 'Accessibility statement',
    record: 'Record of processing of personal data',
    signIn: 'Sign in',
  },
} as const;

// The documents' own few rules: a readable measure, long words wrapped (no sideways scrolling at 390 px).
const documentStyles =
  '.public-document,body>header,body>footer{max-width:48rem;margin:0 auto;padding:0.75rem 1.25rem}' +
  '.public-document{overflow-wrap:anywhere}.public-document dd{margin:0 0 0.75rem 1rem}';

/** The public documents' paths, for links (the sign-in page's footer and the app's). */
export const publicDocumentPaths = { accessibility: '/tillganglighet', record: '/behandlingar' } as const;

/** The footer links to both documents, in the page's language. */
export function documentLinks(lang: Language): SafeHtml {
  const t = chrome[lang];
  const q = lang === 'en' ? '?lang=en' : '';
  return html`<nav aria-label="${t.appName}" class="document-links">
    <a href="${publicDocumentPaths.accessibility}${q}">${t.accessibility}</a> ·
    <a href="${publicDocumentPaths.record}${q}">${t.record}</a>
  </nav>`;
}

/** The whole HTML document of a served public document. */
export function publicPage(o: { lang: Language; path: string; title: string; body: SafeHtml; assets: PageAssets }): string {
  const t = chrome[o.lang];
  const other: Language = o.lang === 'sv' ? 'en' : 'sv';
  const switchUrl = `${o.path}${queryString([['lang', other === 'en' ? 'en' : undefined]])}`;
  const styles = o.assets.styles.map((href) => html`<link rel="stylesheet" href="${href}" />`);
  return `<!doctype html>${
    html`<html lang="${o.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} – ${t.appName}</title>
        ${o.assets.inlineStyles ? html`<style>${trustedHtml(o.assets.inlineStyles)}</style>` : ''} ${styles}
        <style>${trustedHtml(documentStyles)}</style>
      </head>
      <body>
        <a class="skip-link" href="#main">${t.skip}</a>
        <header class="sign-in-top">
          <span class="brand">${t.appName}</span>
          <a href="${switchUrl}" lang="${other}" hreflang="${other}">${t.other}<span class="visually-hidden"> (${t.otherHint})</span></a>
        </header>
        <main id="main" class="public-document">${o.body}</main>
        <footer>${documentLinks(o.lang)} · <a href="/logga-in${o.lang === 'en' ? '?lang=en' : ''}">${t.signIn}</a></footer>
      </body>
    </html>`.value
  }`;
}

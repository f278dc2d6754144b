/**
 * The sign-in page, rendered on the server: the first thing every user loads, so it paints without waiting for the web
 * app (React, the router, the translations). A small script (`src/web/sign-in/main.ts`, a Vite entry) sends the form
 * to POST /api/auth/sign-in and shows the server's messages at the fields; after sign-in the browser goes on to the
 * page the user asked for. Swedish by default, English by `?lang=en` or the browser's language.
 */
import { html, queryString, trustedHtml, type SafeHtml } from '../../platform/html.ts';
import type { Language as Lang } from '../../platform/language.ts';
import { documentLinks } from '../../privacy/public-page.ts';
import type { PageAssets } from '../../platform/page-assets.ts';

const texts = {
  sv: {
    appName: 'Fullfölj',
    skipToContent: 'Hoppa till innehållet',
    title: 'Logga in',
    intro: 'Logga in med ditt konto hos huvudmannen.',
    publicBank: 'Kunskapsbanken med goda exempel är öppen för alla, utan inloggning.',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    working: 'Loggar in …',
    withProvider: 'Logga in med',
    or: 'eller',
    otherLanguage: 'English',
    languageHint: 'byt språk',
    oidcFailed: 'Inloggningen via identitetsleverantören misslyckades. Försök igen eller kontakta administratören.',
    failed: 'Inloggningen gick inte att genomföra. Kontrollera anslutningen och försök igen.',
    noScript: 'Inloggningen behöver JavaScript. Slå på JavaScript i webbläsaren och ladda om sidan.',
  },
  en: {
    appName: 'Fullfölj',
    skipToContent: 'Skip to content',
    title: 'Sign in',
    intro: "Sign in with your organiser's account.",
    publicBank: 'The knowledge bank of good examples is open to everyone, without signing in.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    working: 'Signing in …',
    withProvider: 'Sign in with',
    or: 'or',
    otherLanguage: 'Svenska',
    languageHint: 'change language',
    oidcFailed: 'Signing in through the identity provider failed. Try again or contact the administrator.',
    failed: 'Signing in could not be completed. Check the connection and try again.',
    noScript: 'Signing in needs JavaScript. Turn JavaScript on in the browser and reload the page.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * Where to go after sign-in: a path of this site (`/insatser?x=1`), never another site (`//evil.example`,
 * `/\evil.example`, `https://…`) and never back to the sign-in page; anything else is the start page.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!/^\/(?![/\\])[^\s\\]*$/.test(value)) return '/';
  return value === '/logga-in' || value.startsWith('/logga-in?') ? '/' : value;
}

export interface SignInPageInput {
  lang: Lang;
  /** Where the browser goes after signing in (already checked by safeNextPath). */
  next: string;
  /** The identity provider's label and start URL, when OpenID Connect is configured. */
  oidc: { label: string; startUrl: string } | null;
  /** A failed sign-in through the identity provider (`?fel=`). */
  providerFailed: boolean;
  assets: PageAssets;
}

/** The whole HTML document of the sign-in page. */
export function signInPage({ lang, next, oidc, providerFailed, assets }: SignInPageInput): string {
  const t = texts[lang];
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const keep = next === '/' ? undefined : next;
  const switchUrl = `/logga-in${queryString([
    ['lang', other],
    ['till', keep],
  ])}`;
  const provider: SafeHtml | '' = oidc
    ? html`<p><a class="button" href="${oidc.startUrl}">${t.withProvider} ${oidc.label}</a></p>
        <p class="muted">${t.or}</p>`
    : '';
  const body = html`<a class="skip-link" href="#main">${t.skipToContent}</a>
    <main id="main" class="sign-in">
      <div class="sign-in-top">
        <span class="brand">${t.appName}</span>
        <a href="${switchUrl}" lang="${other}" hreflang="${other}" data-language="${other}"
          >${t.otherLanguage}<span class="visually-hidden"> (${t.languageHint})</span></a
        >
      </div>
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      <p role="alert" class="notice notice-error" data-sign-in-error ${providerFailed ? '' : 'hidden'}>
        ${providerFailed ? t.oidcFailed : ''}
      </p>
      <noscript><p class="notice notice-error">${t.noScript}</p></noscript>
      ${provider}
      <form data-sign-in data-next="${next}" data-working="${t.working}" data-failed="${t.failed}" novalidate>
        <label for="username">${t.username}</label>
        <input id="username" name="username" autocomplete="username" required />
        <p id="username-error" class="field-error" hidden></p>
        <label for="password">${t.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p id="password-error" class="field-error" hidden></p>
        <button type="submit">${t.submit}</button>
      </form>
      <p><a href="${lang === 'en' ? '/kunskapsbank?lang=en' : '/kunskapsbank'}">${t.publicBank}</a></p>
    </main>
    <footer class="sign-in">${documentLinks(lang)}</footer>`;
  const styles = assets.styles.map((href) => html`<link rel="stylesheet" href="${href}" />`);
  const preload = (assets.preload ?? []).map((href) => html`<link rel="modulepreload" href="${href}" />`);
  return `<!doctype html>${
    html`<html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t.title} – ${t.appName}</title>
        ${
          assets.inlineStyles
            ? html`<style>
                ${trustedHtml(assets.inlineStyles)}
              </style>`
            : ''
        }
        ${styles} ${preload} ${assets.script ? html`<script type="module" src="${assets.script}"></script>` : ''}
      </head>
      <body>
        ${body}
      </body>
    </html>`.value
  }`;
}

/**
 * What a person must never read: an id (UUID), a column or field key (snake_case, camelCase), a dotted code
 * (`auth.sign-in`). `unreadableTokens` finds them in a text (e-mail addresses and web addresses are skipped);
 * `otherLanguageWords` finds the other language's words in the page's own texts (headings, labels, buttons, table
 * headings — not in data, which is written in whatever language its author wrote);
 * `pageProblems` reads a page's visible text and checks that it does not scroll sideways.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const snake = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g;
const camel = /\b[a-z]+[A-Z][A-Za-z]*\b/g;
const dotted = /\b[a-z]{3,}\.[a-z][a-z-]{2,}\b/g;
const emailOrUrl = /\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.-]+\.(?:se|org|com|net|eu|gov|edu|nu|info|io)\b/g;

/** The UUIDs, keys and codes in `text`, each once. */
export function unreadableTokens(text: string): string[] {
  const plain = text.replace(emailOrUrl, ' ');
  const found = [uuid, snake, camel, dotted].flatMap((pattern) => plain.match(pattern) ?? []);
  return [...new Set(found)];
}

/**
 * Words only one of the languages uses, common in an interface: a Swedish page's chrome has none of the English ones
 * and an English page's none of the Swedish ones. (Words both use — «student», «program», «status» — are not listed.)
 */
const markers = {
  sv: /(?<![\p{L}])(och|inte|eller|för|att|med|som|är|har|till|från|saknas|visa|spara|sök|ärende|ärenden|elev|elever|insats|insatser|datum|namn|skola|vecka|veckor|frånvaro|närvaro|betyg|uppföljning|ansvarig|ingen|inga|alla|välj|stäng|avbryt|hämta|ladda|skriv)(?![\p{L}])/giu,
  en: /(?<![\p{L}])(the|and|with|from|save|show|search|case|cases|date|name|school|week|weeks|absence|attendance|grades|follow-up|responsible|none|all|choose|close|cancel|download|print|without)(?![\p{L}])/giu,
};

/** The other language's marker words in `texts` (a page in `lang`), each once. */
export function otherLanguageWords(texts: string[], lang: 'sv' | 'en'): string[] {
  const other = lang === 'sv' ? markers.en : markers.sv;
  return [...new Set(texts.flatMap((text) => [...text.matchAll(other)].map((m) => m[0].toLowerCase())))];
}

/** The page's visible text problems, the other language's words in its own texts, and whether it scrolls sideways. */
export async function pageProblems(
  page: Page,
  lang?: 'sv' | 'en',
): Promise<{ tokens: string[]; overflow: number; otherLanguage: string[] }> {
  // A page just resized (a test turning to 390 px) lays out again and its charts redraw on the next frames: wait until
  // nothing is wider than the window, or give up after a while and report what overflows then.
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, undefined, { timeout: 3000 })
    .catch(() => undefined);
  const { text, chrome, overflow } = await page.evaluate(() => ({
    text: document.body.innerText,
    // The interface's own words: headings, labels, buttons, table headings, the menu. Data (names, notes) is left out.
    // Parts marked as another language (`lang="sv"` on an author's Swedish title in the English page) are left out too.
    chrome: [...document.querySelectorAll('h1, h2, h3, h4, th, label, legend, caption, summary, button, nav a')].map((el) => {
      const own = document.documentElement.lang;
      let text = (el as HTMLElement).innerText;
      for (const part of el.querySelectorAll<HTMLElement>('[lang]'))
        if (part.lang && part.lang !== own) text = text.replace(part.innerText, ' ');
      return text;
    }),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  // Each finding with the text it was found in (shortened), so a failure says where to look.
  const otherLanguage = lang
    ? chrome.flatMap((part) => otherLanguageWords([part], lang).map((word) => `${word} in «${part.trim().slice(0, 60)}»`))
    : [];
  return { tokens: unreadableTokens(text), overflow, otherLanguage: [...new Set(otherLanguage)] };
}

/**
 * Asserts a Swedish page readable: no id, key or code in its text, no English in its own texts, and no sideways
 * scrolling at a phone's width (390 px); leaves the page at 1280 px.
 */
export async function assertReadable(page: Page, label: string): Promise<void> {
  const wide = await pageProblems(page, 'sv');
  assert.deepEqual(wide.tokens, [], `ids, keys or codes: ${label}`);
  assert.deepEqual(wide.otherLanguage, [], `English in the Swedish page: ${label}`);
  await page.setViewportSize({ width: 390, height: 844 });
  const narrow = await pageProblems(page);
  assert.ok(narrow.overflow <= 0, `no sideways scrolling at 390 px: ${label} (${narrow.overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

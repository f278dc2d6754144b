/**
 * What a person must never read: an id (UUID), a column or field key (snake_case, camelCase), a dotted code
 * (`auth.sign-in`). `unreadableTokens` finds them in a text (e-mail addresses and web addresses are skipped);
 * `pageProblems` reads a page's visible text and checks that it does not scroll sideways.
 */
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

/** The page's visible text problems and whether it scrolls sideways at its current width. */
export async function pageProblems(page: Page): Promise<{ tokens: string[]; overflow: number }> {
  const { text, overflow } = await page.evaluate(() => ({
    text: document.body.innerText,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  return { tokens: unreadableTokens(text), overflow };
}

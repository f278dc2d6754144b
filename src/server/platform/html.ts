/**
 * A small, safe HTML template helper for the server-rendered public pages: every interpolated value is escaped unless
 * it is already `SafeHtml` (another template's result, or `trustedHtml` for the sanitised Markdown of markdown.ts).
 * Arrays are joined; null, undefined and false render nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: Value) => render(v)).join('');
  return escapeHtml(String(value));
}

/** The tagged template: html`<p>${text}</p>` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** HTML that a sanitiser already made safe (only markdown.ts's renderMarkdown output). */
export function trustedHtml(sanitised: string): SafeHtml {
  return new SafeHtml(sanitised);
}

/** A URL query string from a parameter list, leaving out empty values. */
export function queryString(params: [string, string | number | undefined | null][]): string {
  const search = new URLSearchParams();
  for (const [k, v] of params) if (v !== undefined && v !== null && v !== '') search.append(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

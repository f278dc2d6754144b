/** A time or date on the Swedish clock (Europe/Stockholm), in the page's language. */
export function when(iso: string, language: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  const locale = language.startsWith('en') ? 'en-GB' : 'sv-SE';
  return iso.length === 10
    ? date.toLocaleDateString(locale, { timeZone: 'Europe/Stockholm' })
    : date.toLocaleString(locale, { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
}

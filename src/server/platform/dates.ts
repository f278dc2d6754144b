/** Dates as the platform means them: Swedish time, whatever the server's zone. */

/** The date (YYYY-MM-DD, Europe/Stockholm) that "current" means for a request at `now`. */
export function dateOf(now: Date): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

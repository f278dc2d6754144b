/** Dates as the platform means them: Swedish time, whatever the server's zone. */
import { dateTimeFormat } from '../../shared/contract/intl.ts';

/** Kept: `toLocaleDateString` built a formatter on every call, a tenth of the student list's CPU in Node (intl.ts). */
const swedishDay = dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** The date (YYYY-MM-DD, Europe/Stockholm) that "current" means for a request at `now`. */
export function dateOf(now: Date): string {
  return swedishDay.format(now);
}

/**
 * The web app's one place for numbers, percentages, dates and times as a person reads them: in the page's language
 * (Swedish decimal commas and spaces, `12,5 %`; English `12.5%`), dates on the Swedish clock (Europe/Stockholm).
 * A page never prints a raw fraction (`0.769`), an ISO timestamp or a number with the other language's separators.
 */
import i18next from 'i18next';
import { dateTimeFormat, numberFormat } from '../../shared/contract/intl.ts';

const locale = () => (i18next.language === 'en' ? 'en-GB' : 'sv-SE');
const zone = 'Europe/Stockholm';

/** A number with the language's separators, at most `digits` decimals. */
export function formatNumber(value: number, digits = 1): string {
  return numberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** A fraction (0.769) as a percentage ("76,9 %"), `digits` decimals at most. */
export function formatPercent(fraction: number, digits = 0): string {
  return numberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

/** Percentage points for a difference of fractions (0.05 → "5 procentenheter" / "5 percentage points"). */
export function formatPercentagePoints(fraction: number, digits = 0): string {
  const points = formatNumber(fraction * 100, digits);
  return i18next.language === 'en' ? `${points} percentage points` : `${points} procentenheter`;
}

/** A calendar date (YYYY-MM-DD) or timestamp as a date: "3 dec. 2026" / "3 Dec 2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale(), { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** A timestamp on the Swedish clock: "3 dec. 2026 09:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale(), { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Today in the browser's time zone as YYYY-MM-DD (the default of date fields; the server decides what is past). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

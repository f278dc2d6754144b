/**
 * How values read in a register extract: dates in Swedish ("1 oktober 2024"), times in Swedish time, yes/no, minutes
 * as hours and minutes. The queries hand dates over as text (`YYYY-MM-DD`, or `YYYY-MM-DD HH24:MI` already in Swedish
 * time), so both database drivers give the same strings.
 */
import { dateTimeFormat } from '../../../shared/contract/intl.ts';

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** `2024-10-01` (or the date part of a longer string) as "1 oktober 2024"; '–' when absent or unreadable. */
export function swedishDate(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return '–';
  const month = months[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : '–';
}

/** `2024-10-01 10:00` (Swedish time) as "1 oktober 2024 kl. 10:00". */
export function swedishDateTime(value: string | null | undefined): string {
  const time = /[ T](\d{2}:\d{2})/.exec(value ?? '')?.[1];
  const day = swedishDate(value);
  return time && day !== '–' ? `${day} kl. ${time}` : day;
}

/** A point in time (a Date) in Swedish time, as "1 oktober 2024 kl. 10:00". */
export function swedishMoment(at: Date): string {
  const parts = Object.fromEntries(
    dateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return swedishDateTime(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`);
}

/** "från 15 augusti 2024" or "15 augusti 2024 – 14 juni 2025". */
export function period(start: string | null | undefined, end: string | null | undefined): string {
  if (!end) return start ? `från ${swedishDate(start)}` : '–';
  return `${swedishDate(start)} – ${swedishDate(end)}`;
}

export const yesNo = (value: boolean | null | undefined): string => (value === null || value === undefined ? '–' : value ? 'Ja' : 'Nej');

/** Minutes as "2 tim 15 min" (or "45 min"). */
export function minutes(value: number | string | null | undefined): string {
  const n = Number(value ?? 0);
  if (!Number.isFinite(n) || n <= 0) return '0 min';
  const hours = Math.floor(n / 60);
  const rest = Math.round(n % 60);
  return hours ? `${hours} tim${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

/** A share 0…1 as a whole percentage, "87 %". */
export const percent = (value: number | string | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(Number(value)) ? '–' : `${Math.round(Number(value) * 100)} %`;

/** A text or '–'. */
export const text = (value: unknown): string => (value === null || value === undefined || value === '' ? '–' : String(value));

/** Looks `code` up in a table of Swedish labels; an unknown code is never printed ('annat'). */
export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined || code === '' ? '–' : (labels[code] ?? 'Annat');

/** School-year arithmetic: a school year S runs from mid-August S to mid-June S+1. */
import { addDays, formatISO, isWeekend, getISOWeek, parseISO } from 'date-fns';

/** The (administrative, 1 July – 30 June) school year `today` falls in: its starting calendar year. */
export function schoolYearOf(today: string): number {
  const d = parseISO(today);
  return d.getMonth() >= 6 ? d.getFullYear() : d.getFullYear() - 1;
}

export const termStart = (s: number) => `${s}-08-18`;
export const termEnd = (s: number) => `${s + 1}-06-12`;
export const autumnTermEnd = (s: number) => `${s}-12-19`;

const daysCache = new Map<string, string[]>();

/** School days from `from` to `to` inclusive: weekdays outside the autumn break (week 44). Memoised. */
export function schoolDays(from: string, to: string): string[] {
  const key = `${from}:${to}`;
  const cached = daysCache.get(key);
  if (cached) return cached;
  const days: string[] = [];
  for (let d = parseISO(from); formatISO(d, { representation: 'date' }) <= to; d = addDays(d, 1)) {
    if (isWeekend(d) || getISOWeek(d) === 44) continue;
    days.push(formatISO(d, { representation: 'date' }));
  }
  daysCache.set(key, days);
  return days;
}

/** Whole months of a school year as [start, end] pairs, September–May, then June up to term end. */
export function monthsOf(s: number, until?: string): [string, string][] {
  const months: [string, string][] = [];
  const list = [
    [s, 8],
    [s, 9],
    [s, 10],
    [s, 11],
    [s, 12],
    [s + 1, 1],
    [s + 1, 2],
    [s + 1, 3],
    [s + 1, 4],
    [s + 1, 5],
    [s + 1, 6],
  ] as const;
  for (const [y, m] of list) {
    const start = m === 8 ? termStart(s) : `${y}-${String(m).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const end = m === 6 ? termEnd(s) : `${y}-${String(m).padStart(2, '0')}-${last}`;
    if (until && end >= until) break;
    months.push([start, end]);
  }
  return months;
}

/** Age in whole years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

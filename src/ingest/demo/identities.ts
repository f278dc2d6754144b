/**
 * Identity numbers for synthetic people: ONLY Skatteverket's test personnummer, drawn by birth
 * year and never handed out twice. When a year runs out, the person gets no number.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Random } from './random.ts';

const listFile = fileURLToPath(new URL('../../../assets/personnummer/skatteverket-testpersonnummer.txt', import.meta.url));

/** All test numbers, grouped by birth year. */
export function loadTestNumbers(): Map<number, string[]> {
  const byYear = new Map<number, string[]>();
  for (const line of readFileSync(listFile, 'utf8').split('\n')) {
    const n = line.trim();
    if (!/^\d{12}$/.test(n)) continue;
    const year = Number(n.slice(0, 4));
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push(n);
  }
  return byYear;
}

export interface Identity {
  civicNo?: string;
  birthDate: string;
}

/** Hands out each test number at most once, with the birth date it encodes. */
export class IdentityPool {
  private readonly remaining: Map<number, string[]>;
  constructor(numbers: Map<number, string[]>, random: Random) {
    this.remaining = new Map([...numbers].map(([y, list]) => [y, shuffle([...list], random)]));
  }

  /** A number from `year`, or none (with a plausible birth date) when the year has run out. */
  take(year: number, random: Random): Identity {
    const n = this.remaining.get(year)?.pop();
    if (n) return { civicNo: n, birthDate: `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}` };
    const month = random.int(1, 12);
    return { birthDate: `${year}-${String(month).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` };
  }

  /** A number from the first year of `years` that still has one. */
  takeAny(years: number[], random: Random): Identity {
    for (const y of years) if (this.remaining.get(y)?.length) return this.take(y, random);
    return this.take(years[0] ?? 1980, random);
  }
}

function shuffle<T>(list: T[], random: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/** A valid-checksum (Luhn) ten-digit organisation number from a nine-digit stem. */
export function organisationNumber(stem: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(stem[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${stem}${(10 - (sum % 10)) % 10}`;
}

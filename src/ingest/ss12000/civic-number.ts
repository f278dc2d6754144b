/**
 * Civic numbers (Person.civicNo): personnummer and samordningsnummer checked with the
 * `personnummer` package, and SS 12000's "tillfälligt personnummer" (a date followed by two
 * letters and two digits, e.g. 20130101TF01). Errors never echo the number.
 */
import personnummerModule from 'personnummer';
import { isValid, parseISO } from 'date-fns';
import type { civicNoKinds } from '../../server/db/schema/people.ts';

export type CivicNoKind = (typeof civicNoKinds)[number];

export type CivicNoResult = { ok: true; civicNo: string; kind: CivicNoKind } | { ok: false; reason: string };

// personnummer is CommonJS: under NodeNext its default import is the module object.
const Personnummer = ((personnummerModule as unknown as { default?: unknown }).default ?? personnummerModule) as unknown as {
  parse(
    pin: string,
    options: { allowCoordinationNumber: boolean; allowInterimNumber: boolean },
  ): { format(long: boolean): string; isCoordinationNumber(): boolean };
};

const TEMPORARY = /^(\d{4})(\d{2})(\d{2})[A-Za-z]{2}\d{2}$/;

/** Parses a civic number to its stored twelve-character form and kind. */
export function parseCivicNo(value: string): CivicNoResult {
  const temporary = TEMPORARY.exec(value);
  if (temporary) {
    const date = parseISO(`${temporary[1]}-${temporary[2]}-${temporary[3]}`);
    if (!isValid(date)) return { ok: false, reason: 'tillfälligt personnummer med ogiltigt datum (invalid temporary civic number)' };
    return { ok: true, civicNo: value.toUpperCase(), kind: 'temporary' };
  }
  if (!/^\d{8}-?\d{4}$/.test(value)) {
    return { ok: false, reason: 'ska vara tolv siffror ÅÅÅÅMMDDNNNN (must be a 12-digit civic number)' };
  }
  try {
    const pin = Personnummer.parse(value, { allowCoordinationNumber: true, allowInterimNumber: false });
    return { ok: true, civicNo: pin.format(true), kind: pin.isCoordinationNumber() ? 'samordningsnummer' : 'personnummer' };
  } catch {
    return { ok: false, reason: 'ogiltigt personnummer eller samordningsnummer (invalid civic number: date or check digit)' };
  }
}

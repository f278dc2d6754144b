/** The case routes' refusals, in plain Swedish: a 400 naming the field, a 409 saying what to do instead. */
import { HttpError } from '../../platform/errors.ts';

/** 400 naming one field, e.g. `followUpDates.1`. */
export function badInput(field: string, message: string): HttpError {
  return new HttpError(400, `${field}: ${message}`, { fields: [{ field, message }] });
}

/** 409 with the extra fields the client needs (the existing case's id, the current version). */
export function conflict(message: string, body: Record<string, unknown> = {}): HttpError {
  return new HttpError(409, message, body);
}

/** A timestamp as a Swede reads it: "2024-10-01 kl. 10:00" in Swedish time. */
export function swedishTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const day = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const time = d.toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
  return `${day} kl. ${time}`;
}

/** The 409 for a stale version: who changed the record last and when, so the user knows whom to talk to. */
export function staleVersion(what: 'ärendet' | 'insatsen', current: number, last: { at: string; accountId: string; name: string | null } | null): HttpError {
  const who = last ? `${last.name ?? 'någon annan'} ${swedishTime(last.at)}` : 'någon annan';
  return conflict(
    `Någon annan har ändrat ${what} sedan du öppnade det: ${who}. Läs in ${what} igen och gör dina ändringar på nytt; ingenting sparades.`,
    { version: current, changedBy: last ? { id: last.accountId, name: last.name } : null, changedAt: last?.at ?? null },
  );
}

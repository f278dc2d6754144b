/**
 * The interventions routes' refusals: a 400 naming the field by the form's label («Ansvarig: personen arbetar inte …»),
 * in the request's language, never its key or the value sent; a 409 saying what to do instead. Commands throw a
 * FieldRefusal in Swedish; the route answers it in the request's language (`inRequestLanguage`).
 */
import type { FastifyRequest } from 'fastify';
import type { FieldLabels, Label } from '../../../shared/contract/endpoint.ts';
import { labelFor, type Language } from '../../../shared/contract/messages.ts';
import { fieldLabels } from '../../../shared/interventions/labels.ts';
import { dateOf } from '../../platform/dates.ts';
import { HttpError } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { dateTimeFormat } from '../../../shared/contract/intl.ts';

/** A field the module's own rules refused (`followUpDates.1`), with what is wrong in both languages (400, or 403 for a unit not the actor's). */
export class FieldRefusal extends HttpError {
  constructor(
    readonly field: string,
    readonly text: Label,
    readonly labels: FieldLabels = fieldLabels,
    status = 400,
  ) {
    const { message, fields } = FieldRefusal.parts(field, text, labels, 'sv');
    super(status, message, { fields });
  }

  private static parts(field: string, text: Label, labels: FieldLabels, language: Language) {
    const label = labelFor(labels, field.split('.'), language) ?? (language === 'sv' ? 'Ett fält' : 'A field');
    const message = `${label}: ${text[language]}.`;
    return { message, fields: [{ field, label, message }] };
  }

  /** The same refusal in `language`. */
  in(language: Language): HttpError {
    const { message, fields } = FieldRefusal.parts(this.field, this.text, this.labels, language);
    return new HttpError(this.statusCode, message, { fields });
  }
}

/** 400 naming one field, e.g. `followUpDates.1` («Uppföljningsdatum 2: …»). */
export function badInput(field: string, text: Label, labels?: FieldLabels): FieldRefusal {
  return new FieldRefusal(field, text, labels);
}

/** Runs a command; a FieldRefusal it throws is answered in the request's language. */
export async function inRequestLanguage<T>(req: Pick<FastifyRequest, 'headers' | 'query'>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FieldRefusal) throw error.in(requestLanguage(req));
    throw error;
  }
}

/** 409 with the extra fields the client needs (the existing case's id, the current version). */
export function conflict(message: string, body: Record<string, unknown> = {}): HttpError {
  return new HttpError(409, message, body);
}

/** A timestamp as a Swede reads it: "2024-10-01 kl. 10:00" in Swedish time. */
export function swedishTime(at: string | Date): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const day = dateOf(d);
  const time = dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(d);
  return `${day} kl. ${time}`;
}

/** The 409 for a stale version: who changed the record last and when, so the user knows whom to talk to. */
export function staleVersion(
  what: 'ärendet' | 'insatsen',
  current: number,
  last: { at: string; accountId: string; name: string | null } | null,
): HttpError {
  const who = last ? `${last.name ?? 'någon annan'} ${swedishTime(last.at)}` : 'någon annan';
  return conflict(
    `Någon annan har ändrat ${what} sedan du öppnade det: ${who}. Läs in ${what} igen och gör dina ändringar på nytt; ingenting sparades.`,
    { version: current, changedBy: last ? { id: last.accountId, name: last.name } : null, changedAt: last?.at ?? null },
  );
}

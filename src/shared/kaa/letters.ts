/**
 * Contact letters to the newly registered (youth-register.read): the list of who gets a printed letter and who does
 * not and why (a protected identity: through the Swedish Tax Agency's forwarding; no address), and the letters as one
 * PDF (POST, a file: not a JSON endpoint).
 */
import { z } from 'zod';
import { endpoint, type Label } from '../contract/endpoint.ts';
import { calendarDate, optionalLine } from '../input/index.ts';

const label = z.object({ sv: z.string(), en: z.string() });

export const lettersQuery = z.strictObject({ registeredFrom: calendarDate().optional() });

export const lettersPlan = z.object({
  registeredFrom: z.string(),
  recipients: z.array(z.object({ personId: z.uuid(), name: z.string(), registeredOn: z.string() })),
  skipped: z.array(z.object({ personId: z.uuid(), name: z.string(), registeredOn: z.string(), reason: label })),
  templates: z.array(z.object({ language: z.string(), name: label })),
});
export type LettersPlan = z.output<typeof lettersPlan>;

export const lettersBody = z.strictObject({
  registeredFrom: calendarDate(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  phone: optionalLine(40),
  email: optionalLine(120),
});

export const lettersLabels: Record<string, Label> = {
  registeredFrom: { sv: 'Registrerade från och med', en: 'Registered on or after' },
  language: { sv: 'Språk', en: 'Language' },
  phone: { sv: 'Telefon i brevet', en: 'Phone in the letter' },
  email: { sv: 'E-post i brevet', en: 'E-mail in the letter' },
};

export const skipReasonLabels: Record<'protected-identity' | 'no-address', Label> = {
  'protected-identity': {
    sv: 'Skyddad identitet: skicka brevet genom Skatteverkets vidarebefordran',
    en: 'Protected identity: send the letter through the Tax Agency’s forwarding',
  },
  'no-address': { sv: 'Ingen adress i registret', en: 'No address in the register' },
};

export const lettersApi = {
  plan: endpoint({
    method: 'GET',
    path: '/api/kaa/letters',
    query: lettersQuery,
    response: lettersPlan,
    labels: lettersLabels,
  }),
};

export const lettersPdfPath = '/api/kaa/letters.pdf';

/**
 * A challenge carries no personal data: text that looks like a personnummer (10 or 12 digits, with or without the
 * separator) or an e-mail address is refused, naming the field. The check is deliberately broad (any such digit
 * run), since a false refusal costs a rewording and a published civic number cannot be taken back.
 */
const civicNumber = /(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/;
const email = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

/** What kind of personal data `text` looks like it holds, or null. */
export function personalDataIn(text: string): 'civic-number' | 'email' | null {
  if (civicNumber.test(text)) return 'civic-number';
  if (email.test(text)) return 'email';
  return null;
}

export const personalDataMessages = {
  'civic-number': {
    sv: 'ser ut att innehålla ett personnummer; utmaningar får inte innehålla personuppgifter',
    en: 'looks like it holds a personal identity number; challenges must not hold personal data',
  },
  email: {
    sv: 'ser ut att innehålla en e-postadress; utmaningar får inte innehålla personuppgifter',
    en: 'looks like it holds an e-mail address; challenges must not hold personal data',
  },
} as const;

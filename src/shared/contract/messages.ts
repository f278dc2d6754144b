/**
 * Validation messages in Swedish and English, naming the field as the form names it. Built from zod's issue codes
 * (and the shared input blocks' reasons), so a message never contains a field key, an enum code or the value the
 * person typed. Used by the server's 400 answers; the web app shows them at the field.
 */
import type { z } from 'zod';
import type { FieldLabels, Label } from './endpoint.ts';
import { numberFormat } from './intl.ts';

export type Language = 'sv' | 'en';

/** Why a custom refinement refused a value (the `params.reason` the shared blocks set). */
const customReasons: Record<string, Label> = {
  control: { sv: 'innehåller otillåtna tecken (styrtecken)', en: 'contains characters that are not allowed (control characters)' },
  encoding: { sv: 'innehåller ogiltiga tecken (felaktig teckenkodning)', en: 'contains invalid characters (broken encoding)' },
  date: { sv: 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD', en: 'must be a date that exists, YYYY-MM-DD' },
  timestamp: { sv: 'ska vara en tidpunkt med tidszon', en: 'must be a point in time with a time zone' },
  integer: { sv: 'ska vara ett heltal (bara siffror)', en: 'must be a whole number (digits only)' },
  nesting: { sv: 'är för djupt nästlat', en: 'is nested too deeply' },
};

const plural = (n: number, sv: [string, string], en: [string, string]) => ({ sv: n === 1 ? sv[0] : sv[1], en: n === 1 ? en[0] : en[1] });

/** What is wrong, without the field's name (`får inte vara tom`). */
export function describeIssue(issue: z.core.$ZodIssue, language: Language): string {
  const pick = (label: Label) => label[language];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return pick({ sv: 'saknas', en: 'is missing' });
      if (issue.expected === 'number') return pick({ sv: 'ska vara ett tal', en: 'must be a number' });
      return pick({ sv: 'har fel typ av värde', en: 'has the wrong kind of value' });
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return pick({ sv: 'är inte ett giltigt val', en: 'is not a valid choice' });
      if (issue.format === 'date') return pick(customReasons.date!);
      if (issue.format === 'email') return pick({ sv: 'ska vara en e-postadress', en: 'must be an e-mail address' });
      if (issue.format === 'url') return pick({ sv: 'ska vara en webbadress', en: 'must be a web address' });
      return pick({ sv: 'har fel format', en: 'has the wrong format' });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min <= 1) return pick({ sv: 'får inte vara tom', en: 'must not be empty' });
        const unit = plural(min, ['tecken', 'tecken'], ['character', 'characters']);
        return language === 'sv' ? `måste ha minst ${min} ${unit.sv}` : `must have at least ${min} ${unit.en}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return language === 'sv' ? `måste ha minst ${min} val` : `needs at least ${min} choice${min === 1 ? '' : 's'}`;
      return language === 'sv' ? `måste vara minst ${formatNumber(min, language)}` : `must be at least ${formatNumber(min, language)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string')
        return language === 'sv'
          ? `får ha högst ${formatNumber(max, language)} tecken`
          : `may have at most ${formatNumber(max, language)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return language === 'sv' ? `får ha högst ${max} val` : `may have at most ${max} choices`;
      return language === 'sv' ? `får vara högst ${formatNumber(max, language)}` : `may be at most ${formatNumber(max, language)}`;
    }
    case 'invalid_value':
    case 'invalid_union':
      return pick({ sv: 'har ett värde som inte finns bland valen', en: 'has a value that is not one of the choices' });
    case 'not_multiple_of':
      return pick({ sv: 'har fel steg', en: 'is not a valid step' });
    case 'unrecognized_keys':
      return pick({ sv: 'innehåller fält som inte finns i formuläret', en: 'contains fields the form does not have' });
    case 'custom': {
      const { reason, text } = (issue.params ?? {}) as { reason?: string; text?: Label };
      if (reason && customReasons[reason]) return pick(customReasons[reason]);
      // A module's own refinement in both languages: `params: { text: { sv, en } }`.
      if (text?.sv && text.en) return pick(text);
      // A module's own refinement: its message is Swedish and written for people.
      return language === 'sv' && issue.message ? issue.message : pick({ sv: 'är ogiltigt', en: 'is invalid' });
    }
    default:
      return pick({ sv: 'är ogiltigt', en: 'is invalid' });
  }
}

function formatNumber(value: number, language: Language): string {
  return numberFormat(language === 'sv' ? 'sv-SE' : 'en-GB').format(value);
}

/** The path of an issue as labels are keyed: numeric segments become `*`. */
export function labelKey(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'number' || /^\d+$/.test(String(segment)) ? '*' : String(segment))).join('.');
}

/**
 * The label of a field path, or null when none is declared. A label may hold `{n}`, the position of the path's first
 * array index (`places.*.lat`: «Latitud för plats {n}» → «Latitud för plats 2»).
 */
export function labelFor(labels: FieldLabels | undefined, path: readonly PropertyKey[], language: Language): string | null {
  if (!labels) return null;
  const exact = labels[labelKey(path)];
  const position = (segments: readonly PropertyKey[]) => {
    const index = segments.find((s) => typeof s === 'number' || /^\d+$/.test(String(s)));
    return index === undefined ? null : String(Number(index) + 1);
  };
  if (exact) return exact[language].replace('{n}', position(path) ?? '');
  // `places.*.lat` falls back to `places` with the position: «Plats 2».
  for (let end = path.length - 1; end > 0; end--) {
    const parent = labels[labelKey(path.slice(0, end))];
    if (parent) {
      if (parent[language].includes('{n}')) return parent[language].replace('{n}', position(path) ?? '');
      const index = position(path.slice(end));
      return index === null ? parent[language] : `${parent[language]} ${index}`;
    }
  }
  return null;
}

/** The whole message for one issue: «Anledning» får inte vara tom. */
export function fieldMessage(labels: FieldLabels | undefined, issue: z.core.$ZodIssue, language: Language): string {
  const label = labelFor(labels, issue.path, language);
  const what = describeIssue(issue, language);
  if (label) return language === 'sv' ? `${label}: ${what}.` : `${label}: ${what}.`;
  return language === 'sv' ? `Ett fält ${what}.` : `A field ${what}.`;
}

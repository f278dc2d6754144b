/**
 * Text that enters the platform: from a form, an API body, a query string or an imported document.
 * Refuses NUL and other control characters (PostgreSQL's text type cannot hold NUL, and a lone UTF-16
 * surrogate cannot be stored in jsonb), ill-formed UTF-16, and anything longer than its stated maximum.
 * Messages never repeat the value: it may be a personnummer or a note's text.
 */
import { z } from 'zod';

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The same plus tab and line breaks: for one-line fields (names, titles, search words). */
// eslint-disable-next-line no-control-regex -- as above
const lineBreaksOrControls = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (ill-formed UTF-16). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be accepted, or null when it can. */
export function textProblem(value: string, multiline = true): 'control' | 'encoding' | null {
  if (loneSurrogate.test(value)) return 'encoding';
  return (multiline ? controlCharacters : lineBreaksOrControls).test(value) ? 'control' : null;
}

export const textMessages = {
  control: 'innehåller otillåtna tecken (styrtecken)',
  encoding: 'innehåller ogiltiga tecken (felaktig teckenkodning)',
} as const;

interface TextOptions {
  /** Longest accepted length after trimming, in characters. Required: every free-text field has one. */
  max: number;
  /** Shortest accepted length after trimming (default 1: required text). 0 allows an empty string. */
  min?: number;
  /** Line breaks and tabs allowed (default false: one line). */
  multiline?: boolean;
}

/** A trimmed string that is well formed, has no control characters and is within its length bounds. */
export function safeText({ max, min = 1, multiline = false }: TextOptions) {
  return z
    .string()
    .superRefine((value, issue) => {
      const problem = textProblem(value, multiline);
      if (problem) issue.addIssue({ code: 'custom', message: textMessages[problem], params: { reason: problem } });
    })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(min, { error: min === 1 ? 'får inte vara tom' : `måste ha minst ${min} tecken` })
        .max(max, { error: `får ha högst ${max} tecken` }),
    );
}

/** One line of text (a name, a title, a search phrase). */
export const line = (max: number, min = 1) => safeText({ max, min });
/** Several lines of text (a note, a description, minutes). */
export const paragraph = (max: number, min = 1) => safeText({ max, min, multiline: true });
/** A one-line text that may be left empty (`''` after trimming). */
export const optionalLine = (max: number) => safeText({ max, min: 0 });
/** A multi-line text that may be left empty. */
export const optionalParagraph = (max: number) => safeText({ max, min: 0, multiline: true });
/** A secret (password): no trimming, no control characters, bounded. */
export const secret = (max: number) =>
  z
    .string()
    .min(1, { error: 'får inte vara tom' })
    .max(max, { error: `får ha högst ${max} tecken` })
    .refine((value) => textProblem(value) === null, { error: textMessages.control });

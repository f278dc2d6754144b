/**
 * The platform's shared input rules applied to every string of a document, before anything is
 * written: no NUL or other control characters and no ill-formed UTF-16 (PostgreSQL's text cannot
 * hold NUL, jsonb refuses a lone surrogate), and dates that exist within 1900–2100. Each problem
 * is a field error on its document; the reason names the rule, never the value.
 */
import { dateMessage, isCalendarDate } from '../../shared/input/dates.ts';
import { textMessages, textProblem } from '../../shared/input/text.ts';
import type { FieldIssue } from './validation-messages.ts';

/** Properties the SS 12000 spec declares `format: date` (a test keeps this equal to the spec). */
export const dateProperties: ReadonlySet<string> = new Set(['startDate', 'endDate', 'birthDate', 'registeredDate', 'issuedDate']);
/** Properties the spec declares `format: date-time`: their date part must be in range too. */
export const timestampProperties: ReadonlySet<string> = new Set([
  'startTime', 'endTime', 'reportedTimestamp', 'time', 'timeOfOccurance', 'created', 'modified', 'registeredAt', 'expires',
]);

const MAX_ISSUES = 20;

const reasons = {
  control: `${textMessages.control} (control characters are not allowed)`,
  encoding: `${textMessages.encoding} (ill-formed UTF-16)`,
  date: `${dateMessage} (not a calendar date within 1900–2100)`,
} as const;

/** A path segment as the report shows it: a property name the document chose is shown only when it is a plain identifier. */
const segment = (path: string, key: string) => (/^[A-Za-z_$][\w$-]{0,63}$/.test(key) ? (path ? `${path}.${key}` : key) : `${path || '$'}[?]`);

function dateProblem(key: string, value: string): boolean {
  if (dateProperties.has(key)) return /^\d{4}-\d{2}-\d{2}$/.test(value) && !isCalendarDate(value);
  // Only date-shaped values: the spec's format check reports anything else.
  if (timestampProperties.has(key)) return /^\d{4}-\d{2}-\d{2}T/.test(value) && !isCalendarDate(value.slice(0, 10));
  return false;
}

/** Text and date issues of one document, any shape (it may not be schema-valid yet). */
export function checkText(doc: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const visit = (value: unknown, path: string, key: string | null): void => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) issues.push({ field: path || '$', reason: reasons[problem] });
      else if (key !== null && dateProblem(key, value)) issues.push({ field: path, reason: reasons.date });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path || '$'}[${i}]`.replace(/^\$\[/, '['), null));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        const problem = textProblem(k);
        if (problem) {
          issues.push({ field: `${path || '$'}[?]`, reason: `fältnamnet ${reasons[problem]}` });
          continue;
        }
        visit(v, segment(path, k), k);
      }
    }
  };
  visit(doc, '', null);
  return issues;
}

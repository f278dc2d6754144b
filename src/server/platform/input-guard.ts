/**
 * A guard in front of every route's own schema: no string anywhere in the query, the path parameters or the
 * body may hold NUL or other control characters (line breaks and tabs excepted) or ill-formed UTF-16, and no
 * body nests deeper than a form ever would. Route schemas apply the same rules with a length per field
 * (src/shared/input/); this guard makes sure a route whose schema forgot one still never hands such a value
 * to the database, whose error would otherwise be the only answer.
 */
import type { FieldLabels } from '../../shared/contract/endpoint.ts';
import { labelFor, type Language } from '../../shared/contract/messages.ts';
import { textProblem } from '../../shared/input/index.ts';
import { HttpError } from './errors.ts';

const maxDepth = 32;

type Part = 'query' | 'params' | 'body';

type Reason = 'control' | 'encoding' | 'nesting' | 'key';

const reasons: Record<Reason, { sv: string; en: string }> = {
  control: { sv: 'innehåller otillåtna tecken (styrtecken)', en: 'contains characters that are not allowed (control characters)' },
  encoding: { sv: 'innehåller ogiltiga tecken (felaktig teckenkodning)', en: 'contains invalid characters (broken encoding)' },
  nesting: { sv: `är för djupt nästlat (högst ${32} nivåer)`, en: `is nested too deeply (at most ${32} levels)` },
  key: { sv: 'innehåller ett fältnamn med otillåtna tecken', en: 'contains a field name with characters that are not allowed' },
};

/** The first problem in `value` as a field path and reason, or null. */
export function findHostileInput(value: unknown, part: Part): { field: string; path: string[]; reason: Reason } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    const field = path.length ? path.join('.') : part;
    if (path.length > maxDepth) return { field, path, reason: 'nesting' };
    if (typeof current === 'string') {
      const problem = textProblem(current, true);
      if (problem) return { field, path, reason: problem };
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, String(index)] }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        // A key is shown as the field name, so a hostile key is reported by its position, never by itself.
        if (textProblem(key, false)) return { field: path.length ? path.join('.') : part, path, reason: 'key' };
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * Throws a 400 naming the parameter when the raw query string holds a percent-escape that is not UTF-8 (Fastify's
 * parser keeps such a value undecoded, so it would reach a route as literal text such as `%ED%A0%80`).
 */
export function refuseMalformedQuery(url: string): void {
  const start = url.indexOf('?');
  if (start < 0) return;
  for (const pair of url.slice(start + 1).split('&')) {
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const decode = (text: string) => {
      try {
        decodeURIComponent(text.replace(/\+/g, ' '));
        return true;
      } catch {
        return false;
      }
    };
    if (decode(rawKey) && decode(rawValue)) continue;
    const key = decode(rawKey) ? decodeURIComponent(rawKey) : '';
    const field = /^[A-Za-z][A-Za-z0-9_.-]{0,60}$/.test(key) ? key : 'query';
    const message = `Fältet '${field}' innehåller ogiltiga tecken (felaktig teckenkodning).`;
    throw new HttpError(400, message, { fields: [{ field, message }] });
  }
}

/**
 * Throws a 400 naming the field when `value` holds a string the platform never accepts: by its label, in the
 * request's language, on a route with labels (a shared contract); by its key on a route not yet moved.
 */
export function refuseHostileInput(value: unknown, part: Part, options: { labels?: FieldLabels; language?: Language } = {}): void {
  const found = findHostileInput(value, part);
  if (!found) return;
  const language = options.language ?? 'sv';
  let message: string;
  if (options.labels) {
    const label = labelFor(options.labels, found.path, language) ?? (language === 'sv' ? 'Ett fält' : 'A field');
    message = `${label}: ${reasons[found.reason][language]}.`;
  } else {
    message = `Fältet '${found.field}' ${reasons[found.reason].sv}.`;
  }
  throw new HttpError(400, message, { fields: [{ field: found.field, message }] });
}

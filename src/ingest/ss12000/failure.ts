/**
 * What the importer may say about an error: a plain reason without values. A database error is
 * reduced to its kind and SQLSTATE — Drizzle's message carries the query's bound parameters,
 * i.e. a page of people's civic numbers and addresses, and must never be printed, logged or stored.
 */
import { Ss12000HttpError } from './http-client.ts';

/** An error whose message the importer wrote itself and which carries no document value. */
export class Ss12000SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Ss12000SourceError';
  }
}

/** Thrown by the importer in place of an error whose own message may not be shown (e.g. a database error). */
export class ImportFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailedError';
  }
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The SQLSTATE of `err` or of an error in its cause chain (Drizzle wraps the driver's error). */
export function sqlStateOf(err: unknown): string | null {
  let current = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** SQLSTATE classes that mean the database could not run the statement, not that the data is bad. */
const TRANSIENT = ['08', '40', '53', '57', '58'];

/** True when the database refused the data itself (a value it cannot store), so that a retry per document makes sense. */
export function isDataRejection(err: unknown): boolean {
  const code = sqlStateOf(err);
  return code !== null && !TRANSIENT.includes(code.slice(0, 2));
}

const kindByClass: Record<string, string> = {
  '08': 'förbindelsen med databasen bröts (connection lost)',
  '22': 'ett värde kunde inte lagras (value cannot be stored)',
  '23': 'en regel i databasen bröts (constraint violated)',
  '40': 'transaktionen avbröts av databasen (transaction rolled back)',
  '42': 'en databasfråga är felaktig, ett programfel (query error)',
  '53': 'databasen saknar resurser, t.ex. diskutrymme (insufficient resources)',
  '54': 'ett värde är för stort för databasen (limit exceeded)',
  '57': 'databasen avbröt frågan eller stängdes (operator intervention)',
};

/** The database's verdict in words: its kind and SQLSTATE, never its message. */
export function databaseReason(code: string): string {
  const kind = kindByClass[code.slice(0, 2)] ?? 'databasen avvisade frågan (database error)';
  return `databasfel: ${kind}, SQLSTATE ${code}`;
}

/** True when `err` came from a query: Drizzle's wrapper (its message lists the bound values) or a driver error. */
function isQueryError(err: unknown): boolean {
  let current = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('params' in current || (current as Error).name === 'DrizzleQueryError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return sqlStateOf(err) !== null;
}

const isOwn = (err: unknown): err is Error =>
  err instanceof Ss12000HttpError || err instanceof Ss12000SourceError || err instanceof ImportFailedError;

/** A plain reason for any error, safe to print, log and store: own messages kept, everything else reduced to its kind. */
export function failureReason(err: unknown): string {
  if (isOwn(err)) return err.message;
  const code = sqlStateOf(err);
  if (code) return databaseReason(code);
  if (isQueryError(err)) return 'databasfel (database error)';
  const name = err instanceof Error ? err.name : typeof err;
  if (name === 'AbortError' || name === 'TimeoutError') return 'importen avbröts (aborted)';
  const errno = (err as { code?: unknown } | null)?.code;
  const system = typeof errno === 'string' && /^E[A-Z_]{1,40}$/.test(errno) ? `, ${errno}` : '';
  return `oväntat fel i importen (unexpected error: ${/^\w{1,40}$/.test(name) ? name : 'okänt'}${system})`;
}

/** The message of `safeError(err)`: for a CLI or log line. */
export const safeMessage = (err: unknown): string => safeError(err).message;

/** `err` itself when its message may be shown, otherwise an ImportFailedError with its reason (and no cause). */
export function safeError(err: unknown): Error {
  if (isOwn(err)) return err;
  if (isQueryError(err) || !(err instanceof Error)) return new ImportFailedError(failureReason(err));
  return err;
}

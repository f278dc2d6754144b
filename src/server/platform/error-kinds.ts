/**
 * What an error may say about itself in a log line or to a client: its kind, its code and, for database errors,
 * the query's shape — never a message, bound values, a detail line or a stack that could carry personal data.
 * PostgreSQL and PGlite both put the SQLSTATE in `code`; Drizzle wraps them in a DrizzleQueryError with
 * `query` (placeholders only) and `params` (the values, which must never leave).
 */

/** A database error's SQLSTATE and the names PostgreSQL attaches (constraint, table, column) — no values. */
export interface DatabaseFault {
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The SQL text with string literals blanked; bound values are never part of it. */
  queryShape?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const sqlStatePattern = /^[0-9A-Z]{5}$/;

/** The database fault behind `error` (itself or its cause chain), or null when it is no database error. */
export function databaseFault(error: unknown): DatabaseFault | null {
  let query: string | undefined;
  for (let current: unknown = error, depth = 0; isRecord(current) && depth < 5; current = current.cause, depth += 1) {
    if (typeof current.query === 'string') query ??= current.query;
    const code = current.code;
    if (typeof code === 'string' && sqlStatePattern.test(code)) {
      const pick = (key: string) => (typeof current[key] === 'string' ? (current[key] as string) : undefined);
      return {
        sqlState: code,
        constraint: pick('constraint'),
        table: pick('table'),
        column: pick('column'),
        queryShape: query === undefined ? undefined : shapeOfQuery(query),
      };
    }
  }
  return null;
}

/** The SQL text with quoted literals and numbers blanked, truncated: enough to find the query, nothing of its data. */
export function shapeOfQuery(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/\b\d+(\.\d+)?\b/g, '0')
    .slice(0, 1000);
}

/** A log-safe description of any error: its class name, code and database fault; no message, no stack. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!isRecord(error)) return { type: typeof error };
  const code = typeof error.code === 'string' ? error.code : undefined;
  const type = error instanceof Error ? error.constructor.name : 'object';
  const fault = databaseFault(error);
  const statusCode = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  // A response-contract error lists the paths that disagreed (no values): the one message that is safe to keep.
  const paths = Array.isArray(error.paths) ? { paths: (error.paths as unknown[]).map(String) } : {};
  return { type, ...(code ? { code } : {}), ...(statusCode ? { statusCode } : {}), ...(fault ? { database: fault } : {}), ...paths };
}

/**
 * What the CLI may print about an error that ended a command. A database error's message and parameters can
 * carry a personnummer or an address (an import's rows), so it is reduced to its SQLSTATE; our own errors
 * (a missing folder, a bad option) are written for the user and printed as they are.
 */
import { databaseFault } from '../server/platform/error-kinds.ts';

/** A message for stderr (and `--json`) that carries no values from the data. */
export function cliErrorMessage(error: unknown): string {
  const fault = databaseFault(error);
  if (fault) {
    const where = fault.table ? ` (tabell ${fault.table})` : '';
    return `databasen avvisade en åtgärd: felkod ${fault.sqlState}${where}. Inga värden visas; se loggen för frågans form.`;
  }
  if (error instanceof Error) {
    // A wrapped query error that lost its code still says "Failed query" and lists its parameters.
    if (/failed query|params:/i.test(error.message)) return 'databasen avvisade en åtgärd. Inga värden visas.';
    return error.message;
  }
  return String(error);
}

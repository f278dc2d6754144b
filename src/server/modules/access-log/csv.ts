/**
 * The access log as CSV for Excel with Swedish settings: a BOM and semicolons (å, ä and ö intact, columns split),
 * CRLF line ends, Swedish headings, names and labels; a cell that a spreadsheet would run as a formula is
 * neutralised as the knowledge bank's export does.
 */
import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../knowledge-bank/exports.ts';
import { csvHeader, csvRecord, type RowNames } from './present.ts';
import type { AccessLogRow } from './queries.ts';

/** The rows as CSV text; `total` above the rows' count adds a last line saying the selection was cut. */
export function accessLogCsv(rows: readonly AccessLogRow[], names: RowNames, total: number): string {
  const records = [csvHeader, ...rows.map((r) => csvRecord(r, names).map(csvCell))];
  if (total > rows.length) records.push([`Urvalet har ${total} rader; exporten visar de ${rows.length} senaste.`]);
  return `\ufeff${stringify(records, { delimiter: ';', record_delimiter: 'windows' })}`;
}

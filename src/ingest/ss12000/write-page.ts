/**
 * Writes one page of valid documents inside the page's transaction: one multi-row upsert for
 * the parent table, then the child collections of the rows actually written are replaced.
 */
import type { DbOrTx } from '../../server/db/client.ts';
import { deleteWhereIn, insertChildRows, upsertRows, type Row, type UpsertOptions } from './bulk-upsert.ts';
import type { DocumentByEndpoint, Endpoint } from './documents.ts';
import type { EndpointWriter, RowContext } from './writer-types.ts';
import { aggregatedAttendanceWriter, attendanceWriter, certificateWriter, gradeWriter } from './writers-results.ts';
import { organisationWriter, programmeWriter, syllabusWriter } from './writers-structure.ts';
import { personWriter } from './writers-people.ts';
import { activityWriter, calendarEventWriter, dutyWriter, groupWriter } from './writers-teaching.ts';

/** The writer of each endpoint. */
export const writers: { [E in Endpoint]: EndpointWriter<DocumentByEndpoint[E]> } = {
  organisations: organisationWriter,
  programmes: programmeWriter,
  syllabuses: syllabusWriter,
  persons: personWriter,
  groups: groupWriter,
  duties: dutyWriter,
  activities: activityWriter,
  calendarEvents: calendarEventWriter,
  attendances: attendanceWriter,
  aggregatedAttendance: aggregatedAttendanceWriter,
  grades: gradeWriter,
  certificates: certificateWriter,
};

export interface PageWriteResult {
  /** Documents whose rows were inserted or changed. */
  upserted: number;
  /** Documents not written: older than, or identical to, the stored row. */
  unchanged: number;
  /** Valid documents Fullfölj has nothing to store for (a duty without a person). */
  ignored: number;
}

/** Writes `docs` (already validated) of `endpoint` for `tenantId`. */
export async function writePage<E extends Endpoint>(
  tx: DbOrTx,
  tenantId: string,
  endpoint: E,
  docs: DocumentByEndpoint[E][],
  ctx: RowContext,
  options: Pick<UpsertOptions, 'noneStored' | 'lookUp' | 'turn'> = {},
): Promise<PageWriteResult> {
  const writer = writers[endpoint] as EndpointWriter<DocumentByEndpoint[E]>;
  const rows: Row[] = [];
  const stored: DocumentByEndpoint[E][] = [];
  for (const doc of docs) {
    const row = writer.row(doc, ctx);
    if (row) {
      rows.push(row);
      stored.push(doc);
    }
  }
  const { written, keys } = await upsertRows(tx, tenantId, writer.upsert, rows, { ...options, withKeys: Boolean(writer.children) });
  if (writer.children && keys.length > 0) {
    const writtenIds = new Set(keys);
    const parents = stored.filter((d) => writtenIds.has((d as { id: string }).id));
    for (const child of writer.children) {
      await deleteWhereIn(tx, tenantId, child.table, child.parentColumn, keys);
      await insertChildRows(
        tx,
        tenantId,
        child.table,
        parents.flatMap((d) => child.rows(d)),
        child.computed?.(tenantId),
      );
    }
  }
  return { upserted: written, unchanged: rows.length - written, ignored: docs.length - rows.length };
}

/** How one endpoint's documents become rows: the parent table and its id-less child collections. */
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Row, UpsertSpec } from './bulk-upsert.ts';

export interface RowContext {
  /** When the run started: the source version of rows whose documents carry no meta (AggregatedAttendance). */
  runStartedAt: string;
}

/** A child collection without ids (e.g. Person.enrolments): replaced as a whole with its parent. */
export interface ChildWriter<D> {
  table: PgTable;
  /** The column that holds the parent's id. */
  parentColumn: string;
  rows(doc: D): Row[];
  /** Columns computed in SQL, e.g. enrolments.programme_code from the programme. */
  computed?: (tenantId: string) => Record<string, SQL>;
}

export interface EndpointWriter<D> {
  upsert: UpsertSpec;
  /** The row for the parent table; null when the document cannot be stored and is ignored (e.g. a vacant duty). */
  row(doc: D, ctx: RowContext): Row | null;
  children?: ChildWriter<D>[];
}

/** meta.modified, which every document with an id carries (checked before mapping). */
export const modified = (doc: { meta?: { modified: string } }): string => doc.meta?.modified ?? '';

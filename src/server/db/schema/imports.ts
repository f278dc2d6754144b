/** Import runs: their checkpoints (for resuming after a crash) and their per-row errors. */
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.ts';

export interface ImportCheckpoint {
  /** Source-specific position: for files, the file name and the index of the next document; for an API, its pageToken. */
  [entity: string]: { done: boolean; position?: string | number; pageToken?: string | null; count?: number };
}

export const importRuns = pgTable(
  'import_runs',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    /** e.g. 'files:/path/to/dir' or 'api:https://…' (never with a token). */
    source: text('source').notNull(),
    status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
    checkpoint: jsonb('checkpoint').$type<ImportCheckpoint>().notNull().default({}),
    /** For incremental API runs: the meta.modified.after used, and the time this run started. */
    modifiedAfter: timestamp('modified_after', { withTimezone: true, mode: 'string' }),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    counts: jsonb('counts').$type<Record<string, { upserted: number; deleted: number; rejected: number }>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** One rejected document: which, which field, why. Never the field's value (it may be a personnummer). */
export const importErrors = pgTable(
  'import_errors',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    runId: uuid('run_id').notNull(),
    entity: text('entity').notNull(),
    documentId: text('document_id'),
    /** Position in the source: file name and index, or page number and index. */
    location: text('location').notNull(),
    field: text('field').notNull(),
    reason: text('reason').notNull(),
    rowNumber: integer('row_number'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_errors_run_idx').on(t.tenantId, t.runId)],
);

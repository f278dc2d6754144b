/**
 * The nightly jobs' own records: `job_runs`, one row per run of a job (start, end, outcome, counts — never contents),
 * so an administrator sees the last run of each job; and `retention_rules`, how long an organiser keeps each kind of
 * personal data (src/server/modules/retention/, docs/retention.md).
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, updatedAt } from './columns.ts';

export const jobOutcomes = ['running', 'succeeded', 'failed'] as const;

/**
 * One run of a nightly job. Tenant-free: a run spans every organiser, and the row holds no personal data — counts
 * keyed by rule and organiser id, and on failure the error's kind (never its message, which may carry values).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The CLI command that ran, e.g. 'retention', 'early-warning refresh'. */
    job: text('job').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    outcome: text('outcome', { enum: jobOutcomes }).notNull().default('running'),
    /** What the run did, as counts (e.g. rows deleted per rule and organiser). */
    counts: jsonb('counts').$type<Record<string, unknown>>().notNull().default({}),
    /** On failure: the error's kind or SQLSTATE, never its message. */
    errorKind: text('error_kind'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);

/**
 * An organiser's retention rule (src/shared/retention/rules.ts names the rules): keep rows this many units (years or
 * days, as the rule says) after the rule's starting point; null keeps them. No row: the rule's documented default.
 */
export const retentionRules = pgTable(
  'retention_rules',
  {
    tenantId: tenantId(),
    rule: text('rule').notNull(),
    keep: integer('keep'),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.rule] })],
);

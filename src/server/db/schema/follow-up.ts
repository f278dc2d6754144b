/**
 * Follow-up (docs/follow-up.md): the organiser's completion goals, and the national comparison fetched from Kolada —
 * public reference data (SCB's figures per municipality), tenant-free, with a record of every fetch so an offline
 * installation shows the last one and its date.
 */
import { bigserial, char, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { completionOutcomes } from '../../../shared/follow-up/vocabulary.ts';
import { tenantId } from './columns.ts';

/** A completion goal: the share not completing by the target year, on a straight path from a baseline. */
export const followUpGoals = pgTable(
  'follow_up_goals',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    outcome: text('outcome', { enum: completionOutcomes }).notNull(),
    /** 3, 4 or 5 years from the first start. */
    years: integer('years').notNull(),
    /** The year the baseline cohort's completion was measured (its start year + years). */
    baselineYear: integer('baseline_year').notNull(),
    /** The share not completing at the baseline (0–1); null: taken from the organiser's own figures. */
    baselineShare: doublePrecision('baseline_share'),
    targetYear: integer('target_year').notNull(),
    /** The share not completing the goal allows at most (0–1). */
    targetShare: doublePrecision('target_share').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * A region's completion goal (the region coordinator's, docs/follow-up.md): the same shape as an organiser's, measured
 * on the region's municipalities' organisers summed. Keyed by region, tenant-free like the region's reports: a goal is
 * no personal data.
 */
export const followUpRegionGoals = pgTable(
  'follow_up_region_goals',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    outcome: text('outcome', { enum: completionOutcomes }).notNull(),
    years: integer('years').notNull(),
    baselineYear: integer('baseline_year').notNull(),
    baselineShare: doublePrecision('baseline_share'),
    targetYear: integer('target_year').notNull(),
    targetShare: doublePrecision('target_share').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

/** One Kolada value: a key figure for a municipality ('0000' is Riket) and year, for all ('T'), women ('K') or men ('M'). */
export const koladaValues = pgTable(
  'kolada_values',
  {
    kpi: text('kpi').notNull(),
    municipality: char('municipality', { length: 4 }).notNull(),
    period: integer('period').notNull(),
    gender: char('gender', { length: 1 }).notNull(),
    /** Per cent as Kolada gives it; null when Kolada has no value. */
    value: doublePrecision('value'),
    count: integer('count'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kpi, t.municipality, t.period, t.gender] })],
);

/** Every Kolada fetch: when, how it ended, and what it stored or why it stopped. */
export const koladaFetches = pgTable('kolada_fetches', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }).notNull(),
  outcome: text('outcome', { enum: ['ok', 'failed'] }).notNull(),
  /** Where the figures came from: the API's origin, or the shipped offline reference. */
  source: text('source').notNull(),
  values: integer('values').notNull().default(0),
  message: text('message'),
});

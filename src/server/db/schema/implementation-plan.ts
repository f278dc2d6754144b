/**
 * The implementation plan (docs/region-network.md): an organiser's self-assessment against the framework's items
 * (src/shared/implementation-plan/framework.ts) and the actions it plans, with owners, dates and progress.
 */
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actionStatuses } from '../../../shared/implementation-plan/framework.ts';
import { tenantId, updatedAt } from './columns.ts';

/** The organiser's answer to one framework item: a level 0–3 and a comment. */
export const implementationPlanAnswers = pgTable(
  'implementation_plan_answers',
  {
    tenantId: tenantId(),
    itemKey: text('item_key').notNull(),
    /** 0 not started, 1 begun, 2 largely in place, 3 in place and followed up. */
    level: integer('level').notNull(),
    comment: text('comment').notNull().default(''),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.itemKey] })],
);

/** A planned action for a framework item: who owns it (a function or a name), by when, and how far it has come. */
export const implementationPlanActions = pgTable(
  'implementation_plan_actions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    itemKey: text('item_key').notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

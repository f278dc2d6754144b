/**
 * The challenges map (docs/region-network.md): the challenges an organiser's staff see, by focus area, sub-challenge,
 * age group and school form, with a short description and no personal data. Recorded under the organiser (tenant),
 * moderated like the knowledge bank: shown publicly on the map only when an editor has published it.
 */
import { char, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ageGroups, challengeStatuses, focusAreas, schoolForms } from '../../../shared/challenges/vocabulary.ts';
import { tenantId, updatedAt } from './columns.ts';

export const challenges = pgTable(
  'challenges',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    focusArea: text('focus_area', { enum: focusAreas }).notNull(),
    subChallenge: text('sub_challenge').notNull(),
    ageGroup: text('age_group', { enum: ageGroups }).notNull(),
    schoolForm: text('school_form', { enum: schoolForms }).notNull(),
    description: text('description').notNull(),
    /** The municipality it is seen in (SCB code; the organiser's own by default). */
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
    status: text('status', { enum: challengeStatuses }).notNull().default('pending'),
    /** The account that recorded it. */
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    /** Why an editor rejected it (the submitter sees it). */
    rejectionReason: text('rejection_reason'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('challenges_status_focus').on(t.status, t.focusArea)],
);

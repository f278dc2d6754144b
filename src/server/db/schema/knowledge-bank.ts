/**
 * The knowledge bank (kunskapsbank): local examples (an initiative in one or more municipalities or schools) and
 * methods (a way of working with its evidence) in one table, linked to each other; the interventions module chooses
 * its methods from the same records (kind 'method'). Public, regional reference data: tenant-free, like
 * municipalities. Submissions and edits are proposals (`knowledge_revisions`) that an editor approves or rejects; every
 * revision and comment is kept, so a record's history is its approved revisions.
 */
import { sql, type SQL } from 'drizzle-orm';
import { char, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.ts';
import {
  activityStatuses,
  ageGroups,
  focusAreas,
  preventionLevels,
  recordKinds,
  recordStatuses,
  revisionStatuses,
  workLevels,
} from '../../../shared/knowledge-bank/vocabulary.ts';

/** The vocabularies live in src/shared/knowledge-bank (the web app and the contract use them too). */
export { activityStatuses, ageGroups, focusAreas, preventionLevels, recordKinds, recordStatuses, workLevels };

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The Swedish full-text document of a record: title and summary weigh more than the description. */
const searchDocument: SQL = sql`
  setweight(to_tsvector('swedish', coalesce(name_sv, '')), 'A') ||
  setweight(to_tsvector('swedish', coalesce(summary_sv, '')), 'B') ||
  setweight(to_tsvector('swedish', coalesce(description_sv, '') || ' ' || coalesce(organisation, '') || ' ' || coalesce(target_group, '')), 'C')`;

export interface Place {
  name: string;
  lat: number;
  lon: number;
}
export interface Evidence {
  rating: string;
  source: string;
  url?: string;
  tier?: string;
}
export interface Source {
  title: string;
  url: string;
}
export interface Contact {
  name?: string;
  organisation?: string;
  email?: string;
  phone?: string;
  url?: string;
}

export const knowledgeRecords = pgTable(
  'knowledge_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: recordKinds }).notNull(),
    /** Stable name in URLs, code and seeds, e.g. 'check-and-connect'. */
    slug: text('slug').notNull().unique(),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en').notNull().default(''),
    summarySv: text('summary_sv').notNull(),
    summaryEn: text('summary_en').notNull().default(''),
    /** Markdown, rendered without raw HTML. */
    descriptionSv: text('description_sv').notNull().default(''),
    /** SCB municipality codes. */
    municipalityCodes: char('municipality_codes', { length: 4 })
      .array()
      .notNull()
      .default(sql`'{}'::char(4)[]`),
    places: jsonb('places').$type<Place[]>().notNull().default([]),
    organisation: text('organisation'),
    focusAreas: text('focus_areas', { enum: focusAreas })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subChallenges: text('sub_challenges')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ageGroups: text('age_groups', { enum: ageGroups })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    targetGroup: text('target_group'),
    preventionLevel: text('prevention_level', { enum: preventionLevels }),
    /** The levels of student-health work a method serves (interventions). */
    levels: text('levels', { enum: workLevels })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    plugInFactors: text('plug_in_factors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    activityStatus: text('activity_status', { enum: activityStatuses }),
    /** SEK per participant, when known. */
    costPerParticipant: integer('cost_per_participant'),
    outcomesMeasured: text('outcomes_measured'),
    evidence: jsonb('evidence').$type<Evidence | null>(),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    contact: jsonb('contact').$type<Contact | null>(),
    lastReviewedOn: date('last_reviewed_on', { mode: 'string' }),
    status: text('status', { enum: recordStatuses }).notNull().default('published'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    /** The account that first submitted it; null for seeded records. */
    submittedBy: uuid('submitted_by'),
    search: tsvector('search').generatedAlwaysAs(searchDocument),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [index('knowledge_records_search_idx').using('gin', t.search), index('knowledge_records_kind_status_idx').on(t.kind, t.status)],
);

/** Examples ↔ the methods they use. */
export const knowledgeLinks = pgTable(
  'knowledge_links',
  {
    exampleId: uuid('example_id').notNull(),
    methodId: uuid('method_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exampleId, t.methodId] })],
);

/**
 * A proposed new record or a proposed edit of one (`record_id`), with the whole proposed content; an editor approves
 * (applied to the record) or rejects it with a reason. Never deleted: the record's history.
 */
export const knowledgeRevisions = pgTable(
  'knowledge_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: revisionStatuses }).notNull().default('pending'),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    /** Why it was rejected (shown to the submitter). */
    decisionReason: text('decision_reason'),
  },
  (t) => [index('knowledge_revisions_status_idx').on(t.status, t.submittedAt), index('knowledge_revisions_record_idx').on(t.recordId)],
);

/** The review conversation on a revision. */
export const knowledgeComments = pgTable(
  'knowledge_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    revisionId: uuid('revision_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('knowledge_comments_revision_idx').on(t.revisionId, t.createdAt)],
);

/**
 * Regions and sub-regions (e.g. Västra Götaland and its knowledge node Skaraborg): reference data above the organisers,
 * tenant-free and without personal data. A region groups municipalities; an organiser belongs to a region through its
 * municipality code (an independent organiser through its seat). docs/region.md.
 */
import { char, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { municipalities } from './reference.ts';

/** A region or a sub-region (a knowledge node's area). */
export const regions = pgTable(
  'regions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The region's name in addresses and the CLI, lower-case letters, digits and hyphens (e.g. `skaraborg`). */
    slug: text('slug').notNull().unique(),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['region', 'sub-region'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => regions.id),
    /** SCB's two-digit county code (län), when the region lies within one county. */
    countyCode: char('county_code', { length: 2 }),
    /** Who may read the published monthly reports: anyone, or only signed-in members of the region. */
    reportsVisibility: text('reports_visibility', { enum: ['public', 'members'] })
      .notNull()
      .default('public'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);

/** The municipalities a region covers. */
export const regionMunicipalities = pgTable(
  'region_municipalities',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    municipalityCode: char('municipality_code', { length: 4 })
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.municipalityCode] }), index('region_municipalities_code_idx').on(t.municipalityCode)],
);

/**
 * A region's monthly steering report: the draft of a month (version null, regenerated from live data until it is
 * published) and its published versions (1, 2, …), each kept as it was published. `content` holds aggregates only,
 * already suppressed (src/server/modules/region/report/); `published_by` is the coordinator's account.
 */
export const regionReports = pgTable(
  'region_reports',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The month reported, `YYYY-MM`. */
    month: char('month', { length: 7 }).notNull(),
    /** Null: the month's draft; 1, 2, …: published versions. */
    version: integer('version'),
    content: jsonb('content').notNull(),
    commentarySv: text('commentary_sv').notNull().default(''),
    commentaryEn: text('commentary_en').notNull().default(''),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('region_reports_version').on(t.regionId, t.month, t.version).nullsNotDistinct(),
  ],
);

/**
 * Reference data: tenant-free tables shared by every organiser (on Citus: reference tables,
 * replicated to every node). No personal data lives here.
 */
import { boolean, char, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Sweden's 290 municipalities, keyed by SCB's four-digit code (first two digits: the county). */
export const municipalities = pgTable('municipalities', {
  code: char('code', { length: 4 }).primaryKey(),
  name: text('name').notNull(),
  countyCode: char('county_code', { length: 2 }).notNull(),
});

/**
 * Organisers (huvudmän): the tenants. `id` is the SS 12000 id of the organiser's Organisation
 * document of type Huvudman, and is the `tenant_id` of every row the organiser owns.
 */
export const organisers = pgTable('organisers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** Swedish organisation number, ten digits without separator (e.g. 2120001637 for a municipality). */
  organisationNumber: text('organisation_number').notNull().unique(),
  kind: text('kind', { enum: ['municipal', 'independent', 'region', 'state'] }).notNull(),
  /** The municipality a municipal organiser is; for independent organisers their seat. */
  municipalityCode: char('municipality_code', { length: 4 })
    .notNull()
    .references(() => municipalities.code),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * The network's events (docs/region-network.md): meetings, conferences, webinars and trainings of a region's knowledge
 * node, and their sign-ups. They belong to a region (region_id leads their keys, as tenant_id does elsewhere; an
 * event's region_id is a foreign key to `regions`, both outside any tenant); a sign-up holds the least needed (name,
 * organisation, e-mail, role), and the retention rule deletes its personal data a set time after the event, keeping
 * the organiser, role and attendance for the participation counts.
 */
import { sql } from 'drizzle-orm';
import { boolean, char, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { focusAreas } from '../../../shared/knowledge-bank/vocabulary.ts';
import { eventKinds, participantRoles } from '../../../shared/events/vocabulary.ts';
import { updatedAt } from './columns.ts';
import { regions } from './region.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const networkEvents = pgTable(
  'network_events',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    focusArea: text('focus_area', { enum: focusAreas }),
    audience: text('audience').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    place: text('place'),
    link: text('link'),
    recordingUrl: text('recording_url'),
    capacity: integer('capacity'),
    signupDeadline: at('signup_deadline'),
    /** Counts up on every change (iCalendar SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    cancelled: boolean('cancelled').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('network_events_starts').on(t.startsAt)],
);

export const eventSignups = pgTable(
  'event_signups',
  {
    regionId: uuid('region_id').notNull(),
    id: uuid('id').notNull(),
    eventId: uuid('event_id').notNull(),
    /** Null once the retention rule has deleted the personal data. */
    name: text('name'),
    email: text('email'),
    organisation: text('organisation'),
    /** The organiser the participant comes from, when one of the platform's (for the counts). */
    organiserId: uuid('organiser_id'),
    municipalityCode: char('municipality_code', { length: 4 }),
    role: text('role', { enum: participantRoles }).notNull(),
    /** Whether the participant came, marked by the coordinator after the event started; null: not marked. Kept by the retention rule. */
    attended: boolean('attended'),
    createdAt: at('created_at').notNull().defaultNow(),
    anonymisedAt: at('anonymised_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('event_signups_one_per_email')
      .on(t.regionId, t.eventId, t.email)
      .where(sql`${t.email} IS NOT NULL`),
    index('event_signups_event').on(t.regionId, t.eventId),
  ],
);

/**
 * The region's events and their sign-ups: the coordinator's commands (checked against the clock: nothing new in the
 * past, an end after the start, a deadline before the start, a place or a link), the public sign-up (deadline,
 * capacity and one sign-up per e-mail address, under a lock on the event so two last places cannot both be taken),
 * and the lists. Rows are keyed by region (docs/region-network.md).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { eventSignups, networkEvents, organisers } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { eventLabels, type EventInput, type NetworkEvent } from '../../../shared/events/contract.ts';
import type { ParticipantRole } from '../../../shared/events/vocabulary.ts';
import { FieldRefusal } from '../interventions/refusals.ts';
import { closed, duplicate, full } from './refusals.ts';

type EventRow = typeof networkEvents.$inferSelect;

const refuse = (field: string, sv: string, en: string) => new FieldRefusal(field, { sv, en }, eventLabels);
const blank = (v: string | undefined | null) => (v ? v : null);

/** The coordinator's input checked against the clock; `before` is the stored event when changing one. */
export function checkEvent(input: EventInput, now: Date, before?: EventRow): void {
  const start = Date.parse(input.startsAt);
  const end = Date.parse(input.endsAt);
  const startChanged = !before || Date.parse(before.startsAt) !== start;
  if (startChanged && start <= now.getTime()) throw refuse('startsAt', 'ligger redan i det förflutna', 'is already in the past');
  if (end <= start) throw refuse('endsAt', 'måste komma efter starten', 'must come after the start');
  if (input.signupDeadline && Date.parse(input.signupDeadline) > start)
    throw refuse('signupDeadline', 'måste vara före starten', 'must be before the start');
  if (!input.place && !input.link) throw refuse('place', 'ange en plats eller en länk till mötet', 'give a place or a link to the meeting');
}

const rowValues = (input: EventInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description,
  focusArea: input.focusArea,
  audience: input.audience,
  startsAt: new Date(input.startsAt).toISOString(),
  endsAt: new Date(input.endsAt).toISOString(),
  place: blank(input.place),
  link: blank(input.link),
  recordingUrl: blank(input.recordingUrl),
  capacity: input.capacity,
  signupDeadline: input.signupDeadline ? new Date(input.signupDeadline).toISOString() : null,
  cancelled: input.cancelled ?? false,
});

/** Creates an event in the region. */
export async function createEvent(db: DbOrTx, regionId: string, input: EventInput, by: string, now: Date): Promise<string> {
  checkEvent(input, now);
  const id = randomUUID();
  await db
    .insert(networkEvents)
    .values({ regionId, id, ...rowValues(input), createdBy: by, createdAt: now.toISOString(), updatedAt: now.toISOString() });
  return id;
}

/** Changes an event of the region (the recording afterwards, a new time, a cancellation); 404 for another region's. */
export async function updateEvent(db: DbOrTx, regionId: string, id: string, input: EventInput, now: Date): Promise<void> {
  const where = and(eq(networkEvents.regionId, regionId), eq(networkEvents.id, id));
  const [before] = await db.select().from(networkEvents).where(where).for('update');
  if (!before) throw notFound();
  checkEvent(input, now, before);
  await db
    .update(networkEvents)
    .set({ ...rowValues(input), sequence: before.sequence + 1, updatedAt: now.toISOString() })
    .where(where);
}

/** Events with their number of sign-ups; `regionId` null: every region's. */
export async function listEvents(db: DbOrTx, regionId: string | null, id?: string): Promise<NetworkEvent[]> {
  const rows = await queryRows<EventRow & { signups: number }>(
    db,
    sql`SELECT e.id, e.kind, e.title, e.description, e.focus_area AS "focusArea", e.audience,
               e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.place, e.link, e.recording_url AS "recordingUrl",
               e.capacity, e.signup_deadline AS "signupDeadline", e.cancelled, e.sequence, e.updated_at AS "updatedAt",
               (SELECT count(*)::int FROM event_signups s WHERE s.region_id = e.region_id AND s.event_id = e.id) AS signups
          FROM network_events e
         WHERE (${regionId}::uuid IS NULL OR e.region_id = ${regionId}::uuid) AND (${id ?? null}::uuid IS NULL OR e.id = ${id ?? null}::uuid)
         ORDER BY e.starts_at, e.id`,
  );
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    focusArea: r.focusArea,
    audience: r.audience,
    startsAt: iso(r.startsAt)!,
    endsAt: iso(r.endsAt)!,
    place: r.place,
    link: r.link,
    recordingUrl: r.recordingUrl,
    capacity: r.capacity,
    signupDeadline: iso(r.signupDeadline),
    cancelled: r.cancelled,
    signups: r.signups,
  }));
}

/** One event by id (any region), or null. */
export async function findEvent(db: DbOrTx, id: string): Promise<(NetworkEvent & { sequence: number; updatedAt: string }) | null> {
  const [event] = await listEvents(db, null, id);
  if (!event) return null;
  const [row] = await db
    .select({ sequence: networkEvents.sequence, updatedAt: networkEvents.updatedAt })
    .from(networkEvents)
    .where(eq(networkEvents.id, id));
  return { ...event, sequence: row?.sequence ?? 0, updatedAt: new Date(row?.updatedAt ?? event.startsAt).toISOString() };
}

export interface SignupInput {
  name: string;
  organisation: string;
  email: string;
  role: ParticipantRole;
}

/** Signs a visitor up; refusals say what to do (closed, full, already signed up). */
export async function signUp(db: DbOrTx, eventId: string, input: SignupInput, now: Date): Promise<EventRow> {
  const [event] = await db.select().from(networkEvents).where(eq(networkEvents.id, eventId)).for('update');
  if (!event || event.cancelled) throw notFound();
  const closes = Date.parse(event.signupDeadline ?? event.startsAt);
  if (now.getTime() > closes) throw closed();
  const email = input.email.trim().toLowerCase();
  const [taken] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventSignups)
    .where(and(eq(eventSignups.regionId, event.regionId), eq(eventSignups.eventId, eventId)));
  const [same] = await db
    .select({ id: eventSignups.id })
    .from(eventSignups)
    .where(and(eq(eventSignups.regionId, event.regionId), eq(eventSignups.eventId, eventId), eq(eventSignups.email, email)));
  if (same) throw duplicate();
  if (event.capacity !== null && (taken?.n ?? 0) >= event.capacity) throw full();
  const [organiser] = await db
    .select({ id: organisers.id, code: organisers.municipalityCode })
    .from(organisers)
    .where(sql`lower(${organisers.name}) = lower(${input.organisation})`)
    .limit(1);
  await db.insert(eventSignups).values({
    regionId: event.regionId,
    id: randomUUID(),
    eventId,
    name: input.name,
    email,
    organisation: input.organisation,
    organiserId: organiser?.id ?? null,
    municipalityCode: organiser?.code ?? null,
    role: input.role,
    createdAt: now.toISOString(),
  });
  return event;
}

/** The sign-ups of one of the region's events (the coordinator's list, with attendance) and the event's times. */
export async function signupsOf(db: DbOrTx, regionId: string, eventId: string) {
  const [event] = await db
    .select({ startsAt: networkEvents.startsAt, cancelled: networkEvents.cancelled })
    .from(networkEvents)
    .where(and(eq(networkEvents.regionId, regionId), eq(networkEvents.id, eventId)));
  if (!event) throw notFound();
  const items = await db
    .select({
      id: eventSignups.id,
      name: eventSignups.name,
      organisation: eventSignups.organisation,
      email: eventSignups.email,
      role: eventSignups.role,
      attended: eventSignups.attended,
    })
    .from(eventSignups)
    .where(and(eq(eventSignups.regionId, regionId), eq(eventSignups.eventId, eventId)))
    .orderBy(asc(eventSignups.createdAt), asc(eventSignups.id));
  return { event, items };
}

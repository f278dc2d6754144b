/**
 * Attendance marked after an event (docs/region-network.md): once an event has started, the region's coordinator marks
 * each sign-up as present or not. Refused, naming the field, before the start, for a cancelled event and for a sign-up
 * that is not the event's; another region's event is 404. The mark stays when the retention rule deletes the
 * sign-up's name and e-mail, so the participation counts keep who came.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eventSignups, networkEvents } from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import { eventLabels, type AttendanceInput } from '../../../shared/events/contract.ts';
import { FieldRefusal } from '../interventions/refusals.ts';

type EventTimes = { startsAt: string; cancelled: boolean };

/** Whether attendance may be marked at `now`: the event has started and is not cancelled. */
export const canMarkAttendance = (event: EventTimes, now: Date): boolean => !event.cancelled && Date.parse(event.startsAt) <= now.getTime();

const refuse = (field: string, sv: string, en: string) => new FieldRefusal(field, { sv, en }, eventLabels);

/** Marks the sign-ups of one of the region's events; returns how many were marked, attended, and the event's sign-ups. */
export async function markAttendance(
  db: DbOrTx,
  regionId: string,
  eventId: string,
  input: AttendanceInput,
  now: Date,
): Promise<{ marked: number; attended: number; signups: number }> {
  const [event] = await db
    .select({ startsAt: networkEvents.startsAt, cancelled: networkEvents.cancelled })
    .from(networkEvents)
    .where(and(eq(networkEvents.regionId, regionId), eq(networkEvents.id, eventId)))
    .for('update');
  if (!event) throw notFound();
  if (event.cancelled)
    throw refuse('marks', 'evenemanget är inställt, så ingen närvaro markeras', 'the event is cancelled, so no attendance is marked');
  if (!canMarkAttendance(event, now))
    throw refuse('marks', 'kan markeras först när evenemanget har börjat', 'can be marked only once the event has started');
  const own = new Set(
    (
      await db
        .select({ id: eventSignups.id })
        .from(eventSignups)
        .where(and(eq(eventSignups.regionId, regionId), eq(eventSignups.eventId, eventId)))
    ).map((r) => r.id),
  );
  const bad = input.marks.findIndex((m) => !own.has(m.signup));
  if (bad >= 0)
    throw refuse(`marks.${bad}.signup`, 'hör inte till det här evenemangets anmälningar', 'is not one of this event’s sign-ups');
  // The last mark of a sign-up named twice wins.
  const marks = new Map(input.marks.map((m) => [m.signup, m.attended]));
  for (const attended of [true, false]) {
    const ids = [...marks].filter(([, a]) => a === attended).map(([id]) => id);
    if (ids.length)
      await db
        .update(eventSignups)
        .set({ attended })
        .where(and(eq(eventSignups.regionId, regionId), eq(eventSignups.eventId, eventId), inArray(eventSignups.id, ids)));
  }
  const [counts] = await db
    .select({ attended: sql<number>`count(*) FILTER (WHERE ${eventSignups.attended})::int`, signups: sql<number>`count(*)::int` })
    .from(eventSignups)
    .where(and(eq(eventSignups.regionId, regionId), eq(eventSignups.eventId, eventId)));
  return { marked: marks.size, attended: counts?.attended ?? 0, signups: counts?.signups ?? 0 };
}

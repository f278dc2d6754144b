/**
 * The network's events (docs/region-network.md): the region coordinator plans meetings, conferences, webinars and
 * trainings and adds the recording afterwards; a visitor signs up on the public page with the least data needed.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { line, optionalLine, optionalParagraph, timestamp } from '../input/index.ts';
import { focusAreas } from '../knowledge-bank/vocabulary.ts';
import { eventKinds, participantRoles } from './vocabulary.ts';

/** An http(s) address, bounded. */
const url = () => line(500).refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { error: 'ska vara en webbadress som börjar med https://' });
const optionalUrl = () => z.union([z.literal(''), url()]).optional();

export const eventBody = z.strictObject({
  kind: z.enum(eventKinds),
  title: line(200),
  description: optionalParagraph(4000),
  focusArea: z.enum(focusAreas).nullable(),
  audience: line(300),
  startsAt: timestamp(),
  endsAt: timestamp(),
  place: optionalLine(300),
  link: optionalUrl(),
  recordingUrl: optionalUrl(),
  capacity: z.number().int().min(1).max(100_000).nullable(),
  signupDeadline: timestamp().nullable(),
  cancelled: z.boolean().optional(),
});
export type EventInput = z.output<typeof eventBody>;

export const networkEvent = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  focusArea: z.enum(focusAreas).nullable(),
  audience: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  link: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  signupDeadline: z.string().nullable(),
  cancelled: z.boolean(),
  signups: z.number().int(),
});
export type NetworkEvent = z.output<typeof networkEvent>;

/**
 * Participation in the region's events held in a period, per organiser and role (the competence-development figures):
 * `participants` signed up, of them `attended` marked as present and `unmarked` whose attendance nobody marked.
 */
export const participation = z.object({
  events: z.number().int(),
  /** Events held in the period whose attendance the coordinator has marked. */
  eventsMarked: z.number().int(),
  participants: z.number().int(),
  attended: z.number().int(),
  unmarked: z.number().int(),
  byOrganiser: z.array(
    z.object({
      organiser: z.string(),
      role: z.enum(participantRoles),
      participants: z.number().int(),
      attended: z.number().int(),
      unmarked: z.number().int(),
    }),
  ),
});
export type Participation = z.output<typeof participation>;

export const signupBody = z.strictObject({
  name: line(120),
  organisation: line(200),
  email: line(254).refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v), { error: 'är inte en e-postadress' }),
  role: z.enum(participantRoles),
});

export const eventLabels = {
  kind: { sv: 'Typ av evenemang', en: 'Kind of event' },
  title: { sv: 'Rubrik', en: 'Title' },
  description: { sv: 'Beskrivning', en: 'Description' },
  focusArea: { sv: 'Inriktning', en: 'Focus area' },
  audience: { sv: 'Målgrupp', en: 'Audience' },
  startsAt: { sv: 'Börjar', en: 'Starts' },
  endsAt: { sv: 'Slutar', en: 'Ends' },
  place: { sv: 'Plats', en: 'Place' },
  link: { sv: 'Länk till mötet', en: 'Link to the meeting' },
  recordingUrl: { sv: 'Inspelning', en: 'Recording' },
  capacity: { sv: 'Antal platser', en: 'Places' },
  signupDeadline: { sv: 'Sista anmälningsdag', en: 'Sign-up deadline' },
  cancelled: { sv: 'Inställt', en: 'Cancelled' },
  id: { sv: 'Evenemang', en: 'Event' },
  name: { sv: 'Namn', en: 'Name' },
  organisation: { sv: 'Organisation', en: 'Organisation' },
  email: { sv: 'E-postadress', en: 'E-mail address' },
  role: { sv: 'Roll', en: 'Role' },
  marks: { sv: 'Närvaro', en: 'Attendance' },
  'marks.*.signup': { sv: 'Anmälan {n}', en: 'Sign-up {n}' },
  'marks.*.attended': { sv: 'Deltog, anmälan {n}', en: 'Attended, sign-up {n}' },
};

/** The coordinator's attendance marks for an event's sign-ups: each sign-up present or not. */
export const attendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ signup: z.uuid(), attended: z.boolean() }))
    .min(1)
    .max(5000),
});
export type AttendanceInput = z.output<typeof attendanceBody>;

export const eventsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/events',
    query: z.strictObject({}),
    response: z.object({ events: z.array(networkEvent), participation }),
    labels: eventLabels,
  }),
  create: endpoint({ method: 'POST', path: '/api/events', body: eventBody, response: networkEvent, labels: eventLabels }),
  update: endpoint({
    method: 'PUT',
    path: '/api/events/:id',
    params: z.strictObject({ id: z.uuid() }),
    body: eventBody,
    response: networkEvent,
    labels: eventLabels,
  }),
  signups: endpoint({
    method: 'GET',
    path: '/api/events/:id/signups',
    params: z.strictObject({ id: z.uuid() }),
    response: z.object({
      items: z.array(
        z.object({
          id: z.uuid(),
          name: z.string().nullable(),
          organisation: z.string().nullable(),
          email: z.string().nullable(),
          role: z.enum(participantRoles),
          /** Null: not marked. */
          attended: z.boolean().nullable(),
        }),
      ),
      /** Whether attendance may be marked now: the event has started and is not cancelled. */
      canMark: z.boolean(),
    }),
    labels: eventLabels,
  }),
  attendance: endpoint({
    method: 'PUT',
    path: '/api/events/:id/attendance',
    params: z.strictObject({ id: z.uuid() }),
    body: attendanceBody,
    response: z.object({ marked: z.number().int(), attended: z.number().int(), signups: z.number().int() }),
    labels: eventLabels,
  }),
  signUp: endpoint({
    method: 'POST',
    path: '/api/public/events/:id/signups',
    params: z.strictObject({ id: z.uuid() }),
    body: signupBody,
    response: z.object({ message: z.string(), calendarHref: z.string(), emailed: z.boolean() }),
    labels: eventLabels,
  }),
};

/**
 * Handovers between school units and school forms (skollagen 3 kap. 12 j §; docs/handovers.md). The sending
 * organiser's tenant holds the handover (`direction = 'sent'`); when it is sent, a copy is delivered to the receiving
 * unit's tenant (`'received'`, the same tenant when the organiser is the same) with the same `delivery_id`. The
 * receiving copy carries the receipt, the transition meeting and the follow-up; the receipt is mirrored onto the sent
 * row. No address is ever stored: contacts are what the student and guardians asked to pass on, and are left out for a
 * protected identity.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { adaptationOutcomes, handoverDirections, handoverRoutes, handoverStatuses } from '../../../shared/handovers/codes.ts';
import { tenantId, updatedAt } from './columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/** What the platform found for the student when the draft was made (attendance, indicators, grades, support). */
export interface HandoverFacts {
  absenceShare: number | null;
  absenceByTerm: { term: string; share: number }[];
  indicators: { indicator: string; onset: string; severity: string }[];
  grades: { subject: string; grade: string }[];
  eligible: boolean | null;
  interventions: { title: string; status: string }[];
  actionProgramme: { needs: string; decidedOn: string; evaluationOn: string } | null;
  /** The grade-catalogue extract as it was when the handover was sent (gymnasieförordningen 8 kap. 9 §; grade-extract.ts). */
  gradeCatalogue?: GradeCatalogue;
}

/** What the grade-catalogue extract shows: grades, subject levels started but not finished, unexcused absence. */
export interface GradeCatalogue {
  from: string | null;
  to: string | null;
  grades: { name: string; points: number | null; grade: string; date: string }[];
  unfinished: { name: string; points: number | null; started: string }[];
  /** Unexcused absence in minutes over the placement at the sending unit; null when nothing was reported. */
  unexcusedMinutes: number | null;
}

/** What the sender writes (every field plain text, bounded by the contract). */
export interface HandoverContent {
  strengths: string;
  adaptations: string;
  specialSupport: string;
  knowledge: string;
  unfinishedCourses: string;
  language: string;
  contacts: string;
  informed: string;
  consentBeyondPedagogical: boolean;
  consentNote: string;
  attachActionProgramme: boolean;
}

export const handovers = pgTable(
  'handovers',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    deliveryId: uuid('delivery_id').notNull().defaultRandom(),
    direction: text('direction', { enum: handoverDirections }).notNull(),
    status: text('status', { enum: handoverStatuses }).notNull(),
    route: text('route', { enum: handoverRoutes }).notNull(),
    /** The student in this tenant (sender: the leaving student; receiver: the person matched by civic number). */
    studentId: uuid('student_id'),
    /** KAA → school: the young person of the register the handover is about (sender side). */
    youthId: uuid('youth_id'),
    civicNo: char('civic_no', { length: 12 }).notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    protectedIdentity: boolean('protected_identity').notNull().default(false),
    fromOrganiserId: uuid('from_organiser_id').notNull(),
    fromOrganiserName: text('from_organiser_name').notNull(),
    fromUnitId: uuid('from_unit_id'),
    fromUnitName: text('from_unit_name').notNull(),
    fromSchoolType: text('from_school_type'),
    /** The day the student's placement at the sending unit ends. */
    leavesOn: day('leaves_on'),
    toOrganiserId: uuid('to_organiser_id').notNull(),
    toOrganiserName: text('to_organiser_name').notNull(),
    toUnitId: uuid('to_unit_id').notNull(),
    toUnitName: text('to_unit_name').notNull(),
    toSchoolType: text('to_school_type'),
    /**
     * A school outside the installation (docs/handovers.md, "A school outside the installation"): its skolenhetskod
     * and municipality; `to_organiser_id` and `to_unit_id` are then the nil uuid, and the handover leaves only as a file.
     */
    toUnitCode: char('to_unit_code', { length: 8 }),
    toMunicipalityCode: char('to_municipality_code', { length: 4 }),
    /** The placement at the receiving unit begins (the admission wall: no delivery without it). */
    startsOn: day('starts_on'),
    triggers: text('triggers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    facts: jsonb('facts').$type<HandoverFacts>().notNull(),
    content: jsonb('content').$type<HandoverContent>().notNull(),
    /** The sender's deadline, and the receiver's for the receipt. */
    sendBy: day('send_by'),
    confirmBy: day('confirm_by'),
    sentAt: at('sent_at'),
    sentBy: uuid('sent_by'),
    deliveredAt: at('delivered_at'),
    confirmedAt: at('confirmed_at'),
    confirmedBy: uuid('confirmed_by'),
    /** The sender imported the receiving school's receipt file (the receipt came back by file, not in the installation). */
    receiptImportedAt: at('receipt_imported_at'),
    meetingOn: day('meeting_on'),
    meetingAttendees: text('meeting_attendees'),
    meetingMinutes: text('meeting_minutes'),
    meetingActions: text('meeting_actions'),
    meetingHeldAt: at('meeting_held_at'),
    followUpDue: day('follow_up_due'),
    followUpDoneAt: at('follow_up_done_at'),
    adaptationsContinued: text('adaptations_continued', { enum: adaptationOutcomes }),
    followUpNote: text('follow_up_note'),
    /** Attendance share since the start at the new school, when the follow-up was recorded. */
    attendanceSinceStart: real('attendance_since_start'),
    /** One handover per student, sending unit and receiving unit on each side: sending twice keeps one. */
    dedupeKey: text('dedupe_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('handovers_dedupe_idx').on(t.tenantId, t.direction, t.dedupeKey),
    index('handovers_student_idx').on(t.tenantId, t.studentId),
    index('handovers_delivery_idx').on(t.tenantId, t.deliveryId),
    index('handovers_civic_no_idx').on(t.tenantId, t.civicNo),
  ],
);

/** Binary content: a Buffer on both drivers (PGlite answers with a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A file the sender attached to a handover (a PDF or an image; docs/handovers.md, "Attachments"), in the same tenant
 * as its handover; copied with the handover when it is delivered, deleted with it by retention.
 */
export const handoverAttachments = pgTable(
  'handover_attachments',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    handoverId: uuid('handover_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    addedBy: uuid('added_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('handover_attachments_handover_idx').on(t.tenantId, t.handoverId)],
);

/** The organiser's rules: the absence share that proposes a draft and the receipt deadline (retention: `retention_rules`). */
export const handoverSettings = pgTable('handover_settings', {
  tenantId: tenantId().primaryKey(),
  /** Absence over this share of the last school year selects a student (Malmö's 15 %). */
  absenceShare: real('absence_share').notNull().default(0.15),
  /** Calendar days the receiving unit has to confirm receipt ("skyndsamt"). */
  confirmDays: integer('confirm_days').notNull().default(14),
  updatedAt: updatedAt(),
});

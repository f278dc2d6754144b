/**
 * The municipal activity responsibility (KAA, skollagen 29 kap. 9 §; docs/kaa.md): the municipality's population file,
 * the register of young people in the target group (periods with registration and deregistration reasons, the criteria
 * evidence, dismissed false positives), the work with them (contacts, occupation, plan, measures) and the notices
 * between organisers (skollagen 15 kap. 15 §, 18 kap. 15 §). Only what förordning (2006:39) § 4 allows: name,
 * personnummer or samordningsnummer, address, e-mail, phone, occupation and the individual measures — no sensitive
 * categories. Every table is tenant-owned: the tenant is the municipality's own organiser (or, for sent notices, the
 * sending organiser).
 */
import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  kaaCompletionKinds,
  kaaContactKinds,
  kaaContactOutcomes,
  kaaDeregistrationReasons,
  kaaDismissalReasons,
  kaaEvidenceSources,
  kaaMeasureEndReasons,
  kaaMeasureKinds,
  kaaMeasureOutcomes,
  kaaMeasureResponsibles,
  kaaMeasureStatuses,
  kaaNoticeChannels,
  kaaNoticeDirections,
  kaaNoticeKinds,
  kaaNoticeReasons,
  kaaNoticeStatuses,
  kaaOccupationKinds,
  kaaOccupationTimings,
  kaaPopulationStatuses,
  kaaReasonSources,
  kaaRegistrationReasons,
  type KaaCriterion,
  type KaaEvidenceSource,
} from '../../../shared/kaa/codes.ts';
import { civicNoKinds } from './people.ts';
import { tenantId, updatedAt } from './columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/** A postal address as the population file gives it; never stored for a protected identity. */
export interface KaaAddress {
  streetAddress: string;
  postalCode: string;
  locality: string;
}

/** One row's problem in an import: row number, field label key and a rule, never the value. */
export interface KaaImportProblem {
  row: number;
  field: string;
  problem: string;
}

/** One population-file import (the file itself is not kept). */
export const kaaPopulationImports = pgTable(
  'kaa_population_imports',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    importedAt: at('imported_at').notNull().defaultNow(),
    importedBy: uuid('imported_by'),
    layout: text('layout').notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsAccepted: integer('rows_accepted').notNull(),
    rowsRejected: integer('rows_rejected').notNull(),
    problems: jsonb('problems').$type<KaaImportProblem[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * The population file (folkbokföring extract) the municipality receives: the young people registered in it, one row
 * per person, replaced by each import. `protected` (skyddad folkbokföring / sekretessmarkering) rows carry no address.
 */
export const kaaPopulation = pgTable(
  'kaa_population',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    civicNo: char('civic_no', { length: 12 }).notNull(),
    civicNoKind: text('civic_no_kind', { enum: civicNoKinds }).notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: day('birth_date').notNull(),
    /** The folkbokföring municipality (SCB code). */
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
    /** Folkbokförd in the municipality since (inflyttning). */
    registeredInMunicipalityOn: day('registered_in_municipality_on'),
    /** First registered in Sweden (invandring); null when born here. */
    registeredInSwedenOn: day('registered_in_sweden_on'),
    status: text('status', { enum: kaaPopulationStatuses }).notNull().default('resident'),
    statusDate: day('status_date'),
    protected: boolean('protected').notNull().default(false),
    address: jsonb('address').$type<KaaAddress>(),
    importId: uuid('import_id').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('kaa_population_civic_no_idx').on(t.tenantId, t.civicNo)],
);

/** One criterion's evaluation for one young person: whether it holds, and which source said so. */
export interface KaaCriterionEvidence {
  criterion: KaaCriterion;
  holds: boolean;
  source: KaaEvidenceSource;
  /** The date of the fact (a certificate, an enrolment's end, a notice), when there is one. */
  date?: string | null;
  /** The organiser whose data it is, when not the municipality's own (a notice's sender). */
  organiserName?: string | null;
}

/**
 * A young person the municipality keeps itself informed about: one row per person (by civic number) ever in the
 * target group, with the contact details the förordning allows and the latest evaluation of the criteria.
 */
export const kaaYouth = pgTable(
  'kaa_youth',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    civicNo: char('civic_no', { length: 12 }).notNull(),
    civicNoKind: text('civic_no_kind', { enum: civicNoKinds }).notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: day('birth_date').notNull(),
    protected: boolean('protected').notNull().default(false),
    address: jsonb('address').$type<KaaAddress>(),
    email: text('email'),
    phone: text('phone'),
    /** In the target group now (an open registration period). */
    inGroup: boolean('in_group').notNull().default(false),
    criteria: jsonb('criteria').$type<KaaCriterionEvidence[]>().notNull().default([]),
    evaluatedAt: at('evaluated_at'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('kaa_youth_civic_no_idx').on(t.tenantId, t.civicNo),
    index('kaa_youth_in_group_idx').on(t.tenantId, t.inGroup),
  ],
);

/** A period in the target group: registered (why, how) and, when it ended, deregistered (why, how). */
export const kaaRegistrations = pgTable(
  'kaa_registrations',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    registeredOn: day('registered_on').notNull(),
    registrationReason: text('registration_reason', { enum: kaaRegistrationReasons }).notNull(),
    registrationSource: text('registration_source', { enum: kaaReasonSources }).notNull(),
    registeredBy: uuid('registered_by'),
    deregisteredOn: day('deregistered_on'),
    deregistrationReason: text('deregistration_reason', { enum: kaaDeregistrationReasons }),
    deregistrationSource: text('deregistration_source', { enum: kaaReasonSources }),
    deregisteredBy: uuid('deregistered_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('kaa_registrations_one_open')
      .on(t.tenantId, t.youthId)
      .where(sql`deregistered_on IS NULL`),
    index('kaa_registrations_youth_idx').on(t.tenantId, t.youthId),
  ],
);

/** A false positive dismissed with a reason (kept; revoking it puts the young person back on the next computation). */
export const kaaDismissals = pgTable(
  'kaa_dismissals',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    reason: text('reason', { enum: kaaDismissalReasons }).notNull(),
    note: text('note'),
    /** The source whose data put the young person on the list, and its organiser when another one's. */
    causedBySource: text('caused_by_source', { enum: kaaEvidenceSources }),
    causedByOrganiserId: uuid('caused_by_organiser_id'),
    dismissedBy: uuid('dismissed_by').notNull(),
    dismissedAt: at('dismissed_at').notNull().defaultNow(),
    revokedBy: uuid('revoked_by'),
    revokedAt: at('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('kaa_dismissals_youth_idx').on(t.tenantId, t.youthId)],
);

/** Completed education equal to a diploma (IB, abroad, folkhögskola …), recorded by hand or from a file. */
export const kaaCompletions = pgTable(
  'kaa_completions',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    kind: text('kind', { enum: kaaCompletionKinds }).notNull(),
    completedOn: day('completed_on').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('kaa_completions_youth_idx').on(t.tenantId, t.youthId)],
);

/** A contact or contact attempt with its outcome. The note must not hold sensitive information. */
export const kaaContacts = pgTable(
  'kaa_contacts',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    contactedOn: day('contacted_on').notNull(),
    kind: text('kind', { enum: kaaContactKinds }).notNull(),
    outcome: text('outcome', { enum: kaaContactOutcomes }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('kaa_contacts_youth_idx').on(t.tenantId, t.youthId, t.contactedOn)],
);

/** Previous, current and planned occupation (education, work, other activity); the latest per timing counts. */
export const kaaOccupations = pgTable(
  'kaa_occupations',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    timing: text('timing', { enum: kaaOccupationTimings }).notNull(),
    kind: text('kind', { enum: kaaOccupationKinds }).notNull(),
    description: text('description'),
    fromDate: day('from_date'),
    toDate: day('to_date'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('kaa_occupations_youth_idx').on(t.tenantId, t.youthId)],
);

/** The individual plan and its goal, one per young person. */
export const kaaPlans = pgTable(
  'kaa_plans',
  {
    tenantId: tenantId(),
    youthId: uuid('youth_id').notNull(),
    goal: text('goal').notNull(),
    plan: text('plan').notNull(),
    establishedOn: day('established_on').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.youthId] })],
);

/**
 * An individual measure: what the young person, the municipality and another actor are responsible for, start and
 * end, why it ended and its outcome (required to close), the dates of follow-up and evaluation.
 */
export const kaaMeasures = pgTable(
  'kaa_measures',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    youthId: uuid('youth_id').notNull(),
    kind: text('kind', { enum: kaaMeasureKinds }).notNull(),
    description: text('description').notNull(),
    responsible: text('responsible', { enum: kaaMeasureResponsibles }).notNull(),
    youngPersonPart: text('young_person_part'),
    municipalityPart: text('municipality_part'),
    otherActor: text('other_actor'),
    otherActorPart: text('other_actor_part'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    endReason: text('end_reason', { enum: kaaMeasureEndReasons }),
    outcome: text('outcome', { enum: kaaMeasureOutcomes }),
    followUpOn: day('follow_up_on'),
    evaluationOn: day('evaluation_on'),
    status: text('status', { enum: kaaMeasureStatuses }).notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('kaa_measures_youth_idx').on(t.tenantId, t.youthId),
    index('kaa_measures_follow_up_idx').on(t.tenantId, t.status, t.followUpOn),
  ],
);

/**
 * A notice between organisers (hemkommunsmeddelande), one row on each side: the sender's (`sent`, with the student's
 * id in the sender's tenant) and the home municipality's (`received`, matched to a young person or unmatched). Both
 * rows share `delivery_id`. Who, school unit, programme, date, reason category — nothing more.
 */
export const kaaNotices = pgTable(
  'kaa_notices',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull().defaultRandom(),
    deliveryId: uuid('delivery_id').notNull(),
    direction: text('direction', { enum: kaaNoticeDirections }).notNull(),
    kind: text('kind', { enum: kaaNoticeKinds }).notNull(),
    channel: text('channel', { enum: kaaNoticeChannels }).notNull(),
    status: text('status', { enum: kaaNoticeStatuses }).notNull(),
    civicNo: char('civic_no', { length: 12 }).notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    schoolUnitCode: char('school_unit_code', { length: 8 }),
    schoolUnitName: text('school_unit_name').notNull(),
    programmeCode: text('programme_code'),
    programmeName: text('programme_name'),
    /** The day the enrolment started or ended, or the absence was established. */
    eventDate: day('event_date').notNull(),
    reason: text('reason', { enum: kaaNoticeReasons }).notNull(),
    /** The student's home municipality (SCB code): the receiver. */
    homeMunicipalityCode: char('home_municipality_code', { length: 4 }).notNull(),
    /** The other side: for a sent notice the receiving organiser, for a received one the sender (no foreign key). */
    counterpartOrganiserId: uuid('counterpart_organiser_id'),
    counterpartName: text('counterpart_name').notNull(),
    /** Sender side: the student's person id in the sender's tenant. */
    studentId: uuid('student_id'),
    /** Receiver side: the young person it was matched to; null = unmatched, listed for the officer. */
    youthId: uuid('youth_id'),
    /** What makes a notice unique on its side (student, unit, kind, date), so generating twice sends once. */
    dedupeKey: text('dedupe_key').notNull(),
    proposedAt: at('proposed_at'),
    confirmedBy: uuid('confirmed_by'),
    sentAt: at('sent_at'),
    exportedAt: at('exported_at'),
    receivedAt: at('received_at'),
    receiptAt: at('receipt_at'),
    receiptBy: uuid('receipt_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('kaa_notices_dedupe_idx').on(t.tenantId, t.direction, t.dedupeKey),
    index('kaa_notices_civic_no_idx').on(t.tenantId, t.civicNo),
    index('kaa_notices_youth_idx').on(t.tenantId, t.youthId),
  ],
);

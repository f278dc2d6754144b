/** SS 12000 Person: students, staff and guardians, with their enrolments and responsibles. */
import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { sourceModified, tenantId, updatedAt } from './columns.ts';

export const securityMarkings = ['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring'] as const;
export const civicNoKinds = ['personnummer', 'samordningsnummer', 'temporary'] as const;

/** A person as the organiser knows them. Personal data: never in URLs, logs or error messages. */
export const persons = pgTable(
  'persons',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    givenName: text('given_name').notNull(),
    middleName: text('middle_name'),
    familyName: text('family_name').notNull(),
    /** Twelve digits, no separator, validated with the `personnummer` package. */
    civicNo: char('civic_no', { length: 12 }),
    civicNoKind: text('civic_no_kind', { enum: civicNoKinds }),
    birthDate: date('birth_date', { mode: 'string' }),
    /** Legal sex as registered (SS 12000 Code_Sex). */
    sex: text('sex', { enum: ['Man', 'Kvinna', 'Okänt'] }),
    securityMarking: text('security_marking', { enum: securityMarkings }).notNull().default('Ingen'),
    personStatus: text('person_status', { enum: ['Aktiv', 'Utvandrad', 'Avliden'] })
      .notNull()
      .default('Aktiv'),
    /** Folkbokföring municipality: the home municipality responsible under KAA. */
    homeMunicipalityCode: char('home_municipality_code', { length: 4 }),
    /** Addresses, e-mails and phone numbers: hidden everywhere for protected identities. */
    contact: jsonb('contact').$type<PersonContact>().notNull().default({}),
    sourceModified: sourceModified(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('persons_civic_no_idx').on(t.tenantId, t.civicNo),
    // One person across organisers (a handover's next school, a KAA youth's placement): one probe, not one per organiser.
    index('persons_civic_number_idx')
      .on(t.civicNo)
      .where(sql`civic_no IS NOT NULL`),
    index('persons_home_municipality_idx').on(t.tenantId, t.homeMunicipalityCode),
  ],
);

export interface PersonContact {
  addresses?: { type?: string; streetAddress: string; postalCode: string; locality: string; country: string }[];
  emails?: { type?: string; value: string }[];
  phoneNumbers?: { type?: string; value: string; mobile?: boolean }[];
}

/** Guardians and other responsibles (Person.responsibles). */
export const personResponsibles = pgTable(
  'person_responsibles',
  {
    tenantId: tenantId(),
    personId: uuid('person_id').notNull(),
    responsibleId: uuid('responsible_id').notNull(),
    relationType: text('relation_type').notNull().default('Vårdnadshavare'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.responsibleId] })],
);

/**
 * Enrolments (Person.enrolments). SS 12000 gives them no id: they are replaced as a whole whenever
 * their person is imported, keyed by person and ordinal.
 */
export const enrolments = pgTable(
  'enrolments',
  {
    tenantId: tenantId(),
    personId: uuid('person_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    schoolUnitId: uuid('school_unit_id').notNull(),
    schoolType: text('school_type').notNull(),
    schoolYear: integer('school_year'),
    programmeId: uuid('programme_id'),
    /** Denormalised from the programme for reports; e.g. NA, IMSPR. */
    programmeCode: text('programme_code'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    cancelled: boolean('cancelled').notNull().default(false),
    educationCode: text('education_code'),
    specification: text('specification'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.ordinal] }),
    index('enrolments_school_unit_idx').on(t.tenantId, t.schoolUnitId),
    // A unit's current enrolments without its past years' (the scoped lists: end_date >= today OR NULL, a BitmapOr of two ranges).
    index('enrolments_unit_current_idx')
      .on(t.tenantId, t.schoolUnitId, t.endDate)
      .where(sql`NOT cancelled`),
  ],
);

/** People and enrolments: a student added beside the fixtures, a protected identity, contact details, a moved enrolment. */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { enrolments, persons, type PersonContact, type securityMarkings } from '../../../src/server/db/schema/index.ts';

export interface PersonOptions {
  tenantId: string;
  id?: string;
  givenName: string;
  familyName?: string;
  securityMarking?: (typeof securityMarkings)[number];
  contact?: PersonContact;
  /** A personnummer (Skatteverket's test numbers only); the person has none when left out. */
  civicNo?: string;
}

/** Writes a person (as an import would, without the document); returns the id. */
export async function addPerson(db: DbOrTx, p: PersonOptions): Promise<string> {
  const id = p.id ?? randomUUID();
  await db.insert(persons).values({
    tenantId: p.tenantId,
    id,
    givenName: p.givenName,
    familyName: p.familyName ?? 'Testsson',
    securityMarking: p.securityMarking ?? 'Ingen',
    contact: p.contact ?? {},
    ...(p.civicNo ? { civicNo: p.civicNo, civicNoKind: 'personnummer' as const } : {}),
    sourceModified: sql`now()`,
  });
  return id;
}

export interface EnrolmentOptions {
  tenantId: string;
  personId: string;
  schoolUnitId: string;
  schoolType?: string;
  schoolYear?: number | null;
  startDate?: string;
  endDate?: string | null;
  /** The enrolment's place among the person's; the next free one when left out. */
  ordinal?: number;
}

/** Enrols a person at a school unit (GY year 1 from 2024-08-15 unless told); returns the enrolment's ordinal. */
export async function enrol(db: DbOrTx, e: EnrolmentOptions): Promise<number> {
  let ordinal = e.ordinal;
  if (ordinal === undefined) {
    const [row] = await db
      .select({ next: sql<number>`coalesce(max(${enrolments.ordinal}) + 1, 0)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.tenantId, e.tenantId), eq(enrolments.personId, e.personId)));
    ordinal = row?.next ?? 0;
  }
  await db.insert(enrolments).values({
    tenantId: e.tenantId,
    personId: e.personId,
    ordinal,
    schoolUnitId: e.schoolUnitId,
    schoolType: e.schoolType ?? 'GY',
    schoolYear: e.schoolYear === undefined ? 1 : e.schoolYear,
    startDate: e.startDate ?? '2024-08-15',
    endDate: e.endDate ?? null,
  });
  return ordinal;
}

/** Removes one enrolment of a person. */
export async function removeEnrolment(db: DbOrTx, e: { tenantId: string; personId: string; ordinal: number }): Promise<void> {
  await db
    .delete(enrolments)
    .where(and(eq(enrolments.tenantId, e.tenantId), eq(enrolments.personId, e.personId), eq(enrolments.ordinal, e.ordinal)));
}

/** Ends every enrolment of a person on `endDate` (the student leaves), or reopens them with `null`. */
export async function setEnrolmentEnd(db: DbOrTx, e: { tenantId: string; personId: string; endDate: string | null }): Promise<void> {
  await db
    .update(enrolments)
    .set({ endDate: e.endDate })
    .where(and(eq(enrolments.tenantId, e.tenantId), eq(enrolments.personId, e.personId)));
}

/** A person with one enrolment: a student beside the fixtures' (GY year 1 from 2024-08-15 unless told); returns the id. */
export async function addStudent(
  db: DbOrTx,
  s: PersonOptions & Omit<EnrolmentOptions, 'personId' | 'tenantId' | 'ordinal'>,
): Promise<string> {
  const id = await addPerson(db, s);
  await enrol(db, { ...s, personId: id, ordinal: 0 });
  return id;
}

/** Makes a person a protected identity (skyddad folkbokföring unless told), optionally with the contact details it hides. */
export async function protectIdentity(
  db: DbOrTx,
  p: { tenantId: string; personId: string; marking?: Exclude<(typeof securityMarkings)[number], 'Ingen'>; contact?: PersonContact },
): Promise<void> {
  await db
    .update(persons)
    .set({ securityMarking: p.marking ?? 'Skyddad folkbokföring', ...(p.contact ? { contact: p.contact } : {}) })
    .where(and(eq(persons.tenantId, p.tenantId), eq(persons.id, p.personId)));
}

/** Replaces a person's contact details (addresses, e-mails, phone numbers). */
export async function setContact(db: DbOrTx, p: { tenantId: string; personId: string; contact: PersonContact }): Promise<void> {
  await db
    .update(persons)
    .set({ contact: p.contact })
    .where(and(eq(persons.tenantId, p.tenantId), eq(persons.id, p.personId)));
}

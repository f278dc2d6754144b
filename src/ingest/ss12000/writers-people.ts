/** Writer for Person, with its id-less enrolments and responsibles. */
import { sql } from 'drizzle-orm';
import { enrolments, personResponsibles, persons, type PersonContact } from '../../server/db/schema/index.ts';
import { parseCivicNo } from './civic-number.ts';
import type { PersonDoc } from './documents.ts';
import { municipalityCode } from './domain-checks.ts';
import { modified, type EndpointWriter } from './writer-types.ts';

function civicNo(d: PersonDoc): { civic_no: string | null; civic_no_kind: string | null; birth: string | null } {
  if (!d.civicNo || (d.civicNo.nationality ?? 'SE') !== 'SE') return { civic_no: null, civic_no_kind: null, birth: null };
  const parsed = parseCivicNo(d.civicNo.value);
  if (!parsed.ok) throw new Error('Ogiltigt personnummer nådde skrivningen (validation bypassed)');
  const c = parsed.civicNo;
  let day = Number(c.slice(6, 8));
  if (parsed.kind === 'samordningsnummer') day -= 60;
  return { civic_no: c, civic_no_kind: parsed.kind, birth: `${c.slice(0, 4)}-${c.slice(4, 6)}-${String(day).padStart(2, '0')}` };
}

/** Contact details; none are stored for people with skyddad folkbokföring (protected identity). */
function contact(d: PersonDoc): PersonContact {
  if (d.securityMarking === 'Skyddad folkbokföring') return {};
  const c: PersonContact = {};
  if (d.addresses?.length) {
    c.addresses = d.addresses.map((a) => ({
      type: a.type,
      streetAddress: a.streetAddress,
      postalCode: a.postalCode,
      locality: a.locality,
      country: a.country,
    }));
  }
  if (d.emails?.length) c.emails = d.emails.map((e) => ({ type: e.type, value: e.value }));
  if (d.phoneNumbers?.length) c.phoneNumbers = d.phoneNumbers.map((p) => ({ type: p.type, value: p.value, mobile: p.mobile }));
  return c;
}

/** The folkbokföring address's municipality: the home municipality responsible under KAA. */
function homeMunicipality(d: PersonDoc): string | undefined {
  const address = d.addresses?.find((a) => (a.type ?? 'Folkbokföring') === 'Folkbokföring');
  return municipalityCode(address?.municipalityCode);
}

export const personWriter: EndpointWriter<PersonDoc> = {
  upsert: { table: persons, key: ['id'], versioning: 'modified', changes: { column: 'id' } },
  row: (d) => {
    const civic = civicNo(d);
    return {
      id: d.id,
      given_name: d.givenName,
      middle_name: d.middleName,
      family_name: d.familyName,
      civic_no: civic.civic_no,
      civic_no_kind: civic.civic_no_kind,
      birth_date: d.birthDate ?? civic.birth,
      sex: d.sex,
      security_marking: d.securityMarking ?? 'Ingen',
      person_status: d.personStatus ?? 'Aktiv',
      home_municipality_code: homeMunicipality(d),
      contact: contact(d),
      source_modified: modified(d),
    };
  },
  children: [
    {
      table: enrolments,
      parentColumn: 'person_id',
      rows: (d) =>
        (d.enrolments ?? []).map((e, ordinal) => ({
          person_id: d.id,
          ordinal,
          school_unit_id: e.enroledAt.id,
          school_type: e.schoolType,
          school_year: e.schoolYear,
          programme_id: e.programme?.id,
          start_date: e.startDate,
          end_date: e.endDate,
          cancelled: e.cancelled ?? false,
          education_code: e.educationCode,
          specification: e.specification,
        })),
      // Denormalised from the programme, which is imported before persons.
      computed: (tenantId) => ({
        programme_code: sql`(SELECT p.code FROM programmes p WHERE p.tenant_id = ${tenantId}::uuid AND p.id = r.programme_id)`,
      }),
    },
    {
      table: personResponsibles,
      parentColumn: 'person_id',
      rows: (d) =>
        (d.responsibles ?? []).map((r) => ({
          person_id: d.id,
          responsible_id: r.person.id,
          relation_type: r.relationType ?? 'Vårdnadshavare',
        })),
    },
  ],
};

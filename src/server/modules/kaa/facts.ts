/**
 * The rule book's reader (criteria.ts over these facts is what target-group-sql.test.ts holds the set-based SQL to; the
 * nightly computation itself gathers the same facts inside its one statement). Rows come in a fixed order, the order
 * the SQL's "first certificate that …" follows: own rows by date, notices as received, completion records by date.
 * Gathers what the criteria look at, for every person in one municipality's population file: the municipality's own
 * upper-secondary enrolments and certificates (matched by civic number within its own tenant), the notices other
 * organisers sent it (start and end of an enrolment, completion), the completions and dismissals its officers
 * recorded. Four queries per municipality, whatever its size; nothing crosses tenants (notices already arrived).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { KnownCertificate, KnownEnrolment, PersonFacts } from './criteria.ts';

export interface PopulationPerson extends PersonFacts {
  civicNo: string;
  civicNoKind: 'personnummer' | 'samordningsnummer' | 'temporary';
  givenName: string;
  familyName: string;
  registeredInMunicipalityOn: string | null;
  protected: boolean;
  address: { streetAddress: string; postalCode: string; locality: string } | null;
}

/** Every person of the tenant's population file with the facts about them, by civic number. */
export async function gatherFacts(db: DbOrTx, tenantId: string): Promise<Map<string, PopulationPerson>> {
  const people = new Map<string, PopulationPerson>();
  const population = await queryRows<{
    civic_no: string;
    civic_no_kind: PopulationPerson['civicNoKind'];
    given_name: string;
    family_name: string;
    birth_date: string;
    municipality_code: string;
    status: PersonFacts['status'];
    registered_in_sweden_on: string | null;
    registered_in_municipality_on: string | null;
    protected: boolean;
    address: PopulationPerson['address'];
  }>(
    db,
    sql`SELECT civic_no, civic_no_kind, given_name, family_name, birth_date::text, municipality_code, status,
               registered_in_sweden_on::text, registered_in_municipality_on::text, protected, address
          FROM kaa_population WHERE tenant_id = ${tenantId}::uuid`,
  );
  for (const p of population)
    people.set(p.civic_no, {
      civicNo: p.civic_no,
      civicNoKind: p.civic_no_kind,
      givenName: p.given_name,
      familyName: p.family_name,
      birthDate: p.birth_date,
      municipalityCode: p.municipality_code,
      status: p.status,
      registeredInSwedenOn: p.registered_in_sweden_on,
      registeredInMunicipalityOn: p.registered_in_municipality_on,
      protected: p.protected,
      address: p.protected ? null : p.address,
      enrolments: [],
      certificates: [],
      dismissed: false,
    });
  if (people.size === 0) return people;
  const enrolments = (civicNo: string) => people.get(civicNo)?.enrolments as KnownEnrolment[] | undefined;
  const certificates = (civicNo: string) => people.get(civicNo)?.certificates as KnownCertificate[] | undefined;

  // The municipality's own upper-secondary enrolments (cancelled ones never happened).
  const own = await queryRows<{
    civic_no: string;
    school_type: string;
    programme_code: string | null;
    start_date: string;
    end_date: string | null;
  }>(
    db,
    sql`SELECT p.civic_no, e.school_type, e.programme_code, e.start_date::text, e.end_date::text
          FROM kaa_population k
          JOIN persons p ON p.tenant_id = k.tenant_id AND p.civic_no = k.civic_no
          JOIN enrolments e ON e.tenant_id = p.tenant_id AND e.person_id = p.id
         WHERE k.tenant_id = ${tenantId}::uuid AND e.school_type IN ('GY', 'GYS') AND NOT e.cancelled
         ORDER BY e.start_date, e.person_id, e.ordinal`,
  );
  for (const e of own)
    enrolments(e.civic_no)?.push({
      source: 'own-enrolments',
      schoolType: e.school_type,
      programmeCode: e.programme_code,
      startDate: e.start_date,
      endDate: e.end_date,
      organiserName: null,
    });

  const certs = await queryRows<{ civic_no: string; kind: string; issued_date: string }>(
    db,
    sql`SELECT p.civic_no, c.kind, c.issued_date::text
          FROM kaa_population k
          JOIN persons p ON p.tenant_id = k.tenant_id AND p.civic_no = k.civic_no
          JOIN certificates c ON c.tenant_id = p.tenant_id AND c.student_id = p.id
         WHERE k.tenant_id = ${tenantId}::uuid
         ORDER BY c.issued_date, c.id`,
  );
  for (const c of certs)
    certificates(c.civic_no)?.push({ source: 'own-certificates', kind: c.kind, date: c.issued_date, organiserName: null });

  // Notices received: a start opens an enrolment at that school unit, the next end closes it; an end "completed" is a diploma.
  const notices = await queryRows<{
    civic_no: string;
    kind: 'start' | 'end' | 'absence';
    reason: string;
    school_unit_name: string;
    programme_code: string | null;
    event_date: string;
    counterpart_name: string;
  }>(
    db,
    sql`SELECT civic_no, kind, reason, school_unit_name, programme_code, event_date::text, counterpart_name
          FROM kaa_notices
         WHERE tenant_id = ${tenantId}::uuid AND direction = 'received' AND kind IN ('start', 'end') AND status <> 'withdrawn'
         ORDER BY civic_no, event_date, kind DESC, id`,
  );
  const open = new Map<string, KnownEnrolment>();
  for (const n of notices) {
    const list = enrolments(n.civic_no);
    if (!list) continue;
    const key = `${n.civic_no}|${n.school_unit_name}`;
    if (n.kind === 'start') {
      const e: KnownEnrolment = {
        source: 'notice-received',
        schoolType: 'GY',
        programmeCode: n.programme_code,
        startDate: n.event_date,
        endDate: null,
        organiserName: n.counterpart_name,
      };
      list.push(e);
      open.set(key, e);
    } else {
      const started = open.get(key);
      if (started) {
        started.endDate = n.event_date;
        open.delete(key);
      } else
        list.push({
          source: 'notice-received',
          schoolType: 'GY',
          programmeCode: n.programme_code,
          startDate: n.event_date,
          endDate: n.event_date,
          organiserName: n.counterpart_name,
        });
      if (n.reason === 'completed')
        certificates(n.civic_no)?.push({
          source: 'notice-received',
          kind: 'gymnasieexamen',
          date: n.event_date,
          organiserName: n.counterpart_name,
        });
      if (n.reason === 'studiebevis')
        certificates(n.civic_no)?.push({
          source: 'notice-received',
          kind: 'studiebevis',
          date: n.event_date,
          organiserName: n.counterpart_name,
        });
    }
  }

  const recorded = await queryRows<{ civic_no: string; kind: string; completed_on: string }>(
    db,
    sql`SELECT y.civic_no, c.kind, c.completed_on::text FROM kaa_completions c
          JOIN kaa_youth y ON y.tenant_id = c.tenant_id AND y.id = c.youth_id
         WHERE c.tenant_id = ${tenantId}::uuid
         ORDER BY c.completed_on, c.id`,
  );
  for (const c of recorded)
    certificates(c.civic_no)?.push({ source: 'completion-record', kind: c.kind, date: c.completed_on, organiserName: null });

  const dismissed = await queryRows<{ civic_no: string }>(
    db,
    sql`SELECT DISTINCT y.civic_no FROM kaa_dismissals d
          JOIN kaa_youth y ON y.tenant_id = d.tenant_id AND y.id = d.youth_id
         WHERE d.tenant_id = ${tenantId}::uuid AND d.revoked_at IS NULL`,
  );
  for (const d of dismissed) {
    const p = people.get(d.civic_no);
    if (p) p.dismissed = true;
  }
  return people;
}

/**
 * Schooling: enrolments and group memberships (enrolments), and a staff member's duties and roles in Fullfölj (work).
 * Names of school units, programmes and groups instead of their ids.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, section, type Section } from './document.ts';
import { label, period, text } from './format.ts';
import { roleLabel, schoolTypes } from './labels.ts';
import type { ExtractScope } from './scope.ts';

/** Enrolments and group memberships. */
export async function enrolmentSection({ db, tenantId, personId }: ExtractScope): Promise<Section> {
  const enrolments = await queryRows<{
    school_unit_id: string;
    unit: string | null;
    school_type: string;
    school_year: number | null;
    programme: string | null;
    programme_code: string | null;
    start_date: string;
    end_date: string | null;
    cancelled: boolean;
    specification: string | null;
  }>(
    db,
    sql`
    SELECT e.school_unit_id::text, o.display_name AS unit, e.school_type, e.school_year, pr.name AS programme, e.programme_code,
           e.start_date::text, e.end_date::text, e.cancelled, e.specification
      FROM enrolments e
      LEFT JOIN organisations o ON o.tenant_id = e.tenant_id AND o.id = e.school_unit_id
      LEFT JOIN programmes pr ON pr.tenant_id = e.tenant_id AND pr.id = e.programme_id
     WHERE e.tenant_id = ${tenantId}::uuid AND e.person_id = ${personId}::uuid ORDER BY e.start_date DESC, e.ordinal`,
  );
  const groups = await queryRows<{ group_id: string; name: string | null; start_date: string; end_date: string | null }>(
    db,
    sql`
    SELECT m.group_id::text, g.display_name AS name, m.start_date::text, m.end_date::text
      FROM group_memberships m LEFT JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
     WHERE m.tenant_id = ${tenantId}::uuid AND m.person_id = ${personId}::uuid ORDER BY m.start_date DESC, g.display_name`,
  );
  return section('enrolments', [
    {
      heading: 'Inskrivningar',
      empty: 'Inga uppgifter.',
      entries: enrolments.map((e) => ({
        title: text(e.unit),
        facts: [
          fact('Skolform', label(schoolTypes, e.school_type)),
          fact('Årskurs', e.school_year),
          fact('Program', e.programme ?? e.programme_code),
          fact('Inriktning eller specialisering', e.specification),
          fact('Tid', period(e.start_date, e.end_date)),
          ...(e.cancelled ? [fact('Makulerad', 'Ja')] : []),
        ],
        ids: { schoolUnitId: e.school_unit_id },
      })),
    },
    {
      heading: 'Klasser och grupper',
      empty: 'Inga uppgifter.',
      entries: groups.map((g) => ({
        title: text(g.name),
        facts: [fact('Tid', period(g.start_date === '1900-01-01' ? null : g.start_date, g.end_date))],
        ids: { groupId: g.group_id },
      })),
    },
  ]);
}

/** A staff member's duties (from SS 12000) and roles in Fullfölj. */
export async function workSection({ db, tenantId, personId }: ExtractScope): Promise<Section> {
  const duties = await queryRows<{
    id: string;
    organisation: string | null;
    duty_role: string;
    signature: string | null;
    description: string | null;
    start_date: string;
    end_date: string | null;
  }>(
    db,
    sql`
    SELECT d.id::text, o.display_name AS organisation, d.duty_role, d.signature, d.description, d.start_date::text, d.end_date::text
      FROM duties d LEFT JOIN organisations o ON o.tenant_id = d.tenant_id AND o.id = d.organisation_id
     WHERE d.tenant_id = ${tenantId}::uuid AND d.person_id = ${personId}::uuid ORDER BY d.start_date DESC`,
  );
  const roles = await queryRows<{ id: string; role: string; units: string[] | null; municipality: string | null }>(
    db,
    sql`
    SELECT r.id::text, r.role, m.name AS municipality,
           (SELECT array_agg(o.display_name ORDER BY o.display_name) FROM organisations o WHERE o.tenant_id = r.tenant_id AND o.id = ANY(r.unit_ids)) AS units
      FROM role_assignments r LEFT JOIN municipalities m ON m.code = r.municipality_code
     WHERE r.tenant_id = ${tenantId}::uuid AND r.person_id = ${personId}::uuid ORDER BY r.created_at`,
  );
  const [registered] = await queryRows<{ n: number }>(
    db,
    sql`
    SELECT count(*)::int AS n FROM grades WHERE tenant_id = ${tenantId}::uuid AND registered_by_id = ${personId}::uuid`,
  );
  return section('work', [
    {
      heading: 'Tjänstgöring',
      empty: 'Inga uppgifter.',
      entries: duties.map((d) => ({
        title: d.duty_role,
        facts: [
          fact('Enhet', d.organisation),
          fact('Signatur', d.signature),
          fact('Beskrivning', d.description),
          fact('Tid', period(d.start_date, d.end_date)),
        ],
        ids: { dutyId: d.id },
      })),
    },
    {
      heading: 'Roller i Fullfölj',
      empty: 'Inga uppgifter.',
      entries: roles.map((r) => ({
        title: roleLabel(r.role),
        facts: [fact('Skolenheter', r.units?.join(', ')), ...(r.municipality ? [fact('Kommun', r.municipality)] : [])],
        ids: { roleAssignmentId: r.id },
      })),
    },
    {
      heading: 'Betyg som du har registrerat',
      empty: 'Inga uppgifter.',
      // The grades themselves are the students' data: only how many.
      entries: registered?.n ? [{ facts: [fact('Antal', registered.n)] }] : [],
    },
  ]);
}

/**
 * The municipal activity responsibility (KAA, docs/kaa.md): what the home municipality's register holds about the
 * person, found by their civic number in the same tenant — the population-file row, registrations in the target group
 * with the criteria, dismissals, completions, contacts, occupations, the individual plan, measures and the notices
 * between organisers about them (received, and sent by this organiser). A protected identity's address is never kept.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import {
  completionKindLabels,
  contactKindLabels,
  contactOutcomeLabels,
  criterionLabels,
  deregistrationReasonLabels,
  dismissalReasonLabels,
  evidenceSourceLabels,
  measureEndReasonLabels,
  measureKindLabels,
  measureResponsibleLabels,
  measureStatusLabels,
  noticeDirectionLabels,
  noticeKindLabels,
  noticeReasonLabels,
  occupationKindLabels,
  occupationTimingLabels,
  registrationReasonLabels,
} from '../../../shared/kaa/labels.ts';
import type { Label } from '../../../shared/contract/endpoint.ts';
import { fact, section, type Entry, type Section } from './document.ts';
import type { ExtractScope } from './scope.ts';

const sv = (labels: Readonly<Record<string, Label>>, code: string | null) => (code ? (labels[code]?.sv ?? 'Annat') : null);
type Row = Record<string, unknown>;
const rows = <T extends Row>(scope: ExtractScope, query: ReturnType<typeof sql>) => queryRows<T>(scope.db, query);

/** The KAA section, for the person's civic number (none: nothing to find). */
export async function youthRegisterSection(scope: ExtractScope): Promise<Section> {
  const [person] = await rows<{ civic_no: string | null }>(
    scope,
    // A student of the tenant, or a young person known only from the KAA register or the population file.
    sql`SELECT civic_no FROM persons WHERE tenant_id = ${scope.tenantId}::uuid AND id = ${scope.personId}::uuid
        UNION ALL SELECT civic_no FROM kaa_youth WHERE tenant_id = ${scope.tenantId}::uuid AND id = ${scope.personId}::uuid
        UNION ALL SELECT civic_no FROM kaa_population WHERE tenant_id = ${scope.tenantId}::uuid AND id = ${scope.personId}::uuid`,
  );
  const civicNo = person?.civic_no ?? null;
  if (!civicNo) return section('youth-register', [{ heading: 'Aktivitetsansvaret', entries: [], empty: 'Inga uppgifter.' }]);
  const t = scope.tenantId;
  const population = await rows<{
    municipality_code: string;
    status: string;
    protected: boolean;
    address: { streetAddress: string; postalCode: string; locality: string } | null;
    registered_in_municipality_on: string | null;
    registered_in_sweden_on: string | null;
  }>(
    scope,
    sql`SELECT municipality_code, status, protected, address, registered_in_municipality_on::text, registered_in_sweden_on::text
          FROM kaa_population WHERE tenant_id = ${t}::uuid AND civic_no = ${civicNo}`,
  );
  const [youth] = await rows<{
    id: string;
    email: string | null;
    phone: string | null;
    criteria: { criterion: string; holds: boolean; source: string }[];
    in_group: boolean;
  }>(scope, sql`SELECT id::text, email, phone, criteria, in_group FROM kaa_youth WHERE tenant_id = ${t}::uuid AND civic_no = ${civicNo}`);
  const y = youth?.id ?? '00000000-0000-0000-0000-000000000000';
  const [registrations, dismissals, completions, contacts, occupations, plans, measures] = [
    await rows<Row>(
      scope,
      sql`SELECT registered_on::text, registration_reason, deregistered_on::text, deregistration_reason FROM kaa_registrations WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY registered_on`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT reason, note, dismissed_at::date::text AS on, revoked_at::date::text AS revoked FROM kaa_dismissals WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY dismissed_at`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT kind, completed_on::text FROM kaa_completions WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY completed_on`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT contacted_on::text, kind, outcome, note FROM kaa_contacts WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY contacted_on`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT timing, kind, description, from_date::text, to_date::text FROM kaa_occupations WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY recorded_at`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT goal, plan, established_on::text FROM kaa_plans WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid`,
    ),
    await rows<Row>(
      scope,
      sql`SELECT kind, description, responsible, young_person_part, municipality_part, other_actor, other_actor_part, start_date::text,
                 end_date::text, end_reason, outcome, follow_up_on::text, evaluation_on::text, status
            FROM kaa_measures WHERE tenant_id = ${t}::uuid AND youth_id = ${y}::uuid ORDER BY start_date`,
    ),
  ];
  const notices = await rows<Row>(
    scope,
    sql`SELECT direction, kind, reason, school_unit_name, programme_name, event_date::text, counterpart_name
          FROM kaa_notices WHERE tenant_id = ${t}::uuid AND (civic_no = ${civicNo} OR student_id = ${scope.personId}::uuid OR youth_id = ${y}::uuid)
         ORDER BY event_date`,
  );
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const entry = (title: string, facts: Entry['facts']): Entry => ({ title, facts });
  return section('youth-register', [
    {
      heading: 'Folkbokföringsuppgifter för aktivitetsansvaret',
      empty: 'Inga uppgifter.',
      entries: population.map((p) =>
        entry('Folkbokföring', [
          fact('Kommunkod', p.municipality_code),
          fact('Folkbokförd i kommunen sedan', p.registered_in_municipality_on),
          fact('Invandringsdatum', p.registered_in_sweden_on),
          // A protected identity's address is never stored; otherwise it is the person's own.
          fact('Adress', p.protected || !p.address ? null : `${p.address.streetAddress}, ${p.address.postalCode} ${p.address.locality}`),
        ]),
      ),
    },
    {
      heading: 'Målgruppen för aktivitetsansvaret',
      empty: 'Inga uppgifter.',
      entries: youth
        ? [
            entry(youth.in_group ? 'I målgruppen nu' : 'Inte i målgruppen nu', [
              fact('E-post', youth.email),
              fact('Telefon', youth.phone),
              ...youth.criteria.map((c) =>
                fact(sv(criterionLabels, c.criterion) ?? '', `${c.holds ? 'Ja' : 'Nej'} (${sv(evidenceSourceLabels, c.source)})`),
              ),
            ]),
            ...registrations.map((r) =>
              entry(`Registrerad ${s(r.registered_on)}`, [
                fact('Anledning', sv(registrationReasonLabels, s(r.registration_reason))),
                fact('Avregistrerad', s(r.deregistered_on)),
                fact('Anledning till avregistrering', sv(deregistrationReasonLabels, s(r.deregistration_reason))),
              ]),
            ),
            ...dismissals.map((d) =>
              entry(`Avförd från listan ${s(d.on)}`, [
                fact('Anledning', sv(dismissalReasonLabels, s(d.reason))),
                fact('Anteckning', s(d.note)),
                fact('Återkallat', s(d.revoked)),
              ]),
            ),
            ...completions.map((c) =>
              entry('Avslutad utbildning', [fact('Utbildning', sv(completionKindLabels, s(c.kind))), fact('Datum', s(c.completed_on))]),
            ),
          ]
        : [],
    },
    {
      heading: 'Kontakter, sysselsättning, plan och insatser',
      empty: 'Inga uppgifter.',
      entries: [
        ...contacts.map((c) =>
          entry(`Kontakt ${s(c.contacted_on)}`, [
            fact('Kontaktsätt', sv(contactKindLabels, s(c.kind))),
            fact('Resultat', sv(contactOutcomeLabels, s(c.outcome))),
            fact('Anteckning', s(c.note)),
          ]),
        ),
        ...occupations.map((o) =>
          entry(sv(occupationTimingLabels, s(o.timing)) ?? 'Sysselsättning', [
            fact('Sysselsättning', sv(occupationKindLabels, s(o.kind))),
            fact('Beskrivning', s(o.description)),
            fact('Från', s(o.from_date)),
            fact('Till', s(o.to_date)),
          ]),
        ),
        ...plans.map((p) =>
          entry('Individuell plan', [fact('Mål', s(p.goal)), fact('Plan', s(p.plan)), fact('Upprättad', s(p.established_on))]),
        ),
        ...measures.map((m) =>
          entry(`Insats från ${s(m.start_date)}`, [
            fact('Typ av insats', sv(measureKindLabels, s(m.kind))),
            fact('Beskrivning', s(m.description)),
            fact('Huvudansvarig', sv(measureResponsibleLabels, s(m.responsible))),
            fact('Den ungas ansvar', s(m.young_person_part)),
            fact('Kommunens ansvar', s(m.municipality_part)),
            fact('Annan aktör', s(m.other_actor)),
            fact('Den andra aktörens ansvar', s(m.other_actor_part)),
            fact('Status', sv(measureStatusLabels, s(m.status))),
            fact('Slutdatum', s(m.end_date)),
            fact('Varför insatsen avslutades', sv(measureEndReasonLabels, s(m.end_reason))),
            fact('Resultat', sv(occupationKindLabels, s(m.outcome))),
            fact('Uppföljning', s(m.follow_up_on)),
            fact('Utvärdering', s(m.evaluation_on)),
          ]),
        ),
      ],
    },
    {
      heading: 'Meddelanden mellan huvudmän',
      empty: 'Inga uppgifter.',
      entries: notices.map((n) =>
        entry(`${sv(noticeDirectionLabels, s(n.direction))}: ${sv(noticeKindLabels, s(n.kind))} ${s(n.event_date)}`, [
          fact('Skolenhet', s(n.school_unit_name)),
          fact('Program', s(n.programme_name)),
          fact('Orsak', sv(noticeReasonLabels, s(n.reason))),
          fact(n.direction === 'sent' ? 'Mottagare' : 'Avsändare', s(n.counterpart_name)),
        ]),
      ),
    },
  ]);
}

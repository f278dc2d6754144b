/**
 * The student-health cases: each case, its interventions, follow-ups and action programme, the case history and the
 * team meetings whose agenda named the student. Names of accounts, methods and school units instead of their ids.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { caseHistoryParts } from './case-history.ts';
import { fact, section, type Section } from './document.ts';
import { label, period, swedishDate, text } from './format.ts';
import { closingReasons, caseStatuses, indicators, interventionStatuses, openedFrom, outcomes, tiers, workLevels } from './labels.ts';
import type { ExtractScope } from './scope.ts';

/** The cases section. */
export async function caseSection(scope: ExtractScope): Promise<Section> {
  const { db, tenantId, personId } = scope;
  const cases = await queryRows<{
    id: string;
    unit: string | null;
    status: string;
    level: string;
    reason: string;
    opened_from: string;
    tier_at_opening: number | null;
    flags_at_opening: string[] | null;
    responsible: string | null;
    team: string[] | null;
    opened_on: string;
    opened_by: string | null;
    closed_on: string | null;
    closing_reason: string | null;
    closing_note: string | null;
  }>(
    db,
    sql`
    SELECT c.id::text, o.display_name AS unit, c.status, c.level, c.reason, c.opened_from, c.tier_at_opening,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(c.indicators_at_opening->'flags', '[]'::jsonb))) AS flags_at_opening,
           r.display_name AS responsible,
           (SELECT array_agg(t.display_name ORDER BY t.display_name) FROM accounts t WHERE t.id = ANY(c.team_ids)) AS team,
           c.opened_on::text, ob.display_name AS opened_by, c.closed_on::text, c.closing_reason, c.closing_note
      FROM cases c
      LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.school_unit_id
      LEFT JOIN accounts r ON r.id = c.responsible_id
      LEFT JOIN accounts ob ON ob.id = c.opened_by
     WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = ${personId}::uuid ORDER BY c.opened_on DESC, c.created_at DESC`,
  );
  const interventions = await queryRows<{
    id: string;
    title: string;
    method: string | null;
    goal: string;
    actions: string;
    responsible: string | null;
    start_date: string;
    end_date: string | null;
    status: string;
    evaluation: string | null;
    outcome: string | null;
    case_opened_on: string;
  }>(
    db,
    sql`
    SELECT i.id::text, i.title, k.name_sv AS method, i.goal, i.actions, r.display_name AS responsible, i.start_date::text, i.end_date::text,
           i.status, i.evaluation, i.outcome, c.opened_on::text AS case_opened_on
      FROM case_interventions i
      JOIN cases c ON c.tenant_id = i.tenant_id AND c.id = i.case_id
      LEFT JOIN knowledge_records k ON k.id = i.method_id
      LEFT JOIN accounts r ON r.id = i.responsible_id
     WHERE i.tenant_id = ${tenantId}::uuid AND i.student_id = ${personId}::uuid ORDER BY i.start_date DESC, i.created_at DESC`,
  );
  const followUps = await queryRows<{
    id: string;
    intervention: string | null;
    due_on: string;
    responsible: string | null;
    done_on: string | null;
    done_by: string | null;
    note: string | null;
  }>(
    db,
    sql`
    SELECT f.id::text, i.title AS intervention, f.due_on::text, r.display_name AS responsible, f.done_on::text, d.display_name AS done_by, f.note
      FROM intervention_follow_ups f
      LEFT JOIN case_interventions i ON i.tenant_id = f.tenant_id AND i.id = f.intervention_id
      LEFT JOIN accounts r ON r.id = f.responsible_id
      LEFT JOIN accounts d ON d.id = f.done_by
     WHERE f.tenant_id = ${tenantId}::uuid AND f.student_id = ${personId}::uuid ORDER BY f.due_on, f.created_at`,
  );
  const programmes = await queryRows<{
    case_id: string;
    needs: string;
    student_views: string;
    guardian_views: string;
    decided_on: string;
    decided_by: string;
    evaluation_on: string;
  }>(
    db,
    sql`
    SELECT p.case_id::text, p.needs, p.student_views, p.guardian_views, p.decided_on::text, p.decided_by, p.evaluation_on::text
      FROM action_programmes p WHERE p.tenant_id = ${tenantId}::uuid AND p.student_id = ${personId}::uuid ORDER BY p.decided_on DESC`,
  );

  return section('cases', [
    {
      heading: 'Ärenden',
      empty: 'Inga uppgifter.',
      entries: cases.map((c) => ({
        title: `Ärende öppnat ${swedishDate(c.opened_on)}`,
        facts: [
          fact('Skolenhet', c.unit),
          fact('Status', label(caseStatuses, c.status)),
          fact('Nivå', label(workLevels, c.level)),
          fact('Anledning', c.reason),
          fact('Öppnat av', c.opened_by),
          fact('Öppnat', label(openedFrom, c.opened_from)),
          ...(c.tier_at_opening !== null ? [fact('Stödnivå vid öppnandet', label(tiers, String(c.tier_at_opening)))] : []),
          ...(c.flags_at_opening?.length
            ? [fact('Indikatorer vid öppnandet', c.flags_at_opening.map((f) => label(indicators, f)).join(', '))]
            : []),
          fact('Ansvarig', c.responsible),
          fact('Team', c.team?.join(', ')),
          ...(c.closed_on
            ? [
                fact('Avslutat', swedishDate(c.closed_on)),
                fact('Skäl', label(closingReasons, c.closing_reason)),
                fact('Kommentar', c.closing_note),
              ]
            : []),
        ],
        ids: { caseId: c.id },
      })),
    },
    {
      heading: 'Insatser',
      empty: 'Inga uppgifter.',
      entries: interventions.map((i) => ({
        title: i.title,
        facts: [
          fact('I ärendet öppnat', swedishDate(i.case_opened_on)),
          ...(i.method ? [fact('Metod', i.method)] : []),
          fact('Mål', i.goal),
          fact('Vad som görs och av vem', i.actions),
          fact('Ansvarig', i.responsible),
          fact('Tid', period(i.start_date, i.end_date)),
          fact('Status', label(interventionStatuses, i.status)),
          fact('Utvärdering', i.evaluation),
          fact('Resultat', i.outcome ? label(outcomes, i.outcome) : null),
        ],
        ids: { interventionId: i.id },
      })),
    },
    {
      heading: 'Uppföljningar av insatser',
      empty: 'Inga uppgifter.',
      entries: followUps.map((f) => ({
        title: `${swedishDate(f.due_on)}: ${text(f.intervention)}`,
        facts: [
          fact('Ansvarig', f.responsible),
          fact('Gjord', f.done_on ? `${swedishDate(f.done_on)} av ${text(f.done_by)}` : 'Nej'),
          ...(f.note ? [fact('Iakttagelse', f.note)] : []),
        ],
        ids: { followUpId: f.id },
      })),
    },
    {
      heading: 'Åtgärdsprogram',
      empty: 'Inga uppgifter.',
      entries: programmes.map((p) => ({
        title: `Beslutat ${swedishDate(p.decided_on)} av ${p.decided_by}`,
        facts: [
          fact('Behov av särskilt stöd', p.needs),
          fact('Elevens synpunkter', p.student_views),
          fact('Vårdnadshavarnas synpunkter', p.guardian_views),
          fact('Utvärderas senast', swedishDate(p.evaluation_on)),
        ],
        ids: { caseId: p.case_id },
      })),
    },
    ...(await caseHistoryParts(scope)),
  ]);
}

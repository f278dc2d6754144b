/**
 * Handovers (docs/handovers.md): what this organiser sent or received about the person, found by person id or civic
 * number in the same tenant — the transition, what was handed over, the receipt, the meeting and the follow-up, and
 * the names of the files attached to it (handover_attachments; the files themselves are downloaded from the handover).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { adaptationOutcomeLabels, directionLabels, routeLabels, statusLabels } from '../../../shared/handovers/labels.ts';
import type { HandoverContent } from '../../db/schema/handovers.ts';
import { fact, section, type Section } from './document.ts';
import type { ExtractScope } from './scope.ts';

interface Row extends Record<string, unknown> {
  direction: 'sent' | 'received';
  status: keyof typeof statusLabels;
  route: keyof typeof routeLabels;
  from_unit_name: string;
  to_unit_name: string;
  sent_at: string | null;
  confirmed_at: string | null;
  content: HandoverContent;
  meeting_on: string | null;
  meeting_minutes: string | null;
  meeting_actions: string | null;
  adaptations_continued: keyof typeof adaptationOutcomeLabels | null;
  follow_up_note: string | null;
  attachments: string | null;
}

/** The handovers section. */
export async function handoverSection(scope: ExtractScope): Promise<Section> {
  const rows = await queryRows<Row>(
    scope.db,
    sql`SELECT h.direction, h.status, h.route, h.from_unit_name, h.to_unit_name, h.sent_at::date::text AS sent_at,
               h.confirmed_at::date::text AS confirmed_at, h.content, h.meeting_on::text, h.meeting_minutes, h.meeting_actions,
               h.adaptations_continued, h.follow_up_note,
               (SELECT string_agg(a.file_name || ' (' || ceil(a.size_bytes / 1024.0)::int || ' kB)', ', ' ORDER BY a.created_at)
                  FROM handover_attachments a WHERE a.tenant_id = h.tenant_id AND a.handover_id = h.id) AS attachments
          FROM handovers h
         WHERE h.tenant_id = ${scope.tenantId}::uuid AND (h.student_id = ${scope.personId}::uuid OR h.youth_id = ${scope.personId}::uuid
            OR h.civic_no = (SELECT civic_no FROM persons WHERE tenant_id = ${scope.tenantId}::uuid AND id = ${scope.personId}::uuid))
         ORDER BY h.created_at`,
  );
  return section('handovers', [
    {
      heading: 'Överlämningar mellan skolor',
      empty: 'Inga överlämningar.',
      entries: rows.map((r) => ({
        title: `${directionLabels[r.direction].sv}: ${r.from_unit_name} → ${r.to_unit_name}`,
        facts: [
          fact('Övergång', routeLabels[r.route].sv),
          fact('Läge', statusLabels[r.status].sv),
          fact('Skickad', r.sent_at),
          fact('Mottagandet bekräftat', r.confirmed_at),
          fact('Styrkor och intressen', r.content.strengths),
          fact('Extra anpassningar', r.content.adaptations),
          fact('Särskilt stöd', r.content.specialSupport),
          fact('Kunskapsutveckling och resultat', r.content.knowledge),
          fact('Påbörjade men inte avslutade kurser', r.content.unfinishedCourses),
          fact('Språk', r.content.language),
          fact('Kontakter eleven och vårdnadshavarna vill föra vidare', r.content.contacts),
          fact('Vad eleven och vårdnadshavarna fått veta', r.content.informed),
          fact('Samtycke till uppgifter utöver de pedagogiska', r.content.consentBeyondPedagogical ? 'Ja' : 'Nej'),
          fact('Övergångsmöte', r.meeting_on),
          fact('Anteckningar från mötet', r.meeting_minutes),
          fact('Vad den mottagande skolan gör', r.meeting_actions),
          fact('Fortsatte anpassningarna?', r.adaptations_continued ? adaptationOutcomeLabels[r.adaptations_continued].sv : null),
          fact('Uppföljning', r.follow_up_note),
          fact('Bifogade filer (hämtas i överlämningen)', r.attachments),
        ],
      })),
    },
  ]);
}

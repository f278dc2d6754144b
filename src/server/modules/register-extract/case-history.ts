/**
 * A case's history (every change, who made it and when, with what changed in words: ids become names, codes labels,
 * dates Swedish dates) and the student-health team meetings whose agenda named the student.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, type Part } from './document.ts';
import { label, swedishDate, swedishDateTime, text } from './format.ts';
import {
  caseEventKinds,
  caseFieldNames,
  caseStatuses,
  closingReasons,
  indicators,
  interventionStatuses,
  openedFrom,
  outcomes,
  tiers,
  workLevels,
} from './labels.ts';
import type { ExtractScope } from './scope.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Labels for the coded fields; `status` depends on whether the event is about the case or an intervention. */
const codedFields = (kind: string): Record<string, Record<string, string>> => ({
  status: kind.startsWith('intervention') ? interventionStatuses : caseStatuses,
  level: workLevels,
  openedFrom,
  closingReason: closingReasons,
  outcome: outcomes,
  tierAtOpening: tiers,
});

/** One changed value in words; an id that names nothing known prints as 'okänd'. */
function valueText(kind: string, field: string, value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.map((v) => valueText(kind, field, v, names)).join(', ') || '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'object') {
    const flags = (value as { flags?: unknown }).flags;
    return Array.isArray(flags) ? flags.map((f) => label(indicators, String(f))).join(', ') || 'Inga' : '–';
  }
  const s = String(value);
  const coded = codedFields(kind)[field];
  if (coded) return label(coded, s);
  if (uuidPattern.test(s)) return names.get(s.toLowerCase()) ?? 'okänd';
  if (datePattern.test(s)) return swedishDate(s);
  return s;
}

/** The ids named in events' changes, resolved to account names, method names and intervention titles. */
async function namesOf(scope: ExtractScope, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const list = `{${[...new Set(ids)].join(',')}}`;
  const rows = await queryRows<{ id: string; name: string }>(
    scope.db,
    sql`
    SELECT id::text, display_name AS name FROM accounts WHERE id = ANY(${list}::uuid[])
    UNION ALL SELECT id::text, name_sv FROM knowledge_records WHERE id = ANY(${list}::uuid[])
    UNION ALL SELECT id::text, title FROM case_interventions WHERE tenant_id = ${scope.tenantId}::uuid AND id = ANY(${list}::uuid[])
    UNION ALL SELECT id::text, display_name FROM organisations WHERE tenant_id = ${scope.tenantId}::uuid AND id = ANY(${list}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id.toLowerCase(), r.name]));
}

/** The case-history and team-meeting parts of the cases section. */
export async function caseHistoryParts(scope: ExtractScope): Promise<Part[]> {
  const { db, tenantId, personId } = scope;
  const events = await queryRows<{ id: string; at: string; by: string | null; kind: string; changes: Record<string, [unknown, unknown]> }>(
    db,
    sql`
    SELECT e.id::text, to_char(e.at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS at, a.display_name AS by, e.kind, e.changes
      FROM case_events e LEFT JOIN accounts a ON a.id = e.account_id
     WHERE e.tenant_id = ${tenantId}::uuid AND e.student_id = ${personId}::uuid ORDER BY e.at, e.id`,
  );
  const ids = events.flatMap(
    (e) => JSON.stringify(e.changes).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [],
  );
  const names = await namesOf(scope, ids);
  const meetings = await queryRows<{ id: string; held_on: string; unit: string | null; status: string }>(
    db,
    sql`
    SELECT m.id::text, m.held_on::text, o.display_name AS unit, m.status
      FROM team_meetings m LEFT JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.school_unit_id
     WHERE m.tenant_id = ${tenantId}::uuid
       AND jsonb_path_exists(m.agenda, '$.*[*] ? (@.studentId == $id)', jsonb_build_object('id', ${personId}::text))
     ORDER BY m.held_on DESC`,
  );
  return [
    {
      heading: 'Ärendenas historik',
      empty: 'Inga uppgifter.',
      entries: events.map((e) => ({
        title: `${swedishDateTime(e.at)}: ${label(caseEventKinds, e.kind)}`,
        facts: [
          fact('Av', text(e.by)),
          ...Object.entries(e.changes).map(([field, [before, after]]) =>
            fact(
              caseFieldNames[field] ? caseFieldNames[field].replace(/^./, (c) => c.toUpperCase()) : 'Annan uppgift',
              before === null || before === undefined
                ? valueText(e.kind, field, after, names)
                : `från ${valueText(e.kind, field, before, names)} till ${valueText(e.kind, field, after, names)}`,
            ),
          ),
        ],
        ids: { eventId: e.id },
      })),
    },
    {
      heading: 'Elevhälsomöten där du fanns på dagordningen',
      empty: 'Inga uppgifter.',
      entries: meetings.map((m) => ({
        title: `${swedishDate(m.held_on)}, ${text(m.unit)}`,
        facts: [fact('Mötet', m.status === 'held' ? 'Hållet' : 'Planerat')],
        ids: { meetingId: m.id },
      })),
    },
  ];
}

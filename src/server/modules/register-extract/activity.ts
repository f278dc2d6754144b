/**
 * What the person did in Fullfölj under their own accounts (knowledge-bank proposals and comments), who read the
 * person's data and when (the access log, denials shown as denials), and the secrecy review's summary.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, section, type Section } from './document.ts';
import { label, swedishDateTime, text } from './format.ts';
import { actionLabel, outcomeLabels, revisionStatuses, roleLabel } from './labels.ts';
import { reasonCategoryLabels, secrecyCounts } from './secrecy.ts';
import type { ExtractScope } from './scope.ts';

const accountList = (scope: ExtractScope) => `{${scope.accountIds.join(',')}}`;

/** Knowledge-bank proposals and review comments written under the person's accounts. */
export async function knowledgeBankSection(scope: ExtractScope): Promise<Section> {
  const revisions = await queryRows<{
    id: string;
    name: string | null;
    status: string;
    submitted_at: string;
    reviewed_at: string | null;
    reason: string | null;
  }>(
    scope.db,
    sql`
    SELECT r.id::text, coalesce(r.content->>'nameSv', k.name_sv) AS name, r.status,
           to_char(r.submitted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS submitted_at,
           to_char(r.reviewed_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS reviewed_at, r.decision_reason AS reason
      FROM knowledge_revisions r LEFT JOIN knowledge_records k ON k.id = r.record_id
     WHERE r.submitted_by = ANY(${accountList(scope)}::uuid[]) ORDER BY r.submitted_at`,
  );
  const comments = await queryRows<{ id: string; body: string; created_at: string }>(
    scope.db,
    sql`
    SELECT c.id::text, c.body, to_char(c.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS created_at
      FROM knowledge_comments c WHERE c.author_id = ANY(${accountList(scope)}::uuid[]) ORDER BY c.created_at`,
  );
  return section('knowledge-bank', [
    {
      heading: 'Förslag till kunskapsbanken',
      empty: 'Inga uppgifter.',
      entries: revisions.map((r) => ({
        title: text(r.name),
        facts: [
          fact('Inskickat', swedishDateTime(r.submitted_at)),
          fact('Status', label(revisionStatuses, r.status)),
          ...(r.reviewed_at ? [fact('Granskat', swedishDateTime(r.reviewed_at))] : []),
          ...(r.reason ? [fact('Motivering', r.reason)] : []),
        ],
        ids: { revisionId: r.id },
      })),
    },
    {
      heading: 'Kommentarer i granskningen',
      empty: 'Inga uppgifter.',
      entries: comments.map((c) => ({
        title: swedishDateTime(c.created_at),
        facts: [fact('Kommentar', c.body)],
        ids: { commentId: c.id },
      })),
    },
  ]);
}

/** Who read (or was refused) the person's data, when, in which role, what and why. */
export async function accessLogSection(scope: ExtractScope): Promise<Section> {
  const rows = await queryRows<{
    id: string;
    at: string;
    name: string | null;
    role: string | null;
    action: string;
    purpose: string;
    outcome: string;
  }>(
    scope.db,
    sql`
    SELECT l.id::text, to_char(l.at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS at, a.display_name AS name, l.role, l.action, l.purpose, l.outcome
      FROM access_log l LEFT JOIN accounts a ON a.id = l.account_id
     WHERE l.tenant_id = ${scope.tenantId}::uuid AND l.subject_ids @> ARRAY[${scope.personId}::uuid]
     ORDER BY l.at, l.id`,
  );
  return section(
    'access-log',
    [
      {
        heading: 'Läsningar och nekade försök',
        empty: 'Inga uppgifter.',
        entries: rows.map((r) => ({
          title: `${swedishDateTime(r.at)}: ${label(outcomeLabels, r.outcome)}`,
          facts: [
            fact('Vem', r.name ?? 'Okänd användare'),
            fact('I rollen', r.role ? r.role.split(',').map(roleLabel).join(', ') : null),
            fact('Vad', actionLabel(r.action)),
            fact('Ändamål', r.purpose),
          ],
          ids: { accessLogId: r.id },
        })),
      },
    ],
    'Varje gång någon har läst eller försökt läsa dina uppgifter i Fullfölj. Nekad åtkomst betyder att försöket stoppades och att inga uppgifter visades.',
  );
}

/** The secrecy review's summary: how many items are under secrecy, released, withheld (and why), and awaiting review. */
export function secrecySection(scope: ExtractScope): Section {
  const counts = secrecyCounts(scope.secretItems);
  const withheld = scope.secretItems.filter((i) => i.state === 'withheld');
  const categories = [...new Set(withheld.map((i) => i.decision?.reasonCategory).filter((c) => !!c))];
  return section(
    'secrecy',
    [
      {
        heading: 'Uppgifter som omfattas av sekretess',
        empty: 'Inga uppgifter.',
        entries: scope.secretItems.length
          ? [
              {
                facts: [
                  fact('Antal', scope.secretItems.length),
                  fact('Utlämnade efter prövning', counts.released),
                  fact('Inte utlämnade', counts.withheld),
                  fact('Väntar på prövning', counts.pending),
                  ...(categories.length
                    ? [fact('Skäl till att uppgifter inte lämnats ut', categories.map((c) => reasonCategoryLabels[c!]).join('; '))]
                    : []),
                ],
              },
            ]
          : [],
      },
    ],
    'Uppgifter om elevhälsa och adress- och kontaktuppgifter för den som har skyddade personuppgifter lämnas bara ut efter dataskyddsombudets sekretessprövning.',
  );
}

/**
 * Notes in the student's cases. An ordinary note is printed with its text; a sensitive note is under secrecy: the data
 * protection officer sees it once released (or a stand-in), anyone else only how many there are.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { fact, section, type Section } from './document.ts';
import { swedishDateTime, text } from './format.ts';
import { secrecyNotice, secretEntries, type ExtractScope } from './scope.ts';

/** The notes section. */
export async function noteSection(scope: ExtractScope): Promise<Section> {
  const notes = await queryRows<{ id: string; body: string; created: string; author: string | null }>(
    scope.db,
    sql`
    SELECT n.id::text, n.body, to_char(n.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS created, a.display_name AS author
      FROM case_notes n LEFT JOIN accounts a ON a.id = n.author_id
     WHERE n.tenant_id = ${scope.tenantId}::uuid AND n.student_id = ${scope.personId}::uuid AND NOT n.sensitive
     ORDER BY n.created_at, n.id`,
  );
  const notice = secrecyNotice(scope, 'sensitive-note', 'Känsliga anteckningar');
  return section('notes', [
    {
      heading: 'Anteckningar i elevhälsoärenden',
      empty: 'Inga uppgifter.',
      entries: notes.map((n) => ({
        title: `${swedishDateTime(n.created)}, skriven av ${text(n.author)}`,
        facts: [fact('Anteckning', n.body)],
        ids: { noteId: n.id },
      })),
    },
    ...(scope.reviewer
      ? [{ heading: 'Känsliga anteckningar (sekretessprövade)', entries: secretEntries(scope, 'sensitive-note'), empty: 'Inga uppgifter.' }]
      : notice
        ? [notice]
        : []),
  ]);
}

/** Knowledge-bank activity for the region's municipalities: examples published, updated, and reviews due (12 months). */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { both } from '../grid.ts';
import type { SectionProvider } from './section.ts';

export const knowledgeSection: SectionProvider = {
  key: 'knowledge-bank',
  title: both('Kunskapsbanken', 'The knowledge bank'),
  async build(scope) {
    const codes = scope.municipalities.map((m) => m.code);
    if (codes.length === 0) return { tables: [] };
    const list = sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    );
    // Public records, no personal data: the counts are not suppressed.
    const [row] = await queryRows<{ added: number; updated: number; due: number }>(
      scope.db,
      sql`
      SELECT count(*) FILTER (WHERE coalesce(published_at, created_at)::date BETWEEN ${scope.from}::date AND ${scope.to}::date)::int AS added,
             count(*) FILTER (WHERE updated_at::date BETWEEN ${scope.from}::date AND ${scope.to}::date
                               AND coalesce(published_at, created_at)::date < ${scope.from}::date)::int AS updated,
             count(*) FILTER (WHERE coalesce(last_reviewed_on, published_at::date, created_at::date) + interval '12 months' <= ${scope.to}::date)::int AS due
        FROM knowledge_records
       WHERE status = 'published' AND municipality_codes && ARRAY[${list}]::char(4)[]
         AND created_at::date <= ${scope.to}::date`,
    );
    const n = (value: number) => ({ value, suppressed: null });
    return {
      tables: [
        {
          caption: both('Exempel och metoder från regionens kommuner', "Examples and methods from the region's municipalities"),
          columns: [both('Antal', 'Number')],
          rows: [
            { label: both('Nya under månaden', 'New in the month'), total: false, cells: [n(row?.added ?? 0)] },
            { label: both('Uppdaterade under månaden', 'Updated in the month'), total: false, cells: [n(row?.updated ?? 0)] },
            {
              label: both('Att granska (senast granskade för över 12 månader sedan)', 'Due for review (last reviewed over 12 months ago)'),
              total: false,
              cells: [n(row?.due ?? 0)],
            },
          ],
        },
      ],
    };
  },
};

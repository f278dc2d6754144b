/**
 * Records due for review: published records whose last review (or, never reviewed, their publication) lies twelve
 * months or more before `today`. The editors' review queue lists them, and `fullfolj knowledge review-reminders`
 * prints them for a scheduled job.
 */
import { format, parseISO, subMonths } from 'date-fns';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

/** How long a published record may go without an editor's review. */
export const reviewIntervalMonths = 12;

export interface DueRecord {
  id: string;
  slug: string;
  kind: 'example' | 'method';
  nameSv: string;
  /** The last review, null when never reviewed. */
  lastReviewedOn: string | null;
  /** The date the interval is counted from: the last review, else the publication date. */
  reviewedOrPublishedOn: string;
  /** The date it became due. */
  dueOn: string;
}

/** The first day a record reviewed on `from` is due again. */
export function dueDate(from: string, months = reviewIntervalMonths): string {
  return format(subMonths(parseISO(from), -months), 'yyyy-MM-dd');
}

/** Published records not reviewed for `months` months on `today` (YYYY-MM-DD), the longest overdue first. */
export async function recordsDueForReview(db: DbOrTx, today: string, months = reviewIntervalMonths): Promise<DueRecord[]> {
  const cutoff = format(subMonths(parseISO(today), months), 'yyyy-MM-dd');
  const rows = await queryRows<{ id: string; slug: string; kind: 'example' | 'method'; name_sv: string; last_reviewed_on: string | null; since: string }>(db, sql`
    SELECT id, slug, kind, name_sv, last_reviewed_on::text AS last_reviewed_on, since::text AS since
      FROM (SELECT *, coalesce(last_reviewed_on, (published_at AT TIME ZONE 'Europe/Stockholm')::date, (created_at AT TIME ZONE 'Europe/Stockholm')::date) AS since
              FROM knowledge_records WHERE status = 'published') r
     WHERE since <= ${cutoff}::date
     ORDER BY since, name_sv, id`);
  return rows.map((r) => ({
    id: r.id, slug: r.slug, kind: r.kind, nameSv: r.name_sv, lastReviewedOn: r.last_reviewed_on, reviewedOrPublishedOn: r.since, dueOn: dueDate(r.since, months),
  }));
}

/**
 * Records due for review: published records an editor last reviewed twelve months or more before `today`, and those no
 * editor has reviewed yet (`last_reviewed_on` null: seeded or migrated records), which come first. The editors' review
 * queue lists them, and `fullfolj knowledge review-reminders` prints them for a scheduled job.
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
  /** Empty when the record has no English name. */
  nameEn: string;
  /** The last review; null when no editor has reviewed it. */
  lastReviewedOn: string | null;
  /** The day it became due: twelve months after the last review, or (never reviewed) its publication date. */
  dueOn: string;
}

/** The day a record reviewed on `reviewedOn` is due again. */
export function dueDate(reviewedOn: string, months = reviewIntervalMonths): string {
  return format(subMonths(parseISO(reviewedOn), -months), 'yyyy-MM-dd');
}

/** Published records due for review on `today` (YYYY-MM-DD): never reviewed first, then the longest overdue. */
export async function recordsDueForReview(db: DbOrTx, today: string, months = reviewIntervalMonths): Promise<DueRecord[]> {
  const cutoff = format(subMonths(parseISO(today), months), 'yyyy-MM-dd');
  const rows = await queryRows<{
    id: string;
    slug: string;
    kind: 'example' | 'method';
    name_sv: string;
    name_en: string;
    last_reviewed_on: string | null;
    published_on: string;
  }>(
    db,
    sql`
    SELECT id, slug, kind, name_sv, name_en, last_reviewed_on::text AS last_reviewed_on,
           (coalesce(published_at, created_at) AT TIME ZONE 'Europe/Stockholm')::date::text AS published_on
      FROM knowledge_records
     WHERE status = 'published' AND (last_reviewed_on IS NULL OR last_reviewed_on <= ${cutoff}::date)
     ORDER BY last_reviewed_on NULLS FIRST, name_sv, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    lastReviewedOn: r.last_reviewed_on,
    dueOn: r.last_reviewed_on ? dueDate(r.last_reviewed_on, months) : r.published_on,
  }));
}

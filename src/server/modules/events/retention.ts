/**
 * The sign-ups' retention rule (docs/region-network.md): a set number of days after an event ends (30 by default,
 * `fullfolj events prune --days`), each sign-up's name, e-mail address and written organisation are deleted; the
 * platform organiser it named and the role stay, so the participation counts survive.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export const defaultRetentionDays = 30;

/** Deletes the personal data of sign-ups to events that ended more than `days` days before `now`; returns how many. */
export async function pruneSignups(db: DbOrTx, now: Date, days = defaultRetentionDays): Promise<{ anonymised: number; before: string }> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE event_signups s SET name = NULL, email = NULL, organisation = NULL, anonymised_at = ${now.toISOString()}::timestamptz
          FROM network_events e
         WHERE e.region_id = s.region_id AND e.id = s.event_id AND e.ends_at < ${before}::timestamptz AND s.anonymised_at IS NULL
        RETURNING s.id`,
  );
  return { anonymised: rows.length, before };
}

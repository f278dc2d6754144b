/**
 * Participation in a region's events held in a period (the monthly report's section and the competence-development
 * figures an ESF report asks for): events held (not cancelled, ended in the period) and their sign-ups per organiser
 * and role. The organiser is the platform's when the sign-up named one, else the organisation as written, and
 * "Övriga" once the retention rule has deleted it. Counts of adult participants at open events, no student data:
 * not suppressed.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { Participation } from '../../../shared/events/contract.ts';
import type { ParticipantRole } from '../../../shared/events/vocabulary.ts';

/** Events held in [from, to) (ISO timestamps or dates) and their participants per organiser and role. */
export async function participationIn(db: DbOrTx, regionId: string | null, from: string, to: string): Promise<Participation> {
  const held = sql`e.cancelled = false AND e.ends_at >= ${from}::timestamptz AND e.ends_at < ${to}::timestamptz
                   AND (${regionId}::uuid IS NULL OR e.region_id = ${regionId}::uuid)`;
  const [events] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM network_events e WHERE ${held}`);
  const rows = await queryRows<{ organiser: string; role: ParticipantRole; n: number }>(
    db,
    sql`SELECT coalesce(o.name, s.organisation, 'Övriga') AS organiser, s.role, count(*)::int AS n
          FROM event_signups s
          JOIN network_events e ON e.region_id = s.region_id AND e.id = s.event_id
          LEFT JOIN organisers o ON o.id = s.organiser_id
         WHERE ${held}
         GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return {
    events: events?.n ?? 0,
    participants: rows.reduce((s, r) => s + r.n, 0),
    byOrganiser: rows.map((r) => ({ organiser: r.organiser, role: r.role, participants: r.n })),
  };
}

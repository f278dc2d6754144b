/**
 * Participation in a region's events held in a period (the monthly report's section and the competence-development
 * figures an ESF report asks for): events held (not cancelled, ended in the period) and, per organiser and role, their
 * sign-ups, of them marked as attended, and those whose attendance nobody marked. The organiser is the platform's when
 * the sign-up named one, else the organisation as written (or, for the report, "Övriga organisationer", so a month's
 * figures read the same after the retention rule has deleted the written name), and "Övriga" once the retention rule
 * has deleted it. The rule keeps role, organiser and attendance, so the counts survive it. Counts of adult
 * participants at open events, no student data: not suppressed.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { Participation } from '../../../shared/events/contract.ts';
import type { ParticipantRole } from '../../../shared/events/vocabulary.ts';

/** The report's name for participants from an organisation that is not one of the platform's. */
export const otherOrganisations = 'Övriga organisationer';

export interface ParticipationOptions {
  /** Name only the platform's organisers; every written organisation is counted as `otherOrganisations`. */
  platformOrganisersOnly?: boolean;
}

/** Events held in [from, to) (ISO timestamps or dates) and their participants per organiser and role. */
export async function participationIn(
  db: DbOrTx,
  regionId: string | null,
  from: string,
  to: string,
  options: ParticipationOptions = {},
): Promise<Participation> {
  const held = sql`e.cancelled = false AND e.ends_at >= ${from}::timestamptz AND e.ends_at < ${to}::timestamptz
                   AND (${regionId}::uuid IS NULL OR e.region_id = ${regionId}::uuid)`;
  const [events] = await queryRows<{ n: number; marked: number }>(
    db,
    sql`SELECT count(*)::int AS n,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM event_signups s
                                               WHERE s.region_id = e.region_id AND s.event_id = e.id AND s.attended IS NOT NULL))::int AS marked
          FROM network_events e WHERE ${held}`,
  );
  const organiser = options.platformOrganisersOnly
    ? sql`coalesce(o.name, ${otherOrganisations})`
    : sql`coalesce(o.name, s.organisation, 'Övriga')`;
  const rows = await queryRows<{ organiser: string; role: ParticipantRole; n: number; attended: number; unmarked: number }>(
    db,
    sql`SELECT ${organiser} AS organiser, s.role, count(*)::int AS n,
               count(*) FILTER (WHERE s.attended)::int AS attended,
               count(*) FILTER (WHERE s.attended IS NULL)::int AS unmarked
          FROM event_signups s
          JOIN network_events e ON e.region_id = s.region_id AND e.id = s.event_id
          LEFT JOIN organisers o ON o.id = s.organiser_id
         WHERE ${held}
         GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    events: events?.n ?? 0,
    eventsMarked: events?.marked ?? 0,
    participants: sum((r) => r.n),
    attended: sum((r) => r.attended),
    unmarked: sum((r) => r.unmarked),
    byOrganiser: rows.map((r) => ({ organiser: r.organiser, role: r.role, participants: r.n, attended: r.attended, unmarked: r.unmarked })),
  };
}

/**
 * The comparison pool's statement as it was before effect-pool.ts: each of the pool's windows (two per student and
 * start date) joined to that student's lessons and monthly sums by date range. Kept only as the oracle of the tests
 * (effect-pool.test.ts), as follow-up keeps starters.ts; no route uses it. Who is in the pool is the same definition
 * (`poolCtes`); what the oracle checks is the windows' sums.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { AFTER_FROM_DAY, AFTER_TO_DAY, BEFORE_DAYS, type Observation, type WindowSums } from './effect.ts';
import { poolCtes } from './effect-pool.ts';

interface PoolRow extends Record<string, unknown> {
  start_date: string;
  school_type: string;
  student_id: string;
  which: string;
  reported: number;
  absent: number;
  invalid: number;
}

/** The pool's observations per key, by one range look-up per window. */
export async function poolObservationsByWindow(
  db: DbOrTx,
  tenantId: string,
  keys: readonly string[],
  unitList: string | null,
): Promise<Map<string, Observation[]>> {
  if (keys.length === 0) return new Map();
  const dates = keys.map((k) => k.split('|')[0]!);
  const types = keys.map((k) => k.split('|')[1]!);
  const rows = await queryRows<PoolRow>(
    db,
    sql`
    with ${poolCtes(tenantId, dates, types, unitList)},
    w as materialized (
      select start_date, school_type, student_id, 'b' as which, start_date - ${BEFORE_DAYS}::int as f, start_date - 1 as t from pool
      union all
      select start_date, school_type, student_id, 'a', start_date + ${AFTER_FROM_DAY}::int, start_date + ${AFTER_TO_DAY}::int from pool
    ),
    facts as (
      select w.start_date, w.school_type, w.student_id, w.which,
        (a.attendance_minutes + a.valid_absence_minutes + a.invalid_absence_minutes)::float8 as reported,
        (a.valid_absence_minutes + a.invalid_absence_minutes)::float8 as absent, a.invalid_absence_minutes::float8 as invalid, 1.0::float8 as share
      from w join attendances a on a.tenant_id = ${tenantId}::uuid and a.student_id = w.student_id and a.is_reported
        and a.lesson_date between w.f and w.t
      union all
      select w.start_date, w.school_type, w.student_id, w.which,
        g.reported_sum::float8, (g.valid_absence_sum + g.invalid_absence_sum)::float8, g.invalid_absence_sum::float8,
        greatest(0, least(g.end_date, w.t) - greatest(g.start_date, w.f) + 1)::float8 / (g.end_date - g.start_date + 1)
      from w join aggregated_attendances g on g.tenant_id = ${tenantId}::uuid and g.student_id = w.student_id
        and g.end_date >= w.f and g.start_date <= w.t and g.reported_sum > 0
    )
    select start_date::text as start_date, school_type, student_id, which,
      sum(reported * share)::float8 as reported, sum(absent * share)::float8 as absent, sum(invalid * share)::float8 as invalid
    from facts group by start_date, school_type, student_id, which
    order by start_date, school_type, student_id`,
  );
  const out = new Map<string, Observation[]>();
  const empty = (): WindowSums => ({ reported: 0, absent: 0, invalid: 0 });
  const index = new Map<string, Observation>();
  for (const r of rows) {
    const key = `${r.start_date}|${r.school_type}`;
    let obs = index.get(`${key}|${r.student_id}`);
    if (!obs) {
      obs = { studentId: r.student_id, before: empty(), after: empty() };
      index.set(`${key}|${r.student_id}`, obs);
      const list = out.get(key);
      if (list) list.push(obs);
      else out.set(key, [obs]);
    }
    obs[r.which === 'b' ? 'before' : 'after'] = { reported: Number(r.reported), absent: Number(r.absent), invalid: Number(r.invalid) };
  }
  return out;
}

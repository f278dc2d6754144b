/**
 * The target group as one SQL query per municipality: the facts facts.ts gathers and the six criteria, the reasons and
 * the periods' dates criteria.ts states, evaluated by the database for every person of the population file at once
 * (set-based, no row crosses the wire). criteria.ts stays the readable rule book with its legal sources;
 * target-group-sql.test.ts holds this query to it person by person. `evaluation` is a chain of CTEs ending in
 * `evaluated` (one row per population person), which refresh.ts extends with the register as it stands to read what to write.
 *
 * Array order in criteria.ts ("the first certificate that …") is an explicit order here (`rank, ord_date, ord_id, ord`):
 * own rows first (by date, then id), then the notices in the order they were received, then the officers' completion
 * records. `evaluated` is not materialized: the criteria's JSON is built only for the rows a caller keeps.
 */
import { sql, type SQL } from 'drizzle-orm';

/** Certificate kinds by the criterion they take a young person out of the group under (criteria.ts's sets). */
const certificateClass = sql`CASE
  WHEN c.kind = 'gymnasieexamen' THEN 'diploma'
  WHEN c.kind = 'gymnasiesarskolebevis' THEN 'special'
  WHEN c.kind IN ('ib-diploma', 'foreign-diploma', 'folkhogskola-eligibility', 'other-equivalent') THEN 'equivalent'
  WHEN c.kind = 'slutbetyg-grundskola' THEN 'leaving'
  WHEN c.kind = 'studiebevis' THEN 'studiebevis' END`;

/** One criterion's evidence as criteria.ts's `evidence()` builds it. */
const evidence = (criterion: string, prefix: string) =>
  sql.raw(`jsonb_build_object('criterion', '${criterion}', 'holds', ${prefix}_holds, 'source', ${prefix}_source,
    'date', ${prefix}_date::text, 'organiserName', ${prefix}_org)`);

/**
 * The CTEs up to `evaluated`: per person of `tenantId`'s population file (none when the tenant is not a municipal
 * organiser) the criteria as stored (`criteria`), `in_group_by_rules` (before an officer's registration or
 * deregistration by hand), the reasons and the dates a period would open (`entered_on`, less the previous period's
 * end, see refresh.ts) and close (`left_on_by_rules`).
 */
export function evaluation(tenantId: string, asOf: string): SQL {
  const t = sql`${tenantId}::uuid`;
  const day = sql`${asOf}::date`;
  return sql`
  muni AS (SELECT o.municipality_code AS code FROM organisers o WHERE o.id = ${t} AND o.kind = 'municipal'),
  pop AS MATERIALIZED (
    SELECT k.civic_no, k.birth_date, k.municipality_code, k.status,
           k.registered_in_sweden_on AS rsw, k.registered_in_municipality_on AS rim,
           make_date(extract(year FROM k.birth_date)::int + 16, 6, 30) AS compulsory_ends
      FROM kaa_population k
     WHERE k.tenant_id = ${t} AND EXISTS (SELECT 1 FROM muni)),
  own_people AS MATERIALIZED (
    SELECT k.civic_no, p.id AS person_id FROM pop k JOIN persons p ON p.tenant_id = ${t} AND p.civic_no = k.civic_no),
  notice_events AS MATERIALIZED (
    SELECT n.civic_no, n.kind, n.reason, n.programme_code, n.event_date, n.counterpart_name,
           lag(n.kind) OVER w AS previous_kind, lead(n.kind) OVER w AS next_kind, lead(n.event_date) OVER w AS next_date,
           row_number() OVER (PARTITION BY n.civic_no ORDER BY n.event_date, n.kind DESC, n.id) AS seq
      FROM kaa_notices n
     WHERE n.tenant_id = ${t} AND n.direction = 'received' AND n.kind IN ('start', 'end') AND n.status <> 'withdrawn'
       AND n.civic_no IN (SELECT civic_no FROM pop)
    WINDOW w AS (PARTITION BY n.civic_no, n.school_unit_name ORDER BY n.event_date, n.kind DESC, n.id)),
  enrolment_facts AS MATERIALIZED (
    SELECT o.civic_no, 'own-enrolments' AS source, e.programme_code, e.start_date, e.end_date, NULL::text AS org,
           0 AS rank, e.start_date AS ord_date, e.person_id AS ord_id, e.ordinal::bigint AS ord
      FROM own_people o JOIN enrolments e ON e.tenant_id = ${t} AND e.person_id = o.person_id
     WHERE e.school_type IN ('GY', 'GYS') AND NOT e.cancelled
    UNION ALL
    -- A start opens an enrolment at that school unit, the next event there, an end, closes it.
    SELECT civic_no, 'notice-received', programme_code, event_date, CASE WHEN next_kind = 'end' THEN next_date END,
           counterpart_name, 1, NULL::date, NULL::uuid, seq
      FROM notice_events WHERE kind = 'start'
    UNION ALL
    -- An end with no start before it: an enrolment of that one day.
    SELECT civic_no, 'notice-received', programme_code, event_date, event_date, counterpart_name, 1, NULL::date, NULL::uuid, seq
      FROM notice_events WHERE kind = 'end' AND previous_kind IS DISTINCT FROM 'start'),
  current_enrolment AS (
    SELECT DISTINCT ON (civic_no) * FROM enrolment_facts
     WHERE start_date <= ${day} AND (end_date IS NULL OR end_date >= ${day}) ORDER BY civic_no, rank, ord_date, ord_id, ord),
  ended_enrolment AS (
    SELECT DISTINCT ON (civic_no) * FROM enrolment_facts WHERE end_date < ${day} ORDER BY civic_no, end_date DESC, rank, ord_date, ord_id, ord),
  certificate_facts AS MATERIALIZED (
    SELECT o.civic_no, 'own-certificates' AS source, c.kind, c.issued_date AS date, NULL::text AS org,
           0 AS rank, c.issued_date AS ord_date, c.id AS ord_id, 0::bigint AS ord
      FROM own_people o JOIN certificates c ON c.tenant_id = ${t} AND c.student_id = o.person_id
    UNION ALL
    -- An end notice "completed" is a diploma, "studiebevis" a studiebevis.
    SELECT civic_no, 'notice-received', CASE WHEN reason = 'completed' THEN 'gymnasieexamen' ELSE 'studiebevis' END,
           event_date, counterpart_name, 1, NULL::date, NULL::uuid, seq
      FROM notice_events WHERE kind = 'end' AND reason IN ('completed', 'studiebevis')
    UNION ALL
    SELECT y.civic_no, 'completion-record', c.kind, c.completed_on, NULL::text, 2, c.completed_on, c.id, 0
      FROM kaa_completions c JOIN kaa_youth y ON y.tenant_id = ${t} AND y.id = c.youth_id
     WHERE c.tenant_id = ${t} AND y.civic_no IN (SELECT civic_no FROM pop)),
  first_certificate AS (
    SELECT DISTINCT ON (civic_no, class) civic_no, class, source, date, org
      FROM (SELECT c.*, ${certificateClass} AS class FROM certificate_facts c WHERE c.date <= ${day}) c
     WHERE class IS NOT NULL ORDER BY civic_no, class, rank, ord_date, ord_id, ord),
  own_certificate AS (SELECT DISTINCT civic_no FROM certificate_facts WHERE source = 'own-certificates'),
  dismissed AS (
    SELECT DISTINCT y.civic_no FROM kaa_dismissals d JOIN kaa_youth y ON y.tenant_id = ${t} AND y.id = d.youth_id
     WHERE d.tenant_id = ${t} AND d.revoked_at IS NULL),
  facts AS (
    SELECT k.*, (SELECT code FROM muni) AS home,
           (extract(year FROM ${day})::int - extract(year FROM k.birth_date)::int
             - CASE WHEN to_char(${day}, 'MMDD') < to_char(k.birth_date, 'MMDD') THEN 1 ELSE 0 END) AS age,
           ce.source AS cur_source, ce.start_date AS cur_start, ce.org AS cur_org, ce.programme_code AS cur_programme,
           ee.source AS ended_source, ee.end_date AS ended_end, ee.org AS ended_org, ee.programme_code AS ended_programme,
           lv.source AS leaving_source, lv.date AS leaving_date, lv.org AS leaving_org,
           dp.source AS diploma_source, dp.date AS diploma_date, dp.org AS diploma_org,
           sp.source AS special_source, sp.date AS special_date, sp.org AS special_org,
           eq.source AS equivalent_source, eq.date AS equivalent_date, eq.org AS equivalent_org,
           sb.civic_no IS NOT NULL AS studiebevis,
           CASE WHEN oc.civic_no IS NULL THEN 'population-file' ELSE 'own-certificates' END AS certificate_absent_source,
           ds.civic_no IS NOT NULL AS dismissed
      FROM pop k
      LEFT JOIN current_enrolment ce ON ce.civic_no = k.civic_no
      LEFT JOIN ended_enrolment ee ON ee.civic_no = k.civic_no
      LEFT JOIN first_certificate lv ON lv.civic_no = k.civic_no AND lv.class = 'leaving'
      LEFT JOIN first_certificate dp ON dp.civic_no = k.civic_no AND dp.class = 'diploma'
      LEFT JOIN first_certificate sp ON sp.civic_no = k.civic_no AND sp.class = 'special'
      LEFT JOIN first_certificate eq ON eq.civic_no = k.civic_no AND eq.class = 'equivalent'
      LEFT JOIN first_certificate sb ON sb.civic_no = k.civic_no AND sb.class = 'studiebevis'
      LEFT JOIN own_certificate oc ON oc.civic_no = k.civic_no
      LEFT JOIN dismissed ds ON ds.civic_no = k.civic_no),
  rules AS (
    SELECT f.*,
           f.age < 20 AS u20_holds, 'population-file' AS u20_source, f.birth_date AS u20_date, NULL::text AS u20_org,
           CASE WHEN f.leaving_source IS NOT NULL OR (f.rsw > f.compulsory_ends AND f.rsw <= ${day}) THEN true
                ELSE f.compulsory_ends < ${day} END AS cd_holds,
           coalesce(f.leaving_source, 'population-file') AS cd_source,
           CASE WHEN f.leaving_source IS NOT NULL THEN f.leaving_date
                WHEN f.rsw > f.compulsory_ends AND f.rsw <= ${day} THEN f.rsw ELSE f.compulsory_ends END AS cd_date,
           f.leaving_org AS cd_org,
           f.cur_source IS NULL AS nius_holds,
           coalesce(f.cur_source, f.ended_source, 'population-file') AS nius_source,
           CASE WHEN f.cur_source IS NOT NULL THEN f.cur_start ELSE f.ended_end END AS nius_date,
           CASE WHEN f.cur_source IS NOT NULL THEN f.cur_org ELSE f.ended_org END AS nius_org,
           f.diploma_source IS NULL AS nd_holds, coalesce(f.diploma_source, f.certificate_absent_source) AS nd_source,
           f.diploma_date AS nd_date, f.diploma_org AS nd_org,
           f.special_source IS NULL AS ns_holds, coalesce(f.special_source, f.certificate_absent_source) AS ns_source,
           f.special_date AS ns_date, f.special_org AS ns_org,
           f.equivalent_source IS NULL AS ne_holds, coalesce(f.equivalent_source, f.certificate_absent_source) AS ne_source,
           f.equivalent_date AS ne_date, f.equivalent_org AS ne_org
      FROM facts f),
  evaluated AS (
    SELECT r.civic_no,
           jsonb_build_array(${evidence('under-20', 'r.u20')}, ${evidence('compulsory-done', 'r.cd')},
             ${evidence('not-in-upper-secondary', 'r.nius')}, ${evidence('no-diploma', 'r.nd')},
             ${evidence('no-special-certificate', 'r.ns')}, ${evidence('no-equivalent', 'r.ne')}) AS criteria,
           (r.u20_holds AND r.cd_holds AND r.nius_holds AND r.nd_holds AND r.ns_holds AND r.ne_holds
             AND r.status = 'resident' AND r.municipality_code = r.home AND NOT r.dismissed) AS in_group_by_rules,
           CASE WHEN r.rsw > r.compulsory_ends THEN 'moved-in-after-compulsory-age'
                WHEN r.studiebevis THEN 'studiebevis'
                WHEN r.ended_source IS NOT NULL THEN
                  CASE WHEN r.ended_programme ~* '^IM' THEN 'left-introduction' ELSE 'dropout-national' END
                ELSE 'never-started' END AS registration_reason,
           d.reason AS deregistration_reason,
           -- The day the person last came to meet every criterion (criteria.ts: enteredOn), before the previous period's end.
           LEAST(GREATEST(CASE WHEN r.rsw > r.compulsory_ends THEN r.rsw ELSE r.compulsory_ends + 1 END,
                          r.ended_end + 1, r.rim), ${day}) AS entered_on,
           -- The day the person stopped meeting the criteria (criteria.ts: leftOn), before the period's own start.
           CASE WHEN d.reason = 'turned-20'
                  THEN make_date(extract(year FROM r.birth_date)::int + 20, extract(month FROM r.birth_date)::int, extract(day FROM r.birth_date)::int)
                WHEN d.reason IN ('started-national', 'started-introduction', 'completed-equivalent') THEN
                  coalesce(CASE WHEN NOT r.u20_holds THEN r.u20_date WHEN NOT r.cd_holds THEN r.cd_date WHEN NOT r.nius_holds THEN r.nius_date
                                WHEN NOT r.nd_holds THEN r.nd_date WHEN NOT r.ns_holds THEN r.ns_date WHEN NOT r.ne_holds THEN r.ne_date END, ${day})
                ELSE ${day} END AS left_on_by_rules
      FROM rules r
      CROSS JOIN LATERAL (SELECT CASE
             WHEN r.status = 'deceased' THEN 'deceased'
             WHEN r.status = 'emigrated' THEN 'emigrated'
             WHEN r.status = 'moved-out' OR r.municipality_code <> r.home THEN 'moved'
             WHEN NOT r.u20_holds THEN 'turned-20'
             WHEN NOT (r.nd_holds AND r.ns_holds AND r.ne_holds) THEN 'completed-equivalent'
             WHEN NOT r.nius_holds THEN CASE WHEN r.cur_programme ~* '^IM' THEN 'started-introduction' ELSE 'started-national' END
             WHEN r.dismissed THEN 'dismissed'
             ELSE 'other' END AS reason) d)`;
}

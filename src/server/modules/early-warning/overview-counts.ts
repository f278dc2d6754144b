/**
 * The early-detection overview's counts (no names) in one statement (issue #17 item 4): the in-scope `student_risk`
 * rows read once, counted per school unit, per school type and year and per upper-secondary programme by GROUPING
 * SETS, the students with each active indicator beside them, and the newest refresh date — where five statements did
 * the same one after another. The rows come back sorted as each breakdown is shown; suppression stays in
 * overview-disclosure.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { OverviewRows } from './queries.ts';

interface Row extends Record<string, unknown> {
  kind: 'asof' | 'indicator' | 'programme' | 'unit' | 'year';
  school_unit_id: string | null;
  school_unit_name: string | null;
  school_type: string | null;
  school_year: number | null;
  programme_code: string | null;
  programme_name: string | null;
  indicator: string | null;
  tier: number | null;
  n: number;
  as_of: string | null;
}

/** Counts (no names) over the `student_risk` rows of `tenantId` matching `where` (a condition on `r`), in one statement. */
export async function overviewCounts(db: DbOrTx, tenantId: string, where: SQL): Promise<OverviewRows> {
  const rows = await queryRows<Row>(
    db,
    sql`
    WITH r AS MATERIALIZED (
      SELECT r.student_id, r.school_unit_id, r.school_type, r.school_year, r.programme_code, r.tier, r.as_of
        FROM student_risk r WHERE r.tenant_id = ${tenantId}::uuid AND ${where}
    ), g AS (
      SELECT GROUPING(r.school_unit_id) AS no_unit, GROUPING(r.school_type, r.school_year) AS no_year,
             GROUPING(r.school_type = 'GY', r.programme_code) AS no_programme,
             r.school_unit_id, r.school_type, r.school_year, r.school_type = 'GY' AS gy, r.programme_code, r.tier,
             count(*)::int AS n, max(r.as_of)::text AS as_of
        FROM r
       GROUP BY GROUPING SETS ((r.school_unit_id, r.tier), (r.school_type, r.school_year, r.tier),
                               (r.school_type = 'GY', r.programme_code, r.tier), ())
    ), counted AS (
      SELECT 'unit' AS kind, g.school_unit_id, o.display_name AS school_unit_name, NULL::text AS school_type,
             NULL::int AS school_year, NULL::text AS programme_code, NULL::text AS programme_name, NULL::text AS indicator,
             g.tier, g.n, NULL::text AS as_of
        FROM g LEFT JOIN organisations o ON o.tenant_id = ${tenantId}::uuid AND o.id = g.school_unit_id
       WHERE g.no_unit = 0
      UNION ALL
      SELECT 'year', NULL, NULL, g.school_type, g.school_year, NULL, NULL, NULL, g.tier, g.n, NULL FROM g WHERE g.no_year = 0
      UNION ALL
      SELECT 'programme', NULL, NULL, NULL, NULL, g.programme_code,
             (SELECT min(pr.name) FROM programmes pr WHERE pr.tenant_id = ${tenantId}::uuid AND pr.code = g.programme_code),
             NULL, g.tier, g.n, NULL
        FROM g WHERE g.no_programme = 0 AND g.gy
      UNION ALL
      SELECT 'asof', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, g.as_of FROM g WHERE g.no_unit = 1 AND g.no_year = 3 AND g.no_programme = 3
      UNION ALL
      SELECT 'indicator', NULL, NULL, NULL, NULL, NULL, NULL, e.indicator, NULL, count(DISTINCT e.student_id)::int, NULL
        FROM indicator_episodes e JOIN r ON r.student_id = e.student_id
       WHERE e.tenant_id = ${tenantId}::uuid AND e.status = 'active'
       GROUP BY e.indicator
    )
    SELECT * FROM counted
     ORDER BY kind, school_unit_name, school_type, school_year, programme_code,
              CASE WHEN kind = 'indicator' THEN -n END, indicator, tier, school_unit_id`,
  );
  const of = <K extends Row['kind']>(kind: K) => rows.filter((r) => r.kind === kind);
  const asOf = of('asof')[0]?.as_of ?? null;
  return {
    tiers: of('unit').map((r) => ({ school_unit_id: r.school_unit_id!, school_unit_name: r.school_unit_name, tier: r.tier!, n: r.n })),
    indicators: of('indicator').map((r) => ({ indicator: r.indicator!, n: r.n })),
    years: of('year').map((r) => ({ school_type: r.school_type!, school_year: r.school_year, tier: r.tier!, n: r.n })),
    programmes: of('programme').map((r) => ({ programme_code: r.programme_code, programme_name: r.programme_name, tier: r.tier!, n: r.n })),
    asOf,
  };
}

/** Reads for the early-warning pages: the worklist, one student's indicators and trend, and the overview counts. */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { measuresObject } from './risk-measures.ts';

/** A student's row in student_risk, with the unit's name. */
export type RiskRow = {
  school_unit_id: string;
  school_unit_name: string | null;
  school_year: number | null;
  programme_code: string | null;
  tier: number;
  flags: string[];
  data_status: 'ok' | 'insufficient';
  probability: number | null;
  lower: number | null;
  upper: number | null;
  reasons: { feature: string; contribution: number }[];
  measures: Record<string, number | null>;
  as_of: string;
};

export type WorklistRow = RiskRow & {
  id: string;
  given_name: string;
  family_name: string;
  onset: string | null;
  trend: { asOf: string; attendance: number | null; probability: number | null; tier: number }[] | null;
  /** The position in the whole list (tier, then probability, then name): 1 … total. */
  rank: number;
  /** The position within the student's own school unit, which the unit's capacity is counted against. */
  unit_rank: number;
  total: number;
  programme_name: string | null;
  /** The student's open intervention case, if any (issue #5): the worklist links to it instead of offering a second. */
  open_case_id: string | null;
  /** The organiser's capacities per school unit (capacity.ts), on every row: read in the page's statement, not a second. */
  capacities: Record<string, number> | null;
};

export interface WorklistFilter {
  schoolUnitId?: string | undefined;
  minTier: number;
  page: number;
  pageSize: number;
}

/** The students in scope at or above a tier, ranked in the list and within their unit: tier, then probability, then name. */
export async function worklist(db: DbOrTx, tenantId: string, scope: SQL, filter: WorklistFilter): Promise<WorklistRow[]> {
  return queryRows<WorklistRow>(db, worklistQuery(tenantId, scope, filter));
}

/** The order of `worklistQuery`'s rows, on its output columns. */
export const worklistOrder = sql`rank`;

/** The statement of `worklist`: one page of the ranked students, in rank order. */
export function worklistQuery(tenantId: string, scope: SQL, filter: WorklistFilter): SQL {
  const unit = filter.schoolUnitId ? sql`AND r.school_unit_id = ${filter.schoolUnitId}::uuid` : sql``;
  return sql`
    WITH ranked AS (
      SELECT r.student_id, r.school_unit_id, p.given_name, p.family_name,
        row_number() OVER (PARTITION BY r.school_unit_id ORDER BY r.tier DESC, r.probability DESC NULLS LAST, p.family_name, p.given_name, p.id)::int AS unit_rank,
        row_number() OVER (ORDER BY r.tier DESC, r.probability DESC NULLS LAST, p.family_name, p.given_name, p.id)::int AS rank,
        count(*) OVER ()::int AS total
      FROM student_risk r JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.student_id
      WHERE r.tenant_id = ${tenantId}::uuid AND r.tier >= ${filter.minTier} AND ${scope} ${unit}
    ),
    page AS (
      SELECT * FROM ranked ORDER BY rank
      LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}
    )
    -- Ranked on narrow rows (ids, tier, probability, names); the wide risk row (reasons, measures) read for the page only.
    SELECT page.student_id AS id, page.given_name, page.family_name, page.school_unit_id, o.display_name AS school_unit_name,
      r.school_year, r.programme_code, r.tier, r.flags, r.data_status, r.probability, r.lower, r.upper,
      r.reasons, ${measuresObject('r')} AS measures, r.as_of::text AS as_of, page.rank, page.unit_rank, page.total,
      (SELECT min(pr.name) FROM programmes pr WHERE pr.tenant_id = ${tenantId}::uuid AND pr.code = r.programme_code) AS programme_name,
      -- The student's episodes by their key, the active counting ones picked by FILTER: a condition on status in WHERE
      -- let an unanalysed table be read by its status index, every active episode of the organiser per row (docs/scaling.md).
      (SELECT (min(e.onset) FILTER (WHERE e.status = 'active' AND e.counts))::text FROM indicator_episodes e
        WHERE e.tenant_id = ${tenantId}::uuid AND e.student_id = page.student_id) AS onset,
      (SELECT json_agg(json_build_object('asOf', h.as_of::text, 'attendance', h.attendance, 'probability', h.probability, 'tier', h.tier) ORDER BY h.as_of)
        FROM student_risk_history h WHERE h.tenant_id = ${tenantId}::uuid AND h.student_id = page.student_id AND h.as_of > r.as_of - 91) AS trend,
      (SELECT c.id FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.student_id = page.student_id AND c.status <> 'closed') AS open_case_id,
      (SELECT s.capacities FROM early_warning_settings s WHERE s.tenant_id = ${tenantId}::uuid) AS capacities
    FROM page JOIN student_risk r ON r.tenant_id = ${tenantId}::uuid AND r.student_id = page.student_id
    LEFT JOIN organisations o ON o.tenant_id = ${tenantId}::uuid AND o.id = page.school_unit_id
    ORDER BY page.rank`;
}

export type EpisodeRow = {
  indicator: string;
  onset: string;
  last_seen: string;
  status: 'active' | 'resolved';
  resolved_on: string | null;
  severity: 'caution' | 'flag' | 'severe';
  counts: boolean;
  value: number | null;
  details: Record<string, unknown>;
  expires_on: string;
};

/** One student's current risk row, indicator episodes and weekly history. */
export async function studentEarlyWarning(db: DbOrTx, tenantId: string, studentId: string) {
  const [risk] = await queryRows<RiskRow>(
    db,
    sql`
    SELECT r.school_unit_id, o.display_name AS school_unit_name, r.school_year, r.programme_code, r.tier, r.flags, r.data_status,
      r.probability, r.lower, r.upper, r.reasons, ${measuresObject('r')} AS measures, r.as_of::text AS as_of
    FROM student_risk r LEFT JOIN organisations o ON o.tenant_id = r.tenant_id AND o.id = r.school_unit_id
    WHERE r.tenant_id = ${tenantId}::uuid AND r.student_id = ${studentId}::uuid`,
  );
  const episodes = await queryRows<EpisodeRow>(
    db,
    sql`
    SELECT indicator, onset::text, last_seen::text, status, resolved_on::text, severity, counts, value, details, expires_on::text
    FROM indicator_episodes WHERE tenant_id = ${tenantId}::uuid AND student_id = ${studentId}::uuid ORDER BY onset, indicator`,
  );
  const history = await queryRows<{ as_of: string; tier: number; probability: number | null; attendance: number | null }>(
    db,
    sql`
    SELECT as_of::text, tier, probability, attendance FROM student_risk_history
    WHERE tenant_id = ${tenantId}::uuid AND student_id = ${studentId}::uuid ORDER BY as_of`,
  );
  const [open] = await queryRows<{ id: string }>(
    db,
    sql`
    SELECT id FROM cases WHERE tenant_id = ${tenantId}::uuid AND student_id = ${studentId}::uuid AND status <> 'closed'`,
  );
  const [student] = await queryRows<{ given_name: string; family_name: string }>(
    db,
    sql`
    SELECT given_name, family_name FROM persons WHERE tenant_id = ${tenantId}::uuid AND id = ${studentId}::uuid`,
  );
  return { risk, episodes, history, openCaseId: open?.id ?? null, student };
}

/** The overview's counts, as overview-counts.ts reads them in one statement. */
export interface OverviewRows {
  tiers: { school_unit_id: string; school_unit_name: string | null; tier: number; n: number }[];
  indicators: { indicator: string; n: number }[];
  years: { school_type: string; school_year: number | null; tier: number; n: number }[];
  programmes: { programme_code: string | null; programme_name?: string | null; tier: number; n: number }[];
  asOf: string | null;
}

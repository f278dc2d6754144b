/**
 * The interventions dashboard's figures, without names: per school unit and for all units in scope (the organiser for
 * an analyst, the principal's own units for a principal) — open cases, overdue follow-ups, the median number of days
 * from the flag's onset (the case's indicators at opening, else its opening day) to the first intervention's start, the
 * share of tier-3 students with an open case, and the outcomes recorded per method. Counts from 1 to 4 are suppressed
 * (null), and so is a median or share computed from fewer than five; so are the counts that would let a reader work a
 * suppressed one out by subtraction from the total (dashboard-disclosure.ts). `suppressed` says why a count is null.
 * Counted in one statement (issue #17 item 4): every unit's figures and their total by GROUPING SETS, the median by
 * percentile_cont, the outcomes per method beside them; dashboard-oracle.ts keeps the six statements it replaced.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { interventionOutcomes } from '../../db/schema/interventions.ts';
import { shown, SMALL_COUNT, type Suppression } from '../../platform/disclosure.ts';
import { protectFigures, protectSum, type Counts, type Suppressed } from './dashboard-disclosure.ts';

/** Which school units the figures cover: every unit of the organiser, or these. */
export type UnitScope = 'all' | readonly string[];

export interface DashboardFigures {
  openCases: number | null;
  overdueFollowUps: number | null;
  /** Median days from flag onset to the first intervention's start; null with fewer than five cases. */
  medianDaysToFirstIntervention: number | null;
  /** Cases with at least one intervention: what the median is taken over. */
  casesWithIntervention: number | null;
  tier3: { total: number | null; withCase: number | null; share: number | null };
  /** Why each count is null: 'small' (1–4) or 'complementary' (hidden so that a small count cannot be subtracted out). */
  suppressed: Suppressed;
}
export type Outcome = (typeof interventionOutcomes)[number];
export interface MethodOutcomes {
  method: { id: string; slug: string; name: { sv: string; en: string } } | null;
  outcomes: Record<Outcome, number | null>;
  suppressed: Record<Outcome, Suppression | null>;
}
export interface Dashboard {
  asOf: string;
  units: (DashboardFigures & { schoolUnit: { id: string; name: string }; outcomes: MethodOutcomes[] })[];
  organiser: DashboardFigures;
  outcomes: MethodOutcomes[];
}

/** Raw counts of one unit (or of all of them, summed) before suppression. */
interface Raw {
  openCases: number;
  overdue: number;
  /** Cases with an intervention, and the median of their days from onset to the first one (null when none). */
  withIntervention: number;
  medianDays: number | null;
  tier3: number;
  tier3WithCase: number;
}
export type OutcomeCounts = Map<string, { method: MethodOutcomes['method']; counts: Record<Outcome, number> }>;

/** A condition on the column `column` (a school unit id) for the scope. */
const inScope = (column: SQL, scope: UnitScope): SQL =>
  scope === 'all'
    ? sql`true`
    : scope.length === 0
      ? sql`false`
      : sql`${column} IN (${sql.join(
          scope.map((u) => sql`${u}::uuid`),
          sql`, `,
        )})`;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const countsOf = (r: Raw): Counts => ({
  openCases: r.openCases,
  overdueFollowUps: r.overdue,
  casesWithIntervention: r.withIntervention,
  tier3Total: r.tier3,
  tier3WithCase: r.tier3WithCase,
});

function figures(r: Raw, why: Suppressed): DashboardFigures {
  const total = shown(r.tier3, why.tier3Total);
  const withCase = shown(r.tier3WithCase, why.tier3WithCase);
  return {
    openCases: shown(r.openCases, why.openCases),
    overdueFollowUps: shown(r.overdue, why.overdueFollowUps),
    medianDaysToFirstIntervention: r.withIntervention >= SMALL_COUNT ? r.medianDays : null,
    casesWithIntervention: shown(r.withIntervention, why.casesWithIntervention),
    tier3: { total, withCase, share: total !== null && total > 0 && withCase !== null ? r.tier3WithCase / r.tier3 : null },
    suppressed: why,
  };
}

/** Outcomes per method for each unit (same order) and for all of them, each count protected over the units. */
export function presentOutcomes(perUnit: OutcomeCounts[], all: OutcomeCounts): { units: MethodOutcomes[][]; total: MethodOutcomes[] } {
  const units: MethodOutcomes[][] = perUnit.map(() => []);
  const total: MethodOutcomes[] = [];
  for (const [key, m] of all) {
    const entry = (): MethodOutcomes => ({
      method: m.method,
      outcomes: { improved: 0, unchanged: 0, worse: 0 },
      suppressed: { improved: null, unchanged: null, worse: null },
    });
    const mine = perUnit.map((u) => (u.has(key) ? entry() : null));
    const sum = entry();
    for (const o of interventionOutcomes) {
      const why = protectSum(perUnit.map((u) => u.get(key)?.counts[o] ?? 0));
      mine.forEach((e, k) => {
        if (!e) return;
        e.outcomes[o] = shown(perUnit[k]!.get(key)!.counts[o], why.units[k]!);
        e.suppressed[o] = why.units[k]!;
      });
      sum.outcomes[o] = shown(m.counts[o], why.total);
      sum.suppressed[o] = why.total;
    }
    mine.forEach((e, k) => {
      if (e) units[k]!.push(e);
    });
    total.push(sum);
  }
  return { units, total };
}

interface OutcomeRow {
  unit: string;
  method_id: string | null;
  slug: string | null;
  name_sv: string | null;
  name_en: string | null;
  outcome: Outcome;
  n: number;
}
interface FigureRow {
  /** Null: the total over the units in scope. */
  unit: string | null;
  open: number;
  overdue: number;
  with_intervention: number;
  median_days: number | null;
  tier3: number;
  tier3_with_case: number;
}

/** The statement: one row with the units in scope, each unit's figures and their total, and the outcomes per method. */
function dashboardQuery(tenantId: string, scope: UnitScope, today: string): SQL {
  return sql`
    WITH u AS MATERIALIZED (
      SELECT o.id, o.display_name AS name FROM organisations o
       WHERE o.tenant_id = ${tenantId}::uuid AND o.organisation_type = 'Skolenhet' AND ${inScope(sql`o.id`, scope)}
    ), c AS MATERIALIZED (
      SELECT c.id, c.school_unit_id AS unit, c.status, coalesce((c.indicators_at_opening->>'onset')::date, c.opened_on) AS flagged_on
        FROM cases c JOIN u ON u.id = c.school_unit_id WHERE c.tenant_id = ${tenantId}::uuid
    ), facts AS (
      SELECT c.unit, 'open' AS k, NULL::int AS days, false AS with_case FROM c WHERE c.status <> 'closed'
      UNION ALL
      SELECT c.unit, 'overdue', NULL, false
        FROM intervention_follow_ups f JOIN c ON c.id = f.case_id
       WHERE f.tenant_id = ${tenantId}::uuid AND c.status <> 'closed' AND f.done_on IS NULL AND f.due_on < ${today}::date
      UNION ALL
      SELECT c.unit, 'days', min(i.start_date) - c.flagged_on, false
        FROM c JOIN case_interventions i ON i.tenant_id = ${tenantId}::uuid AND i.case_id = c.id GROUP BY c.id, c.unit, c.flagged_on
      UNION ALL
      SELECT r.school_unit_id, 'tier3', NULL,
             EXISTS (SELECT 1 FROM cases oc WHERE oc.tenant_id = r.tenant_id AND oc.student_id = r.student_id AND oc.status <> 'closed')
        FROM student_risk r JOIN u ON u.id = r.school_unit_id WHERE r.tenant_id = ${tenantId}::uuid AND r.tier = 3
    ), figures AS (
      SELECT unit, count(*) FILTER (WHERE k = 'open')::int AS open, count(*) FILTER (WHERE k = 'overdue')::int AS overdue,
             count(*) FILTER (WHERE k = 'days')::int AS with_intervention,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE k = 'days') AS median_days,
             count(*) FILTER (WHERE k = 'tier3')::int AS tier3, count(*) FILTER (WHERE k = 'tier3' AND with_case)::int AS tier3_with_case
        FROM facts GROUP BY GROUPING SETS ((unit), ())
    ), outcomes AS (
      SELECT c.unit, m.id AS method_id, m.slug, m.name_sv, m.name_en, i.outcome, count(*)::int AS n
        FROM case_interventions i JOIN c ON c.id = i.case_id LEFT JOIN knowledge_records m ON m.id = i.method_id
       WHERE i.tenant_id = ${tenantId}::uuid AND i.outcome IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    )
    SELECT (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]') FROM u) AS units,
           (SELECT json_agg(figures) FROM figures) AS figures,
           (SELECT coalesce(json_agg(outcomes ORDER BY outcomes.slug NULLS LAST, outcomes.unit), '[]') FROM outcomes) AS outcomes`;
}

/** The dashboard for `tenantId` over `scope` on `today`, counted in one statement. */
export async function dashboardFigures(db: DbOrTx, tenantId: string, scope: UnitScope, today: string): Promise<Dashboard> {
  const [row] = await queryRows<{ units: { id: string; name: string }[]; figures: FigureRow[]; outcomes: OutcomeRow[] }>(
    db,
    dashboardQuery(tenantId, scope, today),
  );
  const units = row?.units ?? [];
  const outcomes = row?.outcomes ?? [];
  const byUnit = new Map((row?.figures ?? []).map((f) => [f.unit, f]));
  const raw = (unit: string | null): Raw => {
    const f = byUnit.get(unit);
    return {
      openCases: f?.open ?? 0,
      overdue: f?.overdue ?? 0,
      withIntervention: f?.with_intervention ?? 0,
      medianDays: f?.median_days ?? null,
      tier3: f?.tier3 ?? 0,
      tier3WithCase: f?.tier3_with_case ?? 0,
    };
  };
  const outcomesOf = (unit: string | null): OutcomeCounts => {
    const counts: OutcomeCounts = new Map();
    for (const r of outcomes.filter((o) => unit === null || o.unit === unit)) {
      const key = r.method_id ?? 'free';
      const entry = counts.get(key) ?? {
        method: r.method_id ? { id: r.method_id, slug: r.slug ?? '', name: { sv: r.name_sv ?? '', en: r.name_en ?? '' } } : null,
        counts: { improved: 0, unchanged: 0, worse: 0 },
      };
      entry.counts[r.outcome] += r.n;
      counts.set(key, entry);
    }
    return counts;
  };
  const raws = units.map((u) => raw(u.id));
  const all = raw(null);
  const why = protectFigures(raws.map(countsOf), countsOf(all));
  const methods = presentOutcomes(
    units.map((u) => outcomesOf(u.id)),
    outcomesOf(null),
  );
  return {
    asOf: today,
    units: units.map((u, k) => ({ schoolUnit: u, ...figures(raws[k]!, why.units[k]!), outcomes: methods.units[k]! })),
    organiser: figures(all, why.total),
    outcomes: methods.total,
  };
}

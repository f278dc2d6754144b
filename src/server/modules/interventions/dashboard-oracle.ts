/**
 * The interventions dashboard as six statements and Node-side sums computed it before it became one statement
 * (dashboard.ts): kept only as the known-answer tests' oracle (dashboard-one-statement.test.ts), as follow-up keeps
 * starters.ts. Not used by any route.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { shown, SMALL_COUNT } from '../../platform/disclosure.ts';
import { protectFigures, type Counts, type Suppressed } from './dashboard-disclosure.ts';
// The presentation (median, outcomes per method) is shared: the oracle checks the statements, not the suppression.
import {
  median,
  presentOutcomes,
  type Dashboard,
  type DashboardFigures,
  type OutcomeCounts,
  type Outcome,
  type UnitScope,
} from './dashboard.ts';

/** Raw counts of one unit (or of all of them, summed) before suppression. */
interface Raw {
  openCases: number;
  overdue: number;
  days: number[];
  tier3: number;
  tier3WithCase: number;
}

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

const countsOf = (r: Raw): Counts => ({
  openCases: r.openCases,
  overdueFollowUps: r.overdue,
  casesWithIntervention: r.days.length,
  tier3Total: r.tier3,
  tier3WithCase: r.tier3WithCase,
});

function figures(r: Raw, why: Suppressed): DashboardFigures {
  const total = shown(r.tier3, why.tier3Total);
  const withCase = shown(r.tier3WithCase, why.tier3WithCase);
  return {
    openCases: shown(r.openCases, why.openCases),
    overdueFollowUps: shown(r.overdue, why.overdueFollowUps),
    medianDaysToFirstIntervention: r.days.length >= SMALL_COUNT ? median(r.days) : null,
    casesWithIntervention: shown(r.days.length, why.casesWithIntervention),
    tier3: { total, withCase, share: total !== null && total > 0 && withCase !== null ? r.tier3WithCase / r.tier3 : null },
    suppressed: why,
  };
}

/** The dashboard for `tenantId` over `scope` on `today`. */
export async function dashboardFiguresOracle(db: DbOrTx, tenantId: string, scope: UnitScope, today: string): Promise<Dashboard> {
  const units = await queryRows<{ id: string; name: string }>(
    db,
    sql`
    SELECT o.id, o.display_name AS name FROM organisations o
     WHERE o.tenant_id = ${tenantId}::uuid AND o.organisation_type = 'Skolenhet' AND ${inScope(sql`o.id`, scope)} ORDER BY o.display_name, o.id`,
  );
  const unitIds = units.map((u) => u.id);
  const cases = sql`c.tenant_id = ${tenantId}::uuid AND ${inScope(sql`c.school_unit_id`, unitIds)}`;
  const open = await queryRows<{ unit: string; n: number }>(
    db,
    sql`
    SELECT c.school_unit_id AS unit, count(*)::int AS n FROM cases c WHERE ${cases} AND c.status <> 'closed' GROUP BY 1`,
  );
  const overdue = await queryRows<{ unit: string; n: number }>(
    db,
    sql`
    SELECT c.school_unit_id AS unit, count(*)::int AS n
      FROM intervention_follow_ups f JOIN cases c ON c.tenant_id = f.tenant_id AND c.id = f.case_id
     WHERE ${cases} AND c.status <> 'closed' AND f.done_on IS NULL AND f.due_on < ${today}::date GROUP BY 1`,
  );
  const days = await queryRows<{ unit: string; days: number }>(
    db,
    sql`
    SELECT c.school_unit_id AS unit, min(i.start_date) - coalesce((c.indicators_at_opening->>'onset')::date, c.opened_on) AS days
      FROM cases c JOIN case_interventions i ON i.tenant_id = c.tenant_id AND i.case_id = c.id
     WHERE ${cases} GROUP BY c.id, c.school_unit_id, c.indicators_at_opening, c.opened_on`,
  );
  const tier3 = await queryRows<{ unit: string; total: number; with_case: number }>(
    db,
    sql`
    SELECT r.school_unit_id AS unit, count(*)::int AS total,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases oc WHERE oc.tenant_id = r.tenant_id AND oc.student_id = r.student_id AND oc.status <> 'closed'))::int AS with_case
      FROM student_risk r WHERE r.tenant_id = ${tenantId}::uuid AND r.tier = 3 AND ${inScope(sql`r.school_unit_id`, unitIds)} GROUP BY 1`,
  );
  const outcomes = await queryRows<{
    unit: string;
    method_id: string | null;
    slug: string | null;
    name_sv: string | null;
    name_en: string | null;
    outcome: Outcome;
    n: number;
  }>(
    db,
    sql`
    SELECT c.school_unit_id AS unit, m.id AS method_id, m.slug, m.name_sv, m.name_en, i.outcome, count(*)::int AS n
      FROM case_interventions i JOIN cases c ON c.tenant_id = i.tenant_id AND c.id = i.case_id LEFT JOIN knowledge_records m ON m.id = i.method_id
     WHERE ${cases} AND i.outcome IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY m.slug NULLS LAST, 1`,
  );

  const raw = (unit: string | null): Raw => {
    const mine = <T extends { unit: string }>(rows: T[]) => rows.filter((r) => unit === null || r.unit === unit);
    const sum = <T extends { unit: string }>(rows: T[], n: (r: T) => number) => mine(rows).reduce((s, r) => s + n(r), 0);
    return {
      openCases: sum(open, (r) => r.n),
      overdue: sum(overdue, (r) => r.n),
      days: mine(days).map((r) => Number(r.days)),
      tier3: sum(tier3, (r) => r.total),
      tier3WithCase: sum(tier3, (r) => r.with_case),
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

/**
 * What the platform measures itself for the implementation plan, from the organiser's live data (one statement per
 * measure, all filtered on the tenant): the share of tier-3 students with an open case, the share of follow-ups due
 * in the last twelve months that are overdue, whether a risk model is active, and student-health team meetings held
 * per school unit and month over the last three months. Shares over fewer than five students or follow-ups are not
 * shown (the disclosure helper's threshold).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { SMALL_COUNT } from '../../platform/disclosure.ts';
import type { MeasureKey } from '../../../shared/implementation-plan/framework.ts';
import type { Measurement } from '../../../shared/implementation-plan/contract.ts';
import { suggestedLevel } from '../../../shared/implementation-plan/levels.ts';

type Figures = Record<MeasureKey, Measurement>;

const measured = (measure: MeasureKey, value: number): Measurement => ({
  measure,
  value,
  missing: null,
  suggestedLevel: suggestedLevel(measure, value),
});
const missing = (measure: MeasureKey, why: 'too-few' | 'no-data'): Measurement => ({
  measure,
  value: null,
  missing: why,
  suggestedLevel: null,
});

/** A share of `total`, or why it is not shown. */
function share(measure: MeasureKey, part: number, total: number): Measurement {
  if (total === 0) return missing(measure, 'no-data');
  if (total < SMALL_COUNT) return missing(measure, 'too-few');
  return measured(measure, part / total);
}

/** The four measurements for the organiser on `asOf` (YYYY-MM-DD). */
export async function measurePlan(db: DbOrTx, tenantId: string, asOf: string): Promise<Figures> {
  const [tier3] = await queryRows<{ total: number; with_case: number }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases c
                  WHERE c.tenant_id = r.tenant_id AND c.student_id = r.student_id AND c.status <> 'closed'))::int AS with_case
          FROM student_risk r WHERE r.tenant_id = ${tenantId} AND r.tier = 3`,
  );
  const [followUps] = await queryRows<{ due: number; overdue: number }>(
    db,
    sql`SELECT count(*)::int AS due,
               count(*) FILTER (WHERE done_on IS NULL)::int AS overdue
          FROM intervention_follow_ups
         WHERE tenant_id = ${tenantId} AND due_on < ${asOf}::date AND due_on >= ${asOf}::date - 365`,
  );
  const [model] = await queryRows<{ active: number }>(
    db,
    sql`SELECT count(*)::int AS active FROM risk_models WHERE tenant_id = ${tenantId} AND status = 'active'`,
  );
  const [risk] = await queryRows<{ students: number }>(
    db,
    sql`SELECT count(*)::int AS students FROM student_risk WHERE tenant_id = ${tenantId}`,
  );
  const [meetings] = await queryRows<{ held: number; units: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM team_meetings
                 WHERE tenant_id = ${tenantId} AND status = 'held'
                   AND held_on > ${asOf}::date - 91 AND held_on <= ${asOf}::date) AS held,
               (SELECT count(DISTINCT school_unit_id)::int FROM student_risk WHERE tenant_id = ${tenantId}) AS units`,
  );
  const units = meetings?.units ?? 0;
  return {
    'tier3-with-case': share('tier3-with-case', tier3?.with_case ?? 0, tier3?.total ?? 0),
    'follow-ups-overdue': share('follow-ups-overdue', followUps?.overdue ?? 0, followUps?.due ?? 0),
    'model-active':
      (risk?.students ?? 0) === 0 ? missing('model-active', 'no-data') : measured('model-active', (model?.active ?? 0) > 0 ? 1 : 0),
    'meetings-per-month':
      units === 0
        ? missing('meetings-per-month', 'no-data')
        : measured('meetings-per-month', Math.round(((meetings?.held ?? 0) / units / 3) * 10) / 10),
  };
}

/**
 * Who sees what of early detection: named rows through the students policy (scopeStudentsQuery with
 * `early-warning.read`); counts without names for `statistics.read` — the whole organiser for an analyst, their own
 * units for a principal. Counts under five are suppressed so that a small group cannot be recognised.
 */
import { sql, type SQL } from 'drizzle-orm';
import { roles } from '../../../shared/access/roles.ts';
import { assignmentsGranting, type Actor } from '../../platform/context.ts';
import { isSmall } from '../../platform/disclosure.ts';

/** A condition on `student_risk r` for the aggregate overview, or null when no role grants statistics. */
export function overviewScope(actor: Actor): SQL | null {
  const granting = assignmentsGranting(actor, 'statistics.read');
  if (!actor.tenantId || granting.length === 0) return null;
  if (granting.some((a) => roles[a.role].scope === 'organiser-aggregates')) return sql`true`;
  const units = [...new Set(granting.flatMap((a) => a.unitIds))];
  if (units.length === 0) return sql`false`;
  return sql`r.school_unit_id IN (${sql.join(
    units.map((u) => sql`${u}::uuid`),
    sql`, `,
  )})`;
}

/**
 * Counts from 1 to 4 are shown as null ("färre än 5"). Where several counts add up to a shown total, use
 * platform/disclosure.ts instead: it also hides the counts that would let a reader subtract a small one out.
 */
export { SMALL_COUNT } from '../../platform/disclosure.ts';
export const suppress = (n: number): number | null => (isSmall(n) ? null : n);

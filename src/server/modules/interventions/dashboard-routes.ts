/**
 * The interventions dashboard (statistics.read): figures without names per school unit and for all units in scope —
 * the whole organiser for an analyst, their own units for a principal (as early detection's overview). Logged without
 * subject ids: no student is read by name.
 */
import { roles } from '../../../shared/access/roles.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type Actor } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { dashboardApi } from '../../../shared/interventions/dashboard.ts';
import { FieldRefusal } from './refusals.ts';
import { dashboardFigures, type UnitScope } from './dashboard.ts';

const purpose = 'uppföljning av elevhälsans insatser på skol- och huvudmannanivå';

/** The units whose figures the actor may see: all for organiser-wide statistics, else their units; null: none. */
export function statisticsScope(actor: Actor): UnitScope | null {
  const granting = assignmentsGranting(actor, 'statistics.read');
  if (!actor.tenantId || granting.length === 0) return null;
  if (granting.some((a) => roles[a.role].scope === 'organiser-aggregates')) return 'all';
  return [...new Set(granting.flatMap((a) => a.unitIds))];
}

export function dashboardRoutes(): RouteDefinition[] {
  return [
    routeFor(dashboardApi.read, {
      permission: 'statistics.read',
      async handler({ query, ctx, tx, req }) {
        const scope = statisticsScope(ctx.actor);
        if (!scope || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'denied' });
          throw forbidden();
        }
        const dashboard = await dashboardFigures(tx, ctx.actor.tenantId, scope, dateOf(ctx.now));
        if (query.schoolUnitId && !dashboard.units.some((u) => u.schoolUnit.id === query.schoolUnitId)) {
          await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'denied' });
          const text = { sv: 'är inte en skolenhet du kan se siffror för', en: 'is not a school unit whose figures you may see' };
          throw new FieldRefusal('schoolUnitId', text, dashboardApi.read.labels, 403).in(requestLanguage(req));
        }
        await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'allowed' });
        return query.schoolUnitId
          ? { ...dashboard, units: dashboard.units.filter((u) => u.schoolUnit.id === query.schoolUnitId) }
          : dashboard;
      },
    }),
  ];
}

/**
 * The interventions dashboard (statistics.read): figures without names per school unit and for all units in scope —
 * the whole organiser for an analyst, their own units for a principal (as early detection's overview). Logged without
 * subject ids: no student is read by name.
 */
import { z } from 'zod';
import { roles } from '../../../shared/access/roles.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type Actor } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, HttpError } from '../../platform/errors.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { dashboardFigures, type UnitScope } from './dashboard.ts';

const purpose = 'uppföljning av elevhälsans insatser på skol- och huvudmannanivå';
const dashboardQuery = z.strictObject({ schoolUnitId: z.uuid().optional() });

/** The units whose figures the actor may see: all for organiser-wide statistics, else their units; null: none. */
export function statisticsScope(actor: Actor): UnitScope | null {
  const granting = assignmentsGranting(actor, 'statistics.read');
  if (!actor.tenantId || granting.length === 0) return null;
  if (granting.some((a) => roles[a.role].scope === 'organiser-aggregates')) return 'all';
  return [...new Set(granting.flatMap((a) => a.unitIds))];
}

export function dashboardRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/interventions/dashboard', permission: 'statistics.read', schema: { querystring: dashboardQuery },
      async handler({ query, ctx, tx }) {
        const scope = statisticsScope(ctx.actor);
        if (!scope || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'denied' });
          throw forbidden();
        }
        const dashboard = await dashboardFigures(tx, ctx.actor.tenantId, scope, dateOf(ctx.now));
        if (query.schoolUnitId && !dashboard.units.some((u) => u.schoolUnit.id === query.schoolUnitId)) {
          await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'denied' });
          const message = 'är inte en skolenhet du kan se siffror för';
          throw new HttpError(403, `schoolUnitId: ${message}.`, { fields: [{ field: 'schoolUnitId', message }] });
        }
        await logAccess(tx, ctx, { action: 'interventions.dashboard', purpose, outcome: 'allowed' });
        return query.schoolUnitId ? { ...dashboard, units: dashboard.units.filter((u) => u.schoolUnit.id === query.schoolUnitId) } : dashboard;
      },
    }),
  ];
}

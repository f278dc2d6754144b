/**
 * Completion by cohort (statistics.read): figures without names for all of the organiser (an analyst) or the
 * principal's own units. Logged as the dashboards are, without subject ids: no student is read by name.
 */
import { eq } from 'drizzle-orm';
import { organisers } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { completionApi } from '../../../shared/follow-up/completion.ts';
import { statisticsScope } from '../interventions/dashboard-routes.ts';
import { completionCohorts } from './completion.ts';

export const completionPurpose = 'uppföljning av hur många elever som fullföljer gymnasieskolan';

export function completionRoutes(): RouteDefinition[] {
  return [
    routeFor(completionApi.read, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const scope = statisticsScope(ctx.actor);
        const tenantId = ctx.actor.tenantId;
        if (!scope || !tenantId) {
          await logAccess(tx, ctx, { action: 'follow-up.completion', purpose: completionPurpose, outcome: 'denied' });
          throw forbidden();
        }
        const [org] = await tx
          .select({ name: organisers.name, municipalityCode: organisers.municipalityCode })
          .from(organisers)
          .where(eq(organisers.id, tenantId));
        const asOf = dateOf(ctx.now);
        const cohorts = await completionCohorts(tx, tenantId, scope, asOf);
        await logAccess(tx, ctx, { action: 'follow-up.completion', purpose: completionPurpose, outcome: 'allowed' });
        return {
          asOf,
          organiser: { name: org?.name ?? '', municipalityCode: org?.municipalityCode ?? '' },
          cohorts,
        };
      },
    }),
  ];
}

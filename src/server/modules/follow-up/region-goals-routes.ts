/**
 * A region's completion goals: the coordinator and the steering group read the region's completion against them
 * (`region-report.read`, aggregates as in the published reports) and the coordinator sets them (`region-report.write`); the actor's region comes from their role assignment (region/policy.ts: none is a 404
 * with a denied row). Aggregates only; each read and change is logged against the actor's tenant.
 */
import { regionGoalsApi } from '../../../shared/follow-up/region-goals.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { FieldRefusal } from '../interventions/refusals.ts';
import { actorRegion, regionPurpose } from '../region/policy.ts';
import { regionCompletionAgainstGoals, saveRegionGoals } from './region-goals.ts';

export function regionGoalRoutes(): RouteDefinition[] {
  return [
    routeFor(regionGoalsApi.read, {
      permission: 'region-report.read',
      async handler({ ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.read');
        const answer = await regionCompletionAgainstGoals(tx, region.id, dateOf(ctx.now));
        if (!answer) throw notFound();
        await logAccess(tx, ctx, { action: 'region.read', purpose: regionPurpose, outcome: 'allowed' });
        return answer;
      },
    }),
    routeFor(regionGoalsApi.save, {
      permission: 'region-report.write',
      async handler({ body, ctx, tx, req }) {
        const region = await actorRegion(tx, ctx, 'region-report.write');
        try {
          const goals = await saveRegionGoals(tx, region.id, body.goals, ctx.actor.accountId, ctx.now.toISOString());
          await logAccess(tx, ctx, { action: 'region-report.write', purpose: regionPurpose, outcome: 'allowed' });
          return { goals };
        } catch (error) {
          if (error instanceof FieldRefusal) throw error.in(requestLanguage(req));
          throw error;
        }
      },
    }),
  ];
}

/**
 * KAA → school routes (docs/handovers.md): the officer's list of the young person's schools and the handovers made,
 * and making one. Reached only by the officer of the young person's municipality (kaa/policy.ts): others get 403, an
 * unknown young person 404, each with a denied row; every read is logged with the young person as subject.
 */
import { kaaToSchoolApi } from '../../../shared/handovers/kaa-to-school.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { reachYouth } from '../kaa/policy.ts';
import { createKaaHandover, kaaTargets } from './kaa-to-school.ts';
import { handoverPurpose } from './policy.ts';

/** The KAA → school routes. */
export function kaaToSchoolRoutes(): RouteDefinition[] {
  return [
    routeFor(kaaToSchoolApi.targets, {
      permission: 'handovers.read',
      async handler({ params, ctx, tx }) {
        const action = 'handovers.kaa.targets';
        const { scope, youth } = await reachYouth(tx, ctx, 'youth-register.read', action, params.youthId);
        await logAccess(tx, ctx, { action, subjectIds: [youth.id], purpose: handoverPurpose, outcome: 'allowed' });
        return kaaTargets(tx, scope.tenantId, youth, dateOf(ctx.now));
      },
    }),
    routeFor(kaaToSchoolApi.create, {
      permission: 'handovers.write',
      async handler({ params, body, ctx, tx, req }) {
        const action = 'handovers.kaa.create';
        const { scope, youth } = await reachYouth(tx, ctx, 'youth-register.write', action, params.youthId);
        const id = await inRequestLanguage(req, () => createKaaHandover(tx, scope.tenantId, youth, body.toUnitId, dateOf(ctx.now)));
        await logAccess(tx, ctx, { action, subjectIds: [youth.id], purpose: handoverPurpose, outcome: 'allowed' });
        return { id };
      },
    }),
  ];
}

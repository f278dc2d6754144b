/**
 * The national comparison (statistics.read): Kolada's public figures for the organiser's municipality and Riket.
 * No personal data; the read is logged as the dashboards' are.
 */
import { eq } from 'drizzle-orm';
import { organisers } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { nationalApi } from '../../../shared/follow-up/national.ts';
import { completionPurpose } from './completion-routes.ts';
import { nationalComparison } from './kolada-store.ts';

export function nationalRoutes(): RouteDefinition[] {
  return [
    routeFor(nationalApi.read, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const tenantId = ctx.actor.tenantId;
        const [org] = tenantId
          ? await tx.select({ municipalityCode: organisers.municipalityCode }).from(organisers).where(eq(organisers.id, tenantId))
          : [];
        if (!org) {
          await logAccess(tx, ctx, { action: 'follow-up.national', purpose: completionPurpose, outcome: 'denied' });
          throw forbidden();
        }
        await logAccess(tx, ctx, { action: 'follow-up.national', purpose: completionPurpose, outcome: 'allowed' });
        return nationalComparison(tx, org.municipalityCode);
      },
    }),
  ];
}

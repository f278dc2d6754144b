/**
 * Measured effect: one intervention's attendance before and after its start (`interventions.read`, logged with the
 * student), and per method across the organiser or the principal's units (`statistics.read`, no names, logged
 * without subject ids, counts under five suppressed).
 */
import { and, eq } from 'drizzle-orm';
import { roles } from '../../../shared/access/roles.ts';
import { caseInterventions } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type Actor } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { effectApi } from '../../../shared/interventions/effect.ts';
import { effectCaveat, interventionEffect, methodEffects } from './effect.ts';
import { loadCaseForActor } from './policy.ts';

const purpose = 'elevhälsans arbete med stöd och insatser';
const statisticsPurpose = 'uppföljning av insatsers effekt på skol- och huvudmannanivå';

/** The units whose cases an actor's statistics cover: the whole organiser for an analyst, their units for a principal. */
export function statisticsUnits(actor: Actor): 'all' | string[] | null {
  const granting = assignmentsGranting(actor, 'statistics.read');
  if (!actor.tenantId || granting.length === 0) return null;
  if (granting.some((a) => roles[a.role].scope === 'organiser-aggregates')) return 'all';
  return [...new Set(granting.flatMap((a) => a.unitIds))];
}

export function interventionEffectRoutes(): RouteDefinition[] {
  return [
    routeFor(effectApi.intervention, {
      permission: 'interventions.read',
      async handler({ params, ctx, tx }) {
        const today = dateOf(ctx.now);
        const tenantId = ctx.actor.tenantId;
        const [intervention] = tenantId
          ? await tx
              .select({ caseId: caseInterventions.caseId, studentId: caseInterventions.studentId, startDate: caseInterventions.startDate })
              .from(caseInterventions)
              .where(and(eq(caseInterventions.tenantId, tenantId), eq(caseInterventions.id, params.id)))
          : [];
        const found = intervention
          ? await loadCaseForActor(tx, ctx.actor, intervention.caseId, { asOf: today, permission: 'interventions.read' })
          : null;
        if (!tenantId || !intervention || !found) {
          await logAccess(tx, ctx, {
            action: 'interventions.effect',
            subjectIds: intervention ? [intervention.studentId] : [],
            purpose,
            outcome: 'denied',
          });
          throw notFound();
        }
        const effect = await interventionEffect(tx, tenantId, intervention, today);
        await logAccess(tx, ctx, { action: 'interventions.effect', subjectIds: [intervention.studentId], purpose, outcome: 'allowed' });
        return effect;
      },
    }),
    routeFor(effectApi.methods, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const units = statisticsUnits(ctx.actor);
        if (!units || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'interventions.effects', purpose: statisticsPurpose, outcome: 'denied' });
          throw forbidden();
        }
        const methods = await methodEffects(tx, ctx.actor.tenantId, units, dateOf(ctx.now));
        await logAccess(tx, ctx, { action: 'interventions.effects', purpose: statisticsPurpose, outcome: 'allowed' });
        return { methods, caveat: effectCaveat };
      },
    }),
  ];
}

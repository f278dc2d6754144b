/**
 * The economic model (statistics.read): the organiser's own inputs — the non-completers of its latest cohort measured
 * within four years, and each method's measured attendance effect with its 95 % interval (the interventions module's
 * `methodEffects`, within the actor's statistics scope) — and the model computed at the caller's parameters
 * (src/shared/follow-up/economics.ts, sensitivity.ts). Parameters out of range are 400s naming the parameter. The
 * inputs are aggregates and logged as the dashboards' reads are.
 */
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import {
  computeModel,
  defaultParameters,
  defaultUncertainty,
  payers,
  type Parameters,
  type Uncertainty,
} from '../../../shared/follow-up/economics.ts';
import { economicsApi, type MeasuredMethod } from '../../../shared/follow-up/economics-api.ts';
import { outcomes, sensitivity } from '../../../shared/follow-up/sensitivity.ts';
import { statisticsScope } from '../interventions/dashboard-routes.ts';
import { effectCaveat, methodEffects, type MethodEffect } from '../interventions/effect.ts';
import { statisticsUnits } from '../interventions/effect-routes.ts';
import { FieldRefusal } from '../interventions/refusals.ts';
import { completionPurpose } from './completion-routes.ts';
import { completionCohorts } from './completion.ts';

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** 1.96 standard errors: the normal 95 % interval around a measured difference. */
const z95 = 1.96;

/** Methods with a shown difference and its standard error, as the calculator takes them. */
export function measuredMethods(effects: readonly MethodEffect[]): MeasuredMethod[] {
  return effects.flatMap((m) =>
    m.n !== null && m.difference && m.differenceStandardError !== null
      ? [
          {
            name: m.method.name,
            n: m.n,
            effect: m.difference.attendanceRate,
            low: Math.max(-1, m.difference.attendanceRate - z95 * m.differenceStandardError),
            high: Math.min(1, m.difference.attendanceRate + z95 * m.differenceStandardError),
          },
        ]
      : [],
  );
}

/** The model's own rules beyond each field's range. */
function check(p: Parameters, u: Uncertainty): void {
  const refuse = (field: string, sv: string, en: string) => new FieldRefusal(field, { sv, en }, economicsApi.compute.labels);
  if (p.toAge <= p.fromAge) throw refuse('parameters.toAge', 'måste vara högre än från-åldern', 'must be above the from age');
  if (payers.reduce((s, k) => s + p.payerShares[k], 0) > 1 + 1e-9)
    throw refuse('parameters.payerShares', 'andelarna får tillsammans vara högst 100 %', 'the shares may add up to at most 100 %');
  for (const [k, [low, high]] of Object.entries(u))
    if (high < low)
      throw refuse(`uncertainty.${k}`, 'det höga värdet får inte vara lägre än det låga', 'the high value may not be below the low one');
}

export function economicsRoutes(): RouteDefinition[] {
  return [
    routeFor(economicsApi.inputs, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const scope = statisticsScope(ctx.actor);
        const tenantId = ctx.actor.tenantId;
        if (!scope || !tenantId) {
          await logAccess(tx, ctx, { action: 'follow-up.economics', purpose: completionPurpose, outcome: 'denied' });
          throw forbidden();
        }
        const cohorts = await completionCohorts(tx, tenantId, scope, dateOf(ctx.now));
        const units = statisticsUnits(ctx.actor);
        const methods = units ? measuredMethods(await methodEffects(tx, tenantId, units, dateOf(ctx.now))) : [];
        await logAccess(tx, ctx, { action: 'follow-up.economics', purpose: completionPurpose, outcome: 'allowed' });
        const measured = cohorts
          .map((c) => ({ startYear: c.startYear, all: c.groups.find((g) => g.dimension === 'all') }))
          .map((c) => ({ ...c, w: c.all?.within.find((h) => h.years === 4) }))
          .filter((c) => c.w && c.all?.starters != null && c.w.examen !== null)
          .at(-1);
        const own = measured
          ? {
              startYear: measured.startYear,
              years: 4,
              starters: measured.all!.starters!,
              nonCompleters: measured.all!.starters! - measured.w!.examen!,
            }
          : null;
        return { own, methods, caveat: effectCaveat, defaults: { parameters: defaultParameters, uncertainty: defaultUncertainty } };
      },
    }),
    routeFor(economicsApi.compute, {
      permission: 'statistics.read',
      async handler({ body, req }) {
        try {
          check(body.parameters, body.uncertainty);
        } catch (error) {
          if (error instanceof FieldRefusal) throw error.in(requestLanguage(req));
          throw error;
        }
        const r = computeModel(body.parameters);
        return {
          ...r,
          intervention: {
            ...r.intervention,
            breakEvenPublic: finite(r.intervention.breakEvenPublic),
            breakEvenMunicipality: finite(r.intervention.breakEvenMunicipality),
            breakEvenEffect: finite(r.intervention.breakEvenEffect),
            ratio: finite(r.intervention.ratio),
          },
          sensitivity: Object.fromEntries(outcomes.map((o) => [o, sensitivity(body.parameters, body.uncertainty, o)])) as Record<
            (typeof outcomes)[number],
            ReturnType<typeof sensitivity>
          >,
        };
      },
    }),
  ];
}

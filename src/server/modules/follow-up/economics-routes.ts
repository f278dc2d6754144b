/**
 * The economic model (statistics.read): the organiser's own inputs — the non-completers of its latest cohort measured
 * within four years — and the model computed at the caller's parameters (src/shared/follow-up/economics.ts). Parameters
 * out of range are 400s naming the parameter. The inputs are aggregates and logged as the dashboards' reads are.
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
  economicsApi,
  payers,
  sensitivity,
  type Parameters,
} from '../../../shared/follow-up/economics.ts';
import { statisticsScope } from '../interventions/dashboard-routes.ts';
import { FieldRefusal } from '../interventions/refusals.ts';
import { completionPurpose } from './completion-routes.ts';
import { completionCohorts } from './completion.ts';

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The model's own rules beyond each field's range. */
function check(p: Parameters): void {
  const refuse = (field: string, sv: string, en: string) => new FieldRefusal(field, { sv, en }, economicsApi.compute.labels);
  if (p.toAge <= p.fromAge) throw refuse('parameters.toAge', 'måste vara högre än från-åldern', 'must be above the from age');
  if (payers.reduce((s, k) => s + p.payerShares[k], 0) > 1 + 1e-9)
    throw refuse('parameters.payerShares', 'andelarna får tillsammans vara högst 100 %', 'the shares may add up to at most 100 %');
  if (p.extraCompletersHigh < p.extraCompletersLow)
    throw refuse('parameters.extraCompletersHigh', 'får inte vara lägre än det låga värdet', 'may not be below the low value');
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
        return { own, defaults: { parameters: defaultParameters, uncertainty: defaultUncertainty } };
      },
    }),
    routeFor(economicsApi.compute, {
      permission: 'statistics.read',
      async handler({ body, req }) {
        try {
          check(body.parameters);
        } catch (error) {
          if (error instanceof FieldRefusal) throw error.in(requestLanguage(req));
          throw error;
        }
        const r = computeModel(body.parameters);
        const s = sensitivity(body.parameters, body.uncertainty);
        return {
          ...r,
          intervention: {
            ...r.intervention,
            breakEvenPublic: finite(r.intervention.breakEvenPublic),
            breakEvenMunicipality: finite(r.intervention.breakEvenMunicipality),
            ratioLow: finite(r.intervention.ratioLow),
            ratioHigh: finite(r.intervention.ratioHigh),
          },
          tornado: s.bars,
          range: s.range,
        };
      },
    }),
  ];
}

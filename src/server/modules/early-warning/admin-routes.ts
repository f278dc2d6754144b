/**
 * Administrators' early-detection routes (`settings.manage`): thresholds and each unit's capacity, the model
 * versions (train, activate) and a version's evaluation report (JSON, or a printable HTML file).
 */
import { and, eq } from 'drizzle-orm';
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import { modelLabels, modelParams, reportQuery } from '../../../shared/early-warning/inputs.ts';
import { earlyWarningSettings, organisations, organisers } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, HttpError, notFound } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { capacitiesOf, DEFAULT_CAPACITY } from './capacity.ts';
import type { ModelStage } from './features.ts';
import { ActivationRefused, activateModel, listModels, loadModel, loadThresholds, trainModel, type StoredModel } from './model-store.ts';
import { refreshTenant } from './refresh.ts';
import { reportHtml } from './report-html.ts';
import { mergeThresholds } from './thresholds.ts';
import { TrainingRefused } from './train.ts';

/** What each stage's model is for, as the models page names it (a refusal names the stage so). */
const stageNames = {
  GY: { sv: 'Gymnasiet', en: 'Upper secondary' },
  GR: { sv: 'Årskurs 7–9', en: 'Years 7–9' },
} as const;

/** The tenant of an administrator's request, or 403 with a denied log row. */
async function adminTenant(tx: DbOrTx, ctx: ActorContext, action: string): Promise<string> {
  if (!ctx.actor.tenantId) {
    await logAccess(tx, ctx, { action, purpose: 'förvaltning av tidig upptäckt', outcome: 'denied' });
    throw forbidden();
  }
  return ctx.actor.tenantId;
}

/** The settings, model and report routes. */
export function adminRoutes(): RouteDefinition[] {
  return [
    routeFor(earlyWarningApi.settings, {
      permission: 'settings.manage',
      async handler({ ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.settings');
        // The organiser's school units by name, for the capacity fields (organisation data, no personal data).
        const units = await tx
          .select({ id: organisations.id, name: organisations.displayName })
          .from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), eq(organisations.organisationType, 'Skolenhet')))
          .orderBy(organisations.displayName);
        return {
          thresholds: await loadThresholds(tx, tenantId),
          capacities: await capacitiesOf(tx, tenantId),
          defaultCapacity: DEFAULT_CAPACITY,
          units,
        };
      },
    }),
    routeFor(earlyWarningApi.saveSettings, {
      permission: 'settings.manage',
      async handler({ body, ctx, tx, req }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.settings');
        const { thresholds, problems } = mergeThresholds(await loadThresholds(tx, tenantId), body.thresholds ?? {});
        if (problems.length) {
          const language = requestLanguage(req);
          const fields = problems.map((p) => ({ field: 'thresholds', message: p[language] }));
          throw new HttpError(400, fields.map((f) => f.message).join(' '), { fields });
        }
        const capacities = { ...(await capacitiesOf(tx, tenantId)), ...(body.capacities ?? {}) };
        await tx
          .insert(earlyWarningSettings)
          .values({ tenantId, thresholds, capacities, updatedBy: ctx.actor.accountId })
          .onConflictDoUpdate({ target: earlyWarningSettings.tenantId, set: { thresholds, capacities, updatedBy: ctx.actor.accountId } });
        await refreshTenant(tx, tenantId, dateOf(ctx.now));
        return { thresholds, capacities };
      },
    }),
    routeFor(earlyWarningApi.models, {
      permission: 'settings.manage',
      async handler({ ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        return { items: await listModels(tx, tenantId) };
      },
    }),
    routeFor(earlyWarningApi.train, {
      permission: 'settings.manage',
      async handler({ body, ctx, tx, req }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        // One stage, or both (upper secondary; years 7–9); 422 when no stage has the data for a model.
        const results: { stage: ModelStage; model: StoredModel | null; refused: string | null }[] = [];
        const language = requestLanguage(req);
        for (const stage of body.stage ? [body.stage] : (['GY', 'GR'] as const)) {
          try {
            results.push({ stage, model: (await trainModel(tx, tenantId, body.asOf ?? dateOf(ctx.now), stage)).model, refused: null });
          } catch (error) {
            if (!(error instanceof TrainingRefused)) throw error;
            results.push({ stage, model: null, refused: error.text(language) });
          }
        }
        if (results.every((r) => r.refused)) {
          throw new HttpError(422, results.map((r) => `${stageNames[r.stage][language]}: ${r.refused}`).join(' '));
        }
        return { results };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/early-warning/models/:id/report',
      permission: 'settings.manage',
      labels: modelLabels,
      schema: { params: modelParams, querystring: reportQuery },
      async handler({ params, query, ctx, tx, reply }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        const model = await loadModel(tx, tenantId, params.id);
        if (!model) throw notFound();
        if (query.format === 'json') return model;
        const [org] = await tx.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, tenantId));
        reply.header('content-type', 'text/html; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="riskmodell-v${model.version}.html"`);
        return reportHtml(
          { organiser: org?.name ?? '', version: model.version, stage: model.stage, trainedAsOf: model.trainedAsOf, status: model.status },
          model.report,
        );
      },
    }),
    routeFor(earlyWarningApi.activate, {
      permission: 'settings.manage',
      async handler({ params, ctx, tx, req }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        try {
          const model = await activateModel(tx, tenantId, params.id, ctx.actor.accountId);
          const { asOf, students, scored, insufficient } = await refreshTenant(tx, tenantId, dateOf(ctx.now));
          return { model, refresh: { asOf, students, scored, insufficient } };
        } catch (error) {
          if (error instanceof ActivationRefused) throw new HttpError(error.status, error.text(requestLanguage(req)));
          throw error;
        }
      },
    }),
  ];
}

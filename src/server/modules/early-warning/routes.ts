/**
 * Early-detection routes: the student-health worklist, a student's early-detection page, the aggregate overview,
 * mentors' connectedness ratings, and (administrators) thresholds, capacities and model versions.
 */
import { and, eq } from 'drizzle-orm';
import { earlyWarningSettings, connectednessRatings, organisations, organisers } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, HttpError, notFound } from '../../platform/errors.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import type { ActorContext } from '../../platform/context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { allowedStudentIds, scopeStudentsQuery } from '../students/policy.ts';
import { ActivationRefused, activateModel, listModels, loadModel, loadThresholds, trainModel, type StoredModel } from './model-store.ts';
import type { ModelStage } from './features.ts';
import { overviewScope } from './policy.ts';
import { presentOverview, presentStudentEarlyWarning, presentWorklistItem } from './present.ts';
import { overviewCounts, studentEarlyWarning, worklist } from './queries.ts';
import { refreshTenant } from './refresh.ts';
import { reportHtml } from './report-html.ts';
import { connectednessBody, emptyQuery, modelParams, reportQuery, settingsBody, studentParams, trainBody, worklistQuery } from './schema.ts';
import { mergeThresholds, thresholdSpecs, thresholdsPatch } from './thresholds.ts';
import { TrainingRefused } from './train.ts';

const purpose = 'tidig upptäckt och stöd till eleven';
const DEFAULT_CAPACITY = 15;

async function settingsOf(tx: DbOrTx, tenantId: string) {
  const [row] = await tx.select().from(earlyWarningSettings).where(eq(earlyWarningSettings.tenantId, tenantId));
  return { thresholds: await loadThresholds(tx, tenantId), capacities: row?.capacities ?? {} };
}

/** The tenant of an administrator's request, or 403 with a denied log row. */
async function adminTenant(tx: DbOrTx, ctx: ActorContext, action: string): Promise<string> {
  if (!ctx.actor.tenantId) {
    await logAccess(tx, ctx, { action, purpose: 'förvaltning av tidig upptäckt', outcome: 'denied' });
    throw forbidden();
  }
  return ctx.actor.tenantId;
}

export function earlyWarningRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/early-warning/worklist', permission: 'early-warning.read', schema: { querystring: worklistQuery },
      async handler({ query, ctx, tx }) {
        const scope = scopeStudentsQuery(ctx.actor, { asOf: dateOf(ctx.now), permission: 'early-warning.read' });
        if (!scope || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.worklist', purpose, outcome: 'denied' });
          throw forbidden();
        }
        const rows = await worklist(tx, ctx.actor.tenantId, scope, query);
        const { capacities } = await settingsOf(tx, ctx.actor.tenantId);
        await logAccess(tx, ctx, { action: 'early-warning.worklist', subjectIds: rows.map((r) => r.id), purpose, outcome: 'allowed' });
        return {
          items: rows.map((r) => presentWorklistItem(r, capacities[r.school_unit_id] ?? DEFAULT_CAPACITY)),
          total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize, asOf: rows[0]?.as_of ?? null,
          capacity: query.schoolUnitId ? (capacities[query.schoolUnitId] ?? DEFAULT_CAPACITY) : null,
        };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/early-warning/students/:id', permission: 'early-warning.read', schema: { params: studentParams },
      async handler({ params, ctx, tx }) {
        const allowed = await allowedStudentIds(tx, ctx.actor, [params.id], { asOf: dateOf(ctx.now), permission: 'early-warning.read' });
        if (!allowed.has(params.id) || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.student', subjectIds: [params.id], purpose, outcome: 'denied' });
          throw notFound();
        }
        const page = presentStudentEarlyWarning(await studentEarlyWarning(tx, ctx.actor.tenantId, params.id));
        await logAccess(tx, ctx, { action: 'early-warning.student', subjectIds: [params.id], purpose, outcome: 'allowed' });
        return page;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/early-warning/overview', permission: 'statistics.read', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        const where = overviewScope(ctx.actor);
        if (!where || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.overview', purpose: 'uppföljning på skol- och huvudmannanivå', outcome: 'denied' });
          throw forbidden();
        }
        const counts = await overviewCounts(tx, ctx.actor.tenantId, where);
        await logAccess(tx, ctx, { action: 'early-warning.overview', purpose: 'uppföljning på skol- och huvudmannanivå', outcome: 'allowed' });
        return presentOverview(counts);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/early-warning/connectedness', permission: 'connectedness.write', schema: { body: connectednessBody },
      async handler({ body, ctx, tx }) {
        const today = dateOf(ctx.now);
        const allowed = await allowedStudentIds(tx, ctx.actor, [body.studentId], { asOf: today, permission: 'connectedness.write' });
        if (!allowed.has(body.studentId) || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.connectedness', subjectIds: [body.studentId], purpose, outcome: 'denied' });
          throw notFound();
        }
        if (body.ratedOn && body.ratedOn > today) throw new HttpError(400, 'ratedOn: datumet får inte ligga i framtiden.', { fields: [{ field: 'ratedOn', message: 'datumet får inte ligga i framtiden' }] });
        const [row] = await tx.insert(connectednessRatings).values({
          tenantId: ctx.actor.tenantId, studentId: body.studentId, ratedOn: body.ratedOn ?? today, ratedBy: ctx.actor.accountId,
          academic: body.academic, behavioural: body.behavioural, social: body.social, affective: body.affective,
        }).returning({ id: connectednessRatings.id, ratedOn: connectednessRatings.ratedOn });
        await logAccess(tx, ctx, { action: 'early-warning.connectedness', subjectIds: [body.studentId], purpose, outcome: 'allowed' });
        return { id: row?.id, ratedOn: row?.ratedOn };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/early-warning/settings', permission: 'settings.manage', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.settings');
        const settings = await settingsOf(tx, tenantId);
        // The organiser's school units by name, for the capacity fields (organisation data, no personal data).
        const units = await tx.select({ id: organisations.id, name: organisations.displayName }).from(organisations)
          .where(and(eq(organisations.tenantId, tenantId), eq(organisations.organisationType, 'Skolenhet'))).orderBy(organisations.displayName);
        return {
          ...settings,
          defaultCapacity: DEFAULT_CAPACITY,
          units,
          specs: Object.entries(thresholdSpecs).map(([name, s]) => ({ name, default: s.default, min: s.min, max: s.max, label: s.sv, source: s.source })),
        };
      },
    }),
    defineRoute({
      method: 'PUT', url: '/api/early-warning/settings', permission: 'settings.manage', schema: { body: settingsBody },
      async handler({ body, ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.settings');
        const current = await settingsOf(tx, tenantId);
        const parsed = thresholdsPatch.safeParse(body.thresholds ?? {});
        if (!parsed.success) {
          const fields = parsed.error.issues.map((i) => ({ field: `thresholds.${i.path.join('.')}`, message: i.message }));
          throw new HttpError(400, fields.map((f) => `${f.field}: ${f.message}`).join(' '), { fields });
        }
        const { thresholds, problems } = mergeThresholds(current.thresholds, parsed.data);
        if (problems.length) throw new HttpError(400, problems.join(' '), { fields: problems.map((message) => ({ field: 'thresholds', message })) });
        const capacities = { ...current.capacities, ...(body.capacities ?? {}) };
        await tx.insert(earlyWarningSettings).values({ tenantId, thresholds, capacities, updatedBy: ctx.actor.accountId })
          .onConflictDoUpdate({ target: earlyWarningSettings.tenantId, set: { thresholds, capacities, updatedBy: ctx.actor.accountId } });
        await refreshTenant(tx, tenantId, dateOf(ctx.now));
        return { thresholds, capacities };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/early-warning/models', permission: 'settings.manage', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        return { items: await listModels(tx, tenantId) };
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/early-warning/models', permission: 'settings.manage', schema: { body: trainBody },
      async handler({ body, ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        // One stage, or both (upper secondary; years 7–9); 422 when no stage has the data for a model.
        const results: { stage: ModelStage; model?: StoredModel; refused?: string }[] = [];
        for (const stage of body.stage ? [body.stage] : (['GY', 'GR'] as const)) {
          try {
            results.push({ stage, model: (await trainModel(tx, tenantId, body.asOf ?? dateOf(ctx.now), stage)).model });
          } catch (error) {
            if (!(error instanceof TrainingRefused)) throw error;
            results.push({ stage, refused: error.message });
          }
        }
        if (results.every((r) => r.refused)) throw new HttpError(422, results.map((r) => `${r.stage}: ${r.refused}`).join(' '));
        return { results };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/early-warning/models/:id/report', permission: 'settings.manage', schema: { params: modelParams, querystring: reportQuery },
      async handler({ params, query, ctx, tx, reply }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        const model = await loadModel(tx, tenantId, params.id);
        if (!model) throw notFound();
        if (query.format === 'json') return model;
        const [org] = await tx.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, tenantId));
        reply.header('content-type', 'text/html; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="riskmodell-v${model.version}.html"`);
        return reportHtml({ organiser: org?.name ?? '', version: model.version, stage: model.stage, trainedAsOf: model.trainedAsOf, status: model.status }, model.report);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/early-warning/models/:id/activate', permission: 'settings.manage', schema: { params: modelParams },
      async handler({ params, ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx, 'early-warning.models');
        try {
          const model = await activateModel(tx, tenantId, params.id, ctx.actor.accountId);
          const refresh = await refreshTenant(tx, tenantId, dateOf(ctx.now));
          return { model, refresh };
        } catch (error) {
          if (error instanceof ActivationRefused) throw new HttpError(error.message.startsWith('Modellversionen finns inte') ? 404 : 409, error.message);
          throw error;
        }
      },
    }),
  ];
}

/**
 * Early-detection routes for the student-health team and mentors: the worklist (and its CSV export), a student's
 * early-detection page, connectedness ratings, and the aggregate overview. Administrators' routes: admin-routes.ts.
 * Every read of named students writes an access-log row with their ids; a refusal writes a denied row.
 */
import { earlyWarningApi } from '../../../shared/early-warning/contract.ts';
import { earlyWarningLabels, worklistExportLimit, worklistExportQuery } from '../../../shared/early-warning/inputs.ts';
import { analyzeOnce } from '../../db/analyze.ts';
import { connectednessRatings, indicatorEpisodes, studentRisk, studentRiskHistory } from '../../db/schema/index.ts';
import { markChanged } from './refresh-changes.ts';
import { logAccess } from '../../platform/access-log.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, HttpError, notFound } from '../../platform/errors.ts';
import { answerFor } from '../../platform/read-cache.ts';
import { requestLanguage } from '../../platform/language.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { allowedStudentIds, scopeStudentsQuery } from '../students/policy.ts';
import { readScopedPage } from '../students/scoped-page.ts';
import { adminRoutes } from './admin-routes.ts';
import { capacitiesOf, DEFAULT_CAPACITY } from './capacity.ts';
import { overviewScope } from './policy.ts';
import { presentOverview, presentStudentEarlyWarning, presentWorklistItem } from './present.ts';
import { overviewCounts } from './overview-counts.ts';
import { studentEarlyWarning, worklist, worklistOrder, worklistQuery, type WorklistRow } from './queries.ts';
import { worklistCsv } from './worklist-csv.ts';

const purpose = 'tidig upptäckt och stöd till eleven';
/** The tables the refresh rewrites that the worklist's statement reads. */
const refreshedTables = [studentRisk, studentRiskHistory, indicatorEpisodes];

/** Every early-detection route. */
export function earlyWarningRoutes(): RouteDefinition[] {
  return [
    routeFor(earlyWarningApi.worklist, {
      permission: 'early-warning.read',
      async handler({ query, ctx, tx, deps }) {
        const { rows, tenantId } = await readScopedPage<WorklistRow>(
          { ctx, tx, deps },
          {
            action: 'early-warning.worklist',
            permission: 'early-warning.read',
            purpose,
            query,
            statement: ({ tenantId: organiser, scope }) => ({ query: worklistQuery(organiser, scope, query), orderBy: worklistOrder }),
            // A refresh since this process last read the worklist rewrote the tables the ranking and the page read:
            // their statistics are brought up to date once, for the requests after this one (db/analyze.ts).
            afterRead: async (read, organiser) => {
              if (read[0]) await analyzeOnce(tx, `early-warning ${organiser} ${read[0].as_of}`, refreshedTables);
            },
          },
        );
        // Read in the page's statement; only an empty page needs its own look-up (the filtered unit's capacity).
        const answer = (capacities: Record<string, number>) => ({
          items: rows.map((r) => presentWorklistItem(r, capacities[r.school_unit_id] ?? DEFAULT_CAPACITY)),
          total: rows[0]?.total ?? 0,
          page: query.page,
          pageSize: query.pageSize,
          asOf: rows[0]?.as_of ?? null,
          capacity: query.schoolUnitId ? (capacities[query.schoolUnitId] ?? DEFAULT_CAPACITY) : null,
        });
        return rows[0] ? answerFor(rows, () => answer(rows[0]?.capacities ?? {})) : answer(await capacitiesOf(tx, tenantId));
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/early-warning/worklist.csv',
      permission: 'early-warning.read',
      schema: { querystring: worklistExportQuery },
      labels: earlyWarningLabels,
      async handler({ query, ctx, tx, reply }) {
        const scope = scopeStudentsQuery(ctx.actor, { asOf: dateOf(ctx.now), permission: 'early-warning.read' });
        if (!scope || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.worklist-export', purpose, outcome: 'denied' });
          throw forbidden();
        }
        const rows = await worklist(tx, ctx.actor.tenantId, scope, { ...query, page: 1, pageSize: worklistExportLimit });
        const capacities = await capacitiesOf(tx, ctx.actor.tenantId);
        // The export hands every named student to a file outside the platform: logged with all of their ids.
        await logAccess(tx, ctx, {
          action: 'early-warning.worklist-export',
          subjectIds: rows.map((r) => r.id),
          purpose,
          outcome: 'allowed',
        });
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="tidig-upptackt-${dateOf(ctx.now)}.csv"`);
        return worklistCsv(
          rows.map((r) => presentWorklistItem(r, capacities[r.school_unit_id] ?? DEFAULT_CAPACITY)),
          rows[0]?.total ?? 0,
        );
      },
    }),
    routeFor(earlyWarningApi.student, {
      permission: 'early-warning.read',
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
    routeFor(earlyWarningApi.overview, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const where = overviewScope(ctx.actor);
        const overviewPurpose = 'uppföljning på skol- och huvudmannanivå';
        if (!where || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.overview', purpose: overviewPurpose, outcome: 'denied' });
          throw forbidden();
        }
        const counts = await overviewCounts(tx, ctx.actor.tenantId, where);
        await logAccess(tx, ctx, { action: 'early-warning.overview', purpose: overviewPurpose, outcome: 'allowed' });
        return presentOverview(counts);
      },
    }),
    routeFor(earlyWarningApi.rateConnectedness, {
      permission: 'connectedness.write',
      async handler({ body, ctx, tx, req }) {
        const today = dateOf(ctx.now);
        const allowed = await allowedStudentIds(tx, ctx.actor, [body.studentId], { asOf: today, permission: 'connectedness.write' });
        if (!allowed.has(body.studentId) || !ctx.actor.tenantId) {
          await logAccess(tx, ctx, { action: 'early-warning.connectedness', subjectIds: [body.studentId], purpose, outcome: 'denied' });
          throw notFound();
        }
        if (body.ratedOn && body.ratedOn > today) {
          const label = earlyWarningLabels.ratedOn!;
          const message =
            requestLanguage(req) === 'en' ? `${label.en}: must not be in the future.` : `${label.sv}: får inte ligga i framtiden.`;
          throw new HttpError(400, message, { fields: [{ field: 'ratedOn', message }] });
        }
        const [row] = await tx
          .insert(connectednessRatings)
          .values({
            tenantId: ctx.actor.tenantId,
            studentId: body.studentId,
            ratedOn: body.ratedOn ?? today,
            ratedBy: ctx.actor.accountId,
            academic: body.academic,
            behavioural: body.behavioural,
            social: body.social,
            affective: body.affective,
          })
          .returning({ id: connectednessRatings.id, ratedOn: connectednessRatings.ratedOn });
        await markChanged(tx, ctx.actor.tenantId, [body.studentId]);
        await logAccess(tx, ctx, { action: 'early-warning.connectedness', subjectIds: [body.studentId], purpose, outcome: 'allowed' });
        if (!row) throw new Error('the rating was not stored');
        return { id: row.id, ratedOn: row.ratedOn };
      },
    }),
    ...adminRoutes(),
  ];
}

/**
 * The half-year report's routes (youth-register.read): the preview (summary, every failing check, the digest) and the
 * export of SCB's file, which is refused unless it carries the digest of a preview of exactly this data — so nobody
 * exports failures they were not shown, nor data that changed after they looked.
 */
import { halfYearBounds, reportApi, reportExportBody, reportExportPath, reportLabels } from '../../../../shared/kaa/report.ts';
import { logAccess } from '../../../platform/access-log.ts';
import { HttpError } from '../../../platform/errors.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../../platform/routes.ts';
import { scbCodes, unverified } from './codes.ts';
import { actorArea, reportFor } from './load.ts';

const purpose = 'halvårsrapportering till SCB om det kommunala aktivitetsansvaret';

export function reportRoutes(): RouteDefinition[] {
  return [
    routeFor(reportApi.preview, {
      permission: 'youth-register.read',
      async handler({ query, ctx, tx }) {
        const area = await actorArea(tx, ctx, 'kaa.report.preview');
        const report = await reportFor(tx, area, query.half);
        // The preview shows the names of those who fail a check; the rest only as counts.
        await logAccess(tx, ctx, {
          action: 'kaa.report.preview',
          subjectIds: report.failures.map((f) => f.personId),
          purpose,
          outcome: 'allowed',
        });
        const codes = scbCodes();
        return {
          half: report.half,
          period: halfYearBounds(report.half),
          municipality: area.municipality,
          codeListVersion: codes.version,
          codeListUnverified: unverified(codes),
          summary: report.summary,
          failures: report.failures,
          digest: report.digest,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: reportExportPath,
      permission: 'youth-register.read',
      schema: { body: reportExportBody },
      labels: reportLabels,
      async handler({ body, ctx, tx, reply }) {
        const area = await actorArea(tx, ctx, 'kaa.report.export');
        const report = await reportFor(tx, area, body.half);
        if (body.digest !== report.digest) {
          await logAccess(tx, ctx, { action: 'kaa.report.export', purpose, outcome: 'denied' });
          throw new HttpError(
            409,
            'Uppgifterna har ändrats sedan förhandsgranskningen, eller så gäller den ett annat halvår. Förhandsgranska igen och gå igenom felen innan du exporterar.',
          );
        }
        await logAccess(tx, ctx, { action: 'kaa.report.export', subjectIds: report.youthIds, purpose, outcome: 'allowed' });
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="aktivitetsansvar-${area.municipality.code}-${report.half}.txt"`);
        return report.file;
      },
    }),
  ];
}

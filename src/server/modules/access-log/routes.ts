/**
 * The access-log review (administrators and the data protection officer): filter, page, export as CSV; person
 * lookup. Shapes and labels: src/shared/access-log/contract.ts.
 */
import { parseCivicNo } from '../../../ingest/ss12000/civic-number.ts';
import { accessLogApi, accessLogExportPath, accessLogFilter, accessLogLabels } from '../../../shared/access-log/contract.ts';
import { logAccess } from '../../platform/access-log.ts';
import { forbidden, HttpError } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { dateOf } from '../../platform/dates.ts';
import { accessLogCsv } from './csv.ts';
import { namesFor, presentAccessLogRow } from './present.ts';
import { listAccessLog, personsByCivicNo } from './queries.ts';

const purpose = 'granskning av åtkomstloggen';
/** Rows in one CSV export; a larger selection is cut and says so in its last line. */
export const exportLimit = 100_000;

const notACivicNo = { sv: 'är inte ett giltigt personnummer', en: 'is not a valid personnummer' };

export function accessLogRoutes(): RouteDefinition[] {
  return [
    routeFor(accessLogApi.list, {
      permission: 'access-log.read',
      async handler({ query, ctx, tx }) {
        if (!ctx.actor.tenantId) throw forbidden();
        const tenantId = ctx.actor.tenantId;
        const rows = await listAccessLog(tx, tenantId, query);
        const names = await namesFor(tx, tenantId, rows, query.subjectId ? [query.subjectId] : []);
        await logAccess(tx, ctx, {
          action: 'access-log.read',
          subjectIds: query.subjectId ? [query.subjectId] : [],
          purpose,
          outcome: 'allowed',
        });
        return {
          items: rows.map((r) => presentAccessLogRow(r, names)),
          total: rows[0]?.total ?? 0,
          page: query.page,
          pageSize: query.pageSize,
          subject: query.subjectId ? { id: query.subjectId, name: names.persons.get(query.subjectId) ?? null } : null,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: accessLogExportPath,
      permission: 'access-log.read',
      schema: { querystring: accessLogFilter },
      labels: accessLogLabels,
      async handler({ query, ctx, tx, reply }) {
        if (!ctx.actor.tenantId) throw forbidden();
        const rows = await listAccessLog(tx, ctx.actor.tenantId, query, exportLimit);
        const names = await namesFor(tx, ctx.actor.tenantId, rows);
        await logAccess(tx, ctx, {
          action: 'access-log.export',
          subjectIds: query.subjectId ? [query.subjectId] : [],
          purpose,
          outcome: 'allowed',
        });
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="atkomstlogg-${dateOf(ctx.now)}.csv"`);
        return accessLogCsv(rows, names, rows[0]?.total ?? 0);
      },
    }),
    routeFor(accessLogApi.lookup, {
      permission: 'register-extract.create',
      async handler({ body, ctx, tx, req }) {
        const parsed = parseCivicNo(body.civicNo.replace(/[-+\s]/g, ''));
        if (!parsed.ok) {
          // Named as the form names it, in the request's language; the number itself is never echoed.
          const language = requestLanguage(req);
          const message = `${accessLogLabels.civicNo![language]}: ${notACivicNo[language]}.`;
          throw new HttpError(400, message, { fields: [{ field: 'civicNo', label: accessLogLabels.civicNo![language], message }] });
        }
        if (!ctx.actor.tenantId) throw forbidden();
        const matches = await personsByCivicNo(tx, ctx.actor.tenantId, parsed.civicNo);
        await logAccess(tx, ctx, {
          action: 'people.lookup',
          subjectIds: matches.map((m) => m.id),
          purpose: 'identifiering av registrerad (GDPR)',
          outcome: 'allowed',
        });
        return { matches: matches.map((m) => ({ id: m.id, givenName: m.given_name, familyName: m.family_name })) };
      },
    }),
  ];
}

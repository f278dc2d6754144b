/** The access-log review (administrators and the data protection officer): filter, page, export as CSV; person lookup. */
import { stringify } from 'csv-stringify/sync';
import { parseCivicNo } from '../../../ingest/ss12000/civic-number.ts';
import { logAccess } from '../../platform/access-log.ts';
import { forbidden, HttpError } from '../../platform/errors.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { dateOf } from '../../platform/dates.ts';
import { csvHeader, csvRecord, presentAccessLogRow } from './present.ts';
import { listAccessLog, personsByCivicNo } from './queries.ts';
import { accessLogFilter, personLookupBody } from './schema.ts';

const purpose = 'granskning av åtkomstloggen';
/** Rows in one CSV export; a larger selection is cut and says so in its last line. */
export const exportLimit = 100_000;

export function accessLogRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/access-log',
      permission: 'access-log.read',
      schema: { querystring: accessLogFilter },
      async handler({ query, ctx, tx }) {
        if (!ctx.actor.tenantId) throw forbidden();
        const rows = await listAccessLog(tx, ctx.actor.tenantId, query);
        await logAccess(tx, ctx, { action: 'access-log.read', subjectIds: query.subjectId ? [query.subjectId] : [], purpose, outcome: 'allowed' });
        return { items: rows.map(presentAccessLogRow), total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/access-log/export.csv',
      permission: 'access-log.read',
      schema: { querystring: accessLogFilter },
      async handler({ query, ctx, tx, reply }) {
        if (!ctx.actor.tenantId) throw forbidden();
        const rows = await listAccessLog(tx, ctx.actor.tenantId, query, exportLimit);
        await logAccess(tx, ctx, { action: 'access-log.export', subjectIds: query.subjectId ? [query.subjectId] : [], purpose, outcome: 'allowed' });
        const records = [csvHeader, ...rows.map(csvRecord)];
        const total = rows[0]?.total ?? 0;
        if (total > rows.length) records.push([`urvalet har ${total} rader; exporten visar de ${rows.length} senaste`]);
        // BOM and semicolons: Excel with Swedish settings opens it as columns, with å, ä and ö intact.
        const csv = `\ufeff${stringify(records, { delimiter: ';' })}`;
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="atkomstlogg-${dateOf(ctx.now)}.csv"`);
        return csv;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/people/lookup',
      permission: 'register-extract.create',
      schema: { body: personLookupBody },
      async handler({ body, ctx, tx }) {
        const parsed = parseCivicNo(body.civicNo.replace(/[-+\s]/g, ''));
        if (!parsed.ok) throw new HttpError(400, 'Fältet \'civicNo\' är inte ett giltigt personnummer.', { fields: [{ field: 'civicNo', message: 'ogiltigt personnummer' }] });
        if (!ctx.actor.tenantId) throw forbidden();
        const matches = await personsByCivicNo(tx, ctx.actor.tenantId, parsed.civicNo);
        await logAccess(tx, ctx, {
          action: 'people.lookup', subjectIds: matches.map((m) => m.id), purpose: 'identifiering av registrerad (GDPR)', outcome: 'allowed',
        });
        return { matches: matches.map((m) => ({ id: m.id, givenName: m.given_name, familyName: m.family_name })) };
      },
    }),
  ];
}

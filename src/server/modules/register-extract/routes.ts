/** POST /api/register-extract: everything held about one person (GDPR art. 15), as JSON or PDF, logged. */
import { logAccess } from '../../platform/access-log.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import { dateOf } from '../../platform/dates.ts';
import { buildRegisterExtract } from './build-extract.ts';
import { registerExtractPdf } from './pdf.ts';
import { registerExtractBody } from './schema.ts';

const purpose = 'registerutdrag enligt artikel 15 GDPR';

export function registerExtractRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/register-extract',
      permission: 'register-extract.create',
      schema: { body: registerExtractBody },
      async handler({ body, ctx, tx, reply }) {
        if (!ctx.actor.tenantId) throw forbidden();
        const extract = await buildRegisterExtract(tx, ctx.actor.tenantId, body.personId, ctx.now);
        if (!extract) {
          await logAccess(tx, ctx, { action: 'register-extract.create', subjectIds: [body.personId], purpose, outcome: 'denied' });
          throw notFound();
        }
        await logAccess(tx, ctx, { action: 'register-extract.create', subjectIds: [body.personId], purpose, outcome: 'allowed' });
        const name = `registerutdrag-${dateOf(ctx.now)}`;
        reply.header('cache-control', 'no-store');
        if (body.format === 'pdf') {
          reply.header('content-type', 'application/pdf');
          reply.header('content-disposition', `attachment; filename="${name}.pdf"`);
          return registerExtractPdf(extract);
        }
        reply.header('content-disposition', `attachment; filename="${name}.json"`);
        return extract;
      },
    }),
  ];
}

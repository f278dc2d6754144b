/**
 * The register extract (GDPR art. 15) and its secrecy review, every read logged (contract:
 * src/shared/register-extract/contract.ts):
 * - POST /api/register-extract: the extract handed out, as JSON or PDF (items under secrecy only once released, and
 *   only to the data protection officer; anyone else gets their count) — a file route, its JSON checked with the
 *   contract's document schema;
 * - GET  /api/register-extract/people/:personId/secrecy-review: the items under secrecy with their content (DPO only);
 * - POST /api/register-extract/people/:personId/secrecy-decisions: release or withhold one item, with a reason (DPO only).
 */
import { registerExtractApi, registerExtractDocument, registerExtractEndpoint } from '../../../shared/register-extract/contract.ts';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import { actorCan, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden, HttpError, notFound } from '../../platform/errors.ts';
import { checkedResponse } from '../../platform/response-check.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { buildRegisterExtract, presentExtractJson } from './build-extract.ts';
import { fullName, personOf } from './identity.ts';
import { registerExtractPdf } from './pdf.ts';
import { recordSecrecyDecision, secrecyCounts, secretItemsOf } from './secrecy.ts';

const purpose = 'registerutdrag enligt artikel 15 GDPR';
const reviewPurpose = 'sekretessprövning av registerutdrag';

/** The actor's tenant, and the person in it, or a logged 404. */
async function reachPerson(tx: DbOrTx, ctx: ActorContext, personId: string, action: string) {
  const tenantId = ctx.actor.tenantId;
  if (!tenantId) throw forbidden();
  const person = await personOf(tx, tenantId, personId);
  if (!person) {
    await logAccess(tx, ctx, {
      action,
      subjectIds: [personId],
      purpose: action === 'register-extract.create' ? purpose : reviewPurpose,
      outcome: 'denied',
    });
    throw notFound();
  }
  return { tenantId, person };
}

export function registerExtractRoutes(): RouteDefinition[] {
  return [
    // A file route (JSON or PDF): method, path, body and labels from the contract; the JSON checked with its document schema.
    defineRoute({
      method: registerExtractEndpoint.method,
      url: registerExtractEndpoint.path,
      permission: 'register-extract.create',
      schema: { body: registerExtractEndpoint.body },
      labels: registerExtractEndpoint.labels,
      async handler({ body, ctx, tx, reply }) {
        const { tenantId } = await reachPerson(tx, ctx, body.personId, 'register-extract.create');
        const reviewer = actorCan(ctx.actor, 'register-extract.review');
        const extract = await buildRegisterExtract(tx, tenantId, body.personId, ctx.now, { reviewer });
        if (!extract) throw notFound();
        await logAccess(tx, ctx, { action: 'register-extract.create', subjectIds: [body.personId], purpose, outcome: 'allowed' });
        const name = `registerutdrag-${dateOf(ctx.now)}`;
        reply.header('cache-control', 'no-store');
        if (body.format === 'pdf') {
          reply.header('content-type', 'application/pdf');
          reply.header('content-disposition', `attachment; filename="${name}.pdf"`);
          return registerExtractPdf(extract);
        }
        reply.header('content-disposition', `attachment; filename="${name}.json"`);
        return checkedResponse(registerExtractDocument, presentExtractJson(extract));
      },
    }),
    routeFor(registerExtractApi.review, {
      permission: 'register-extract.review',
      async handler({ params, ctx, tx }) {
        const { tenantId, person } = await reachPerson(tx, ctx, params.personId, 'register-extract.secrecy-review');
        const items = await secretItemsOf(tx, tenantId, params.personId);
        await logAccess(tx, ctx, {
          action: 'register-extract.secrecy-review',
          subjectIds: [params.personId],
          purpose: reviewPurpose,
          outcome: 'allowed',
        });
        return { person: { id: params.personId, name: fullName(person) }, counts: secrecyCounts(items), items };
      },
    }),
    routeFor(registerExtractApi.decide, {
      permission: 'register-extract.review',
      async handler({ params, body, ctx, tx }) {
        const action = 'register-extract.secrecy-decision';
        const { tenantId } = await reachPerson(tx, ctx, params.personId, action);
        const item = (await secretItemsOf(tx, tenantId, params.personId)).find((i) => i.kind === body.kind && i.itemId === body.itemId);
        if (!item) {
          await logAccess(tx, ctx, { action, subjectIds: [params.personId], purpose: reviewPurpose, outcome: 'denied' });
          throw notFound();
        }
        if (item.contentHash !== body.contentHash) {
          throw new HttpError(409, 'Uppgiften har ändrats sedan du läste den. Läs den igen innan du beslutar.');
        }
        await recordSecrecyDecision(
          tx,
          tenantId,
          params.personId,
          {
            kind: body.kind,
            itemId: body.itemId,
            decision: body.decision,
            reason: body.reason,
            reasonCategory: body.decision === 'withhold' ? body.reasonCategory : null,
          },
          { accountId: ctx.actor.accountId, at: ctx.now },
        );
        await logAccess(tx, ctx, { action, subjectIds: [params.personId], purpose: reviewPurpose, outcome: 'allowed' });
        const updated = (await secretItemsOf(tx, tenantId, params.personId)).find((i) => i.kind === body.kind && i.itemId === body.itemId);
        // Recorded in this transaction on the item just read: it is there (a defect otherwise, answered 500 and rolled back).
        if (!updated) throw new Error('Beslutet sparades men uppgiften hittades inte.');
        return { item: updated };
      },
    }),
  ];
}

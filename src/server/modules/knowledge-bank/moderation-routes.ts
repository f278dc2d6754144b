/**
 * The knowledge bank's signed-in routes (src/shared/knowledge-bank/contract.ts): anyone with an account proposes
 * records and edits (`knowledge-bank.submit`) and follows them; the regional editors (`knowledge-bank.moderate`) review
 * the queue, comment, approve, reject and mark records reviewed. Reference data, no student data: no access-log rows
 * beyond the platform's permission denials (docs/knowledge-bank.md, "Access log"). A revision is visible to its
 * submitter and the editors only; to anyone else it does not exist (404).
 */
import { knowledgeApi } from '../../../shared/knowledge-bank/contract.ts';
import { actorCan, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import {
  addComment,
  approveRevision,
  markReviewed,
  myRevisions,
  presentRevisions,
  publishedRecord,
  recordContent,
  recordHistory,
  rejectRevision,
  revisionFor,
  submitRevision,
  withdrawRevision,
} from './moderation.ts';
import { reviewQueue } from './review-queue.ts';

const viewer = (ctx: ActorContext) => ({ accountId: ctx.actor.accountId, moderator: actorCan(ctx.actor, 'knowledge-bank.moderate') });

/** The submission, review and history routes. */
export function knowledgeModerationRoutes(): RouteDefinition[] {
  return [
    routeFor(knowledgeApi.submit, {
      permission: 'knowledge-bank.submit',
      async handler({ body, ctx, tx, req, reply }) {
        const created = await submitRevision(tx, ctx.actor.accountId, ctx.now, body, requestLanguage(req));
        reply.code(201);
        return created;
      },
    }),
    routeFor(knowledgeApi.mine, {
      permission: 'knowledge-bank.submit',
      async handler({ ctx, tx }) {
        return { items: await myRevisions(tx, ctx.actor.accountId) };
      },
    }),
    routeFor(knowledgeApi.revision, {
      permission: 'knowledge-bank.submit',
      async handler({ params, ctx, tx }) {
        const [revision] = await presentRevisions(tx, [await revisionFor(tx, params.id, viewer(ctx))]);
        return revision!;
      },
    }),
    routeFor(knowledgeApi.recordContent, {
      permission: 'knowledge-bank.submit',
      async handler({ params, tx }) {
        const record = await publishedRecord(tx, params.id);
        return { recordId: record.id, slug: record.slug, version: record.version, content: await recordContent(tx, record) };
      },
    }),
    routeFor(knowledgeApi.reviewQueue, {
      permission: 'knowledge-bank.moderate',
      async handler({ ctx, tx }) {
        return reviewQueue(tx, dateOf(ctx.now));
      },
    }),
    routeFor(knowledgeApi.comment, {
      // The editors and the submitter (permission `knowledge-bank.submit`, which every editor also holds); anyone else 404.
      permission: 'knowledge-bank.submit',
      async handler({ params, body, ctx, tx, reply }) {
        const revision = await revisionFor(tx, params.id, viewer(ctx));
        const created = await addComment(tx, revision.id, ctx.actor.accountId, body.body, ctx.now);
        reply.code(201);
        return created;
      },
    }),
    routeFor(knowledgeApi.approve, {
      permission: 'knowledge-bank.moderate',
      async handler({ params, ctx, tx, req }) {
        return approveRevision(tx, params.id, ctx.actor.accountId, ctx.now, dateOf(ctx.now), requestLanguage(req));
      },
    }),
    routeFor(knowledgeApi.reject, {
      permission: 'knowledge-bank.moderate',
      async handler({ params, body, ctx, tx }) {
        await rejectRevision(tx, params.id, ctx.actor.accountId, body.reason, ctx.now);
        return { id: params.id, status: 'rejected' as const };
      },
    }),
    routeFor(knowledgeApi.withdraw, {
      // The submitter takes back a pending proposal; it stays in the history as 'withdrawn'.
      permission: 'knowledge-bank.submit',
      async handler({ params, ctx, tx }) {
        await withdrawRevision(tx, params.id, viewer(ctx), ctx.now);
        return { id: params.id, status: 'withdrawn' as const };
      },
    }),
    routeFor(knowledgeApi.history, {
      permission: 'knowledge-bank.moderate',
      async handler({ params, tx }) {
        return recordHistory(tx, params.id);
      },
    }),
    routeFor(knowledgeApi.markReviewed, {
      permission: 'knowledge-bank.moderate',
      async handler({ params, ctx, tx }) {
        return markReviewed(tx, params.id, dateOf(ctx.now), ctx.now);
      },
    }),
  ];
}

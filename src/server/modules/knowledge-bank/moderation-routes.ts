/**
 * The knowledge bank's signed-in routes: anyone with an account proposes records and edits (`knowledge-bank.submit`)
 * and follows them; the regional editors (`knowledge-bank.moderate`) review the queue, comment, approve, reject and
 * mark records reviewed. Reference data, no student data: no access-log rows beyond the platform's permission denials
 * (docs/knowledge-bank.md, "Access log"). A revision is visible to its submitter and the editors only; to anyone
 * else it does not exist (404).
 */
import { z } from 'zod';
import { paragraph } from '../../../shared/input/index.ts';
import { dateOf } from '../../platform/dates.ts';
import { actorCan, type ActorContext } from '../../platform/context.ts';
import { defineRoute, type RouteDefinition } from '../../platform/routes.ts';
import {
  addComment, approveRevision, myRevisions, pendingRevisions, presentRevisions, publishedRecord, recordContent, recordHistory, rejectRevision,
  markReviewed, revisionFor, submitRevision, withdrawRevision,
} from './moderation.ts';
import { recordsDueForReview } from './review-reminders.ts';

/** The longest comment and rejection reason, and the most fields a submission's content may name (docs/knowledge-bank.md). */
export const moderationLimits = { comment: 5000, rejectReason: 2000, contentFields: 40 } as const;

const idParams = z.strictObject({ id: z.uuid() });
const emptyQuery = z.strictObject({});
const emptyBody = z.strictObject({});
const submissionBody = z.strictObject({
  /** The published record an edit is for; absent for a new record. */
  recordId: z.uuid().optional(),
  /**
   * The proposed content, checked field by field by validation.ts (strict: an unknown field is refused there); its
   * errors name the field inside it, e.g. `places.0.lat`. Here only its size: field names are short and few.
   */
  content: z
    .record(z.string().max(60), z.unknown())
    .refine((value) => Object.keys(value).length <= moderationLimits.contentFields, { error: `högst ${moderationLimits.contentFields} fält` }),
});
const commentBody = z.strictObject({ body: paragraph(moderationLimits.comment) });
const rejectBody = z.strictObject({ reason: paragraph(moderationLimits.rejectReason, 3) });

const viewer = (ctx: ActorContext) => ({ accountId: ctx.actor.accountId, moderator: actorCan(ctx.actor, 'knowledge-bank.moderate') });

export function knowledgeModerationRoutes(): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST', url: '/api/knowledge/submissions', permission: 'knowledge-bank.submit', schema: { body: submissionBody },
      async handler({ body, ctx, tx, reply }) {
        const created = await submitRevision(tx, ctx.actor.accountId, ctx.now, { recordId: body.recordId, content: body.content });
        reply.code(201);
        return created;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/knowledge/submissions/mine', permission: 'knowledge-bank.submit', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        return { items: await myRevisions(tx, ctx.actor.accountId) };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/knowledge/revisions/:id', permission: 'knowledge-bank.submit', schema: { params: idParams, querystring: emptyQuery },
      async handler({ params, ctx, tx }) {
        const [revision] = await presentRevisions(tx, [await revisionFor(tx, params.id, viewer(ctx))]);
        return revision;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/knowledge/records/:id/content', permission: 'knowledge-bank.submit', schema: { params: idParams, querystring: emptyQuery },
      async handler({ params, tx }) {
        const record = await publishedRecord(tx, params.id);
        return { recordId: record.id, slug: record.slug, version: record.version, content: await recordContent(tx, record) };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/knowledge/review-queue', permission: 'knowledge-bank.moderate', schema: { querystring: emptyQuery },
      async handler({ ctx, tx }) {
        return { pending: await pendingRevisions(tx), dueForReview: await recordsDueForReview(tx, dateOf(ctx.now)) };
      },
    }),
    defineRoute({
      // The editors and the submitter (permission `knowledge-bank.submit`, which every editor also holds); anyone else 404.
      method: 'POST', url: '/api/knowledge/revisions/:id/comments', permission: 'knowledge-bank.submit', schema: { params: idParams, body: commentBody },
      async handler({ params, body, ctx, tx, reply }) {
        const revision = await revisionFor(tx, params.id, viewer(ctx));
        const created = await addComment(tx, revision.id, ctx.actor.accountId, body.body, ctx.now);
        reply.code(201);
        return created;
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/knowledge/revisions/:id/approve', permission: 'knowledge-bank.moderate', schema: { params: idParams, body: emptyBody },
      async handler({ params, ctx, tx }) {
        return approveRevision(tx, params.id, ctx.actor.accountId, ctx.now, dateOf(ctx.now));
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/knowledge/revisions/:id/reject', permission: 'knowledge-bank.moderate', schema: { params: idParams, body: rejectBody },
      async handler({ params, body, ctx, tx }) {
        await rejectRevision(tx, params.id, ctx.actor.accountId, body.reason, ctx.now);
        return { id: params.id, status: 'rejected' };
      },
    }),
    defineRoute({
      // The submitter takes back a pending proposal; it stays in the history as 'withdrawn'.
      method: 'POST', url: '/api/knowledge/revisions/:id/withdraw', permission: 'knowledge-bank.submit', schema: { params: idParams, body: emptyBody },
      async handler({ params, ctx, tx }) {
        await withdrawRevision(tx, params.id, viewer(ctx), ctx.now);
        return { id: params.id, status: 'withdrawn' };
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/knowledge/records/:id/history', permission: 'knowledge-bank.moderate', schema: { params: idParams, querystring: emptyQuery },
      async handler({ params, tx }) {
        return recordHistory(tx, params.id);
      },
    }),
    defineRoute({
      method: 'POST', url: '/api/knowledge/records/:id/review', permission: 'knowledge-bank.moderate', schema: { params: idParams, body: emptyBody },
      async handler({ params, ctx, tx }) {
        return markReviewed(tx, params.id, dateOf(ctx.now), ctx.now);
      },
    }),
  ];
}

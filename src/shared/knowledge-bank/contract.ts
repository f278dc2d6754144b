/**
 * The knowledge bank's signed-in API, one contract for the server's routes and the web app's pages: submissions and
 * their conversation, the editors' review, and the lists the submit form chooses from (published methods, the 290
 * municipalities by name). The public read API is in public.ts.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { paragraph } from '../input/index.ts';
import {
  methodOptionsAnswer,
  municipalityOptionsAnswer,
  recordContentAnswer,
  recordHistoryAnswer,
  reviewQueueAnswer,
  revisionAnswer,
} from './answers.ts';
import { submissionContent } from './content.ts';
import { submissionLabels } from './labels.ts';

/** The longest comment and rejection reason (docs/knowledge-bank.md, "Input limits"). */
export const moderationLimits = { comment: 5000, rejectReason: 2000 } as const;

const idParams = z.strictObject({ id: z.uuid() });
/** GET routes take no parameters; anything sent is refused rather than ignored. */
const emptyQuery = z.strictObject({});
const emptyBody = z.strictObject({});

export const submissionBody = z.strictObject({
  /** The published record an edit is for; absent for a new record. */
  recordId: z.uuid().optional(),
  content: submissionContent,
});
const commentBody = z.strictObject({ body: paragraph(moderationLimits.comment) });
const rejectBody = z.strictObject({ reason: paragraph(moderationLimits.rejectReason, 3) });

const revisionLabels: FieldLabels = { id: { sv: 'Förslag', en: 'Suggestion' } };
const recordLabels: FieldLabels = { id: { sv: 'Post', en: 'Record' } };

const created = z.object({ id: z.uuid() });

export const knowledgeApi = {
  submit: endpoint({
    method: 'POST',
    path: '/api/knowledge/submissions',
    body: submissionBody,
    response: created,
    labels: submissionLabels,
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/knowledge/submissions/mine',
    query: emptyQuery,
    response: z.object({ items: z.array(revisionAnswer) }),
  }),
  revision: endpoint({
    method: 'GET',
    path: '/api/knowledge/revisions/:id',
    params: idParams,
    query: emptyQuery,
    response: revisionAnswer,
    labels: revisionLabels,
  }),
  recordContent: endpoint({
    method: 'GET',
    path: '/api/knowledge/records/:id/content',
    params: idParams,
    query: emptyQuery,
    response: recordContentAnswer,
    labels: recordLabels,
  }),
  reviewQueue: endpoint({ method: 'GET', path: '/api/knowledge/review-queue', query: emptyQuery, response: reviewQueueAnswer }),
  comment: endpoint({
    method: 'POST',
    path: '/api/knowledge/revisions/:id/comments',
    params: idParams,
    body: commentBody,
    response: created,
    labels: { ...revisionLabels, body: { sv: 'Ny kommentar', en: 'New comment' } },
  }),
  approve: endpoint({
    method: 'POST',
    path: '/api/knowledge/revisions/:id/approve',
    params: idParams,
    body: emptyBody,
    labels: revisionLabels,
    response: z.object({ recordId: z.uuid(), slug: z.string(), version: z.number().int() }),
  }),
  reject: endpoint({
    method: 'POST',
    path: '/api/knowledge/revisions/:id/reject',
    params: idParams,
    body: rejectBody,
    labels: { ...revisionLabels, reason: { sv: 'Skäl till avvisningen', en: 'Reason for rejecting' } },
    response: z.object({ id: z.uuid(), status: z.literal('rejected') }),
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/api/knowledge/revisions/:id/withdraw',
    params: idParams,
    body: emptyBody,
    labels: revisionLabels,
    response: z.object({ id: z.uuid(), status: z.literal('withdrawn') }),
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/knowledge/records/:id/history',
    params: idParams,
    query: emptyQuery,
    response: recordHistoryAnswer,
    labels: recordLabels,
  }),
  markReviewed: endpoint({
    method: 'POST',
    path: '/api/knowledge/records/:id/review',
    params: idParams,
    body: emptyBody,
    labels: recordLabels,
    response: z.object({ id: z.uuid(), lastReviewedOn: z.string() }),
  }),
  methods: endpoint({ method: 'GET', path: '/api/knowledge/methods', query: emptyQuery, response: methodOptionsAnswer }),
  municipalities: endpoint({
    method: 'GET',
    path: '/api/knowledge/municipalities',
    query: emptyQuery,
    response: municipalityOptionsAnswer,
  }),
};

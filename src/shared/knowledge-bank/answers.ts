/**
 * What the knowledge bank's signed-in routes answer: revisions (a proposed record or edit with its content, people by
 * display name and the conversation), the editors' queue, and the small lists the forms choose from.
 */
import { z } from 'zod';
import {
  activityStatuses,
  ageGroups,
  focusAreas,
  preventionLevels,
  recordKinds,
  recordStatuses,
  revisionStatuses,
  workLevels,
} from './vocabulary.ts';

/** The content fields in the order the form and the review queue show them. */
export const contentFields = [
  'kind',
  'nameSv',
  'nameEn',
  'summarySv',
  'summaryEn',
  'descriptionSv',
  'municipalityCodes',
  'places',
  'organisation',
  'focusAreas',
  'subChallenges',
  'ageGroups',
  'targetGroup',
  'preventionLevel',
  'levels',
  'plugInFactors',
  'periodStart',
  'periodEnd',
  'activityStatus',
  'costPerParticipant',
  'outcomesMeasured',
  'evidence',
  'sources',
  'contact',
  'methodIds',
] as const;
export type ContentField = (typeof contentFields)[number];

export const placeAnswer = z.object({ name: z.string(), lat: z.number(), lon: z.number() });
export const evidenceAnswer = z.object({ rating: z.string(), source: z.string(), url: z.string().optional(), tier: z.string().optional() });
export const sourceAnswer = z.object({ title: z.string(), url: z.string() });
export const contactAnswer = z
  .object({ name: z.string(), organisation: z.string(), email: z.string(), phone: z.string(), url: z.string() })
  .partial();

/** A record's content as stored: what a submission sent after validation, or a published record's fields. */
export const contentAnswer = z.object({
  kind: z.enum(recordKinds),
  nameSv: z.string(),
  nameEn: z.string(),
  summarySv: z.string(),
  summaryEn: z.string(),
  descriptionSv: z.string(),
  municipalityCodes: z.array(z.string()),
  places: z.array(placeAnswer),
  organisation: z.string().nullable(),
  focusAreas: z.array(z.enum(focusAreas)),
  subChallenges: z.array(z.string()),
  ageGroups: z.array(z.enum(ageGroups)),
  targetGroup: z.string().nullable(),
  preventionLevel: z.enum(preventionLevels).nullable(),
  levels: z.array(z.enum(workLevels)),
  plugInFactors: z.array(z.string()),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  activityStatus: z.enum(activityStatuses).nullable(),
  costPerParticipant: z.number().int().nullable(),
  outcomesMeasured: z.string().nullable(),
  evidence: evidenceAnswer.nullable(),
  sources: z.array(sourceAnswer),
  contact: contactAnswer.nullable(),
  methodIds: z.array(z.uuid()),
});
export type RecordContent = z.output<typeof contentAnswer>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const commentAnswer = z.object({ id: z.uuid(), author: person.nullable(), body: z.string(), createdAt: z.string() });
export type Comment = z.output<typeof commentAnswer>;

export const revisionAnswer = z.object({
  id: z.uuid(),
  type: z.enum(['new', 'edit']),
  /** For an edit: the record version it was written against. */
  baseVersion: z.number().int().nullable(),
  status: z.enum(revisionStatuses),
  /** The record (an edit's, or a new record's once approved). */
  record: z.object({ id: z.uuid(), slug: z.string().nullable(), status: z.enum(recordStatuses).nullable() }).nullable(),
  content: contentAnswer,
  submittedBy: person.nullable(),
  submittedAt: z.string(),
  reviewedBy: person.nullable(),
  reviewedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  comments: z.array(commentAnswer),
});
export type Revision = z.output<typeof revisionAnswer>;

/**
 * A pending revision in the editors' queue: the description as safe HTML (the public pages' Markdown renderer), and
 * for an edit the fields it changes against the record as published now (what approval changes), that record and
 * its description as HTML; `stale` when the record changed after the edit was written.
 */
export const queueRevisionAnswer = revisionAnswer.extend({
  descriptionHtml: z.string(),
  diff: z.object({ fields: z.array(z.enum(contentFields)), published: contentAnswer, publishedDescriptionHtml: z.string() }).nullable(),
  stale: z.boolean(),
});
export type QueueRevision = z.output<typeof queueRevisionAnswer>;

export const dueRecordAnswer = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(recordKinds),
  nameSv: z.string(),
  /** Empty when the record has no English name. */
  nameEn: z.string(),
  /** The last review; null when no editor has reviewed it. */
  lastReviewedOn: z.string().nullable(),
  /** The day it became due. */
  dueOn: z.string(),
});
export type DueRecord = z.output<typeof dueRecordAnswer>;

/** A method's name in Swedish and English (empty when the record has none: the page shows the Swedish one). */
const methodName = z.object({ id: z.uuid(), nameSv: z.string(), nameEn: z.string() });
const municipalityName = z.object({ code: z.string(), name: z.string() });
export type MunicipalityName = z.output<typeof municipalityName>;

export const reviewQueueAnswer = z.object({
  pending: z.array(queueRevisionAnswer),
  dueForReview: z.array(dueRecordAnswer),
  /** The names of the methods and municipalities the pending content names (the queue shows names, never ids or codes). */
  methods: z.array(methodName),
  municipalities: z.array(municipalityName),
});

export const recordContentAnswer = z.object({ recordId: z.uuid(), slug: z.string(), version: z.number().int(), content: contentAnswer });

export const recordHistoryAnswer = z.object({
  record: z.object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(recordKinds),
    nameSv: z.string(),
    status: z.enum(recordStatuses),
    version: z.number().int(),
    lastReviewedOn: z.string().nullable(),
  }),
  revisions: z.array(revisionAnswer),
});

export const methodOptionsAnswer = z.object({ items: z.array(methodName.extend({ slug: z.string() })) });
export const municipalityOptionsAnswer = z.object({ items: z.array(municipalityName) });

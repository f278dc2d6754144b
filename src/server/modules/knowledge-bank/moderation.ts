/**
 * Submissions and moderation of the knowledge bank. A submission is a revision: a proposed new record (`record_id`
 * null until approved) or a proposed edit of a published record (which stays as it is until an editor approves).
 * Approval applies the whole content to the record in the request's transaction; rejection needs a reason that the
 * submitter sees. Revisions and comments are never deleted: a record's history is its revisions.
 *
 * Decisions (docs/knowledge-bank.md): an editor cannot approve their own submission (a second pair of eyes is the point
 * of moderation); the rate limit counts the account's revisions of the last hour in the database, under a
 * per-account advisory lock, so it holds across processes and concurrent requests.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Language } from '../../../shared/contract/messages.ts';
import { contentFields, type ContentField, type RecordContent, type Revision } from '../../../shared/knowledge-bank/answers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, knowledgeComments, knowledgeLinks, knowledgeRecords, knowledgeRevisions } from '../../db/schema/index.ts';
import { HttpError, notFound } from '../../platform/errors.ts';
import { checkContent, contentErrors, validateContent, type SubmissionContent } from './validation.ts';

/** Submissions an account may make per hour. */
export const submissionsPerHour = 10;

type RecordRow = typeof knowledgeRecords.$inferSelect;
type RevisionRow = typeof knowledgeRevisions.$inferSelect;
/** What a revision stores: the content, and for an edit the record version it was written against. */
type StoredContent = SubmissionContent & { baseVersion?: number | null };

/** A published record as submission content (the edit form's starting point, and the base of the queue's diff). */
export async function recordContent(db: DbOrTx, record: RecordRow): Promise<RecordContent> {
  const links =
    record.kind === 'example'
      ? await db
          .select({ id: knowledgeLinks.methodId })
          .from(knowledgeLinks)
          .where(eq(knowledgeLinks.exampleId, record.id))
          .orderBy(asc(knowledgeLinks.methodId))
      : [];
  return {
    kind: record.kind,
    nameSv: record.nameSv,
    nameEn: record.nameEn,
    summarySv: record.summarySv,
    summaryEn: record.summaryEn,
    descriptionSv: record.descriptionSv,
    municipalityCodes: record.municipalityCodes.map((c) => c.trim()),
    places: record.places,
    organisation: record.organisation,
    focusAreas: record.focusAreas,
    subChallenges: record.subChallenges,
    ageGroups: record.ageGroups,
    targetGroup: record.targetGroup,
    preventionLevel: record.preventionLevel,
    levels: record.levels,
    plugInFactors: record.plugInFactors,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    activityStatus: record.activityStatus,
    costPerParticipant: record.costPerParticipant,
    outcomesMeasured: record.outcomesMeasured,
    evidence: record.evidence,
    sources: record.sources,
    contact: record.contact,
    methodIds: links.map((l) => l.id),
  };
}

/** The fields an edit changes against the published content. */
export function changedFields(before: RecordContent, after: RecordContent): ContentField[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return contentFields.filter((k) => !same(before[k], after[k]));
}

/** The published record, or 404. */
export async function publishedRecord(db: DbOrTx, id: string, lock = false): Promise<RecordRow> {
  const query = db
    .select()
    .from(knowledgeRecords)
    .where(and(eq(knowledgeRecords.id, id), eq(knowledgeRecords.status, 'published')));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/**
 * Records a submission (new record or edit) by `accountId`, its content parsed by the contract and checked here
 * against the database and the map; 429 beyond the hourly limit. Messages in `language`.
 */
export async function submitRevision(
  db: DbOrTx,
  accountId: string,
  now: Date,
  input: { recordId?: string | undefined; content: SubmissionContent },
  language: Language = 'sv',
): Promise<{ id: string }> {
  // One submitter at a time per account, so two concurrent requests cannot both pass the count.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('knowledge-bank.submit'), hashtext(${accountId}))`);
  const since = new Date(now.getTime() - 3600_000).toISOString();
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(knowledgeRevisions)
    .where(and(eq(knowledgeRevisions.submittedBy, accountId), sql`${knowledgeRevisions.submittedAt} > ${since}::timestamptz`));
  if ((count?.n ?? 0) >= submissionsPerHour) {
    throw new HttpError(429, `Du har skickat ${submissionsPerHour} förslag den senaste timmen. Vänta en stund och försök igen.`);
  }
  let baseVersion: number | null = null;
  if (input.recordId) {
    const record = await publishedRecord(db, input.recordId);
    // An edit keeps the kind: the interventions module chooses methods by id, so a method stays a method.
    if (input.content.kind !== record.kind) {
      throw contentErrors(
        [
          {
            path: ['kind'],
            text:
              record.kind === 'method'
                ? {
                    sv: 'kan inte ändras i en redigering (posten är en metod)',
                    en: 'cannot be changed in an edit (the record is a method)',
                  }
                : {
                    sv: 'kan inte ändras i en redigering (posten är ett lokalt exempel)',
                    en: 'cannot be changed in an edit (the record is a local example)',
                  },
          },
        ],
        language,
      );
    }
    baseVersion = record.version;
  }
  const content = await checkContent(db, input.content, language);
  const [row] = await db
    .insert(knowledgeRevisions)
    .values({
      recordId: input.recordId ?? null,
      content: { ...content, baseVersion },
      submittedBy: accountId,
      submittedAt: now.toISOString(),
    })
    .returning({ id: knowledgeRevisions.id });
  return { id: row!.id };
}

/** The revision if the actor may see it (a moderator, or its submitter); otherwise 404, so its existence stays hidden. */
export async function revisionFor(
  db: DbOrTx,
  id: string,
  actor: { accountId: string; moderator: boolean },
  lock = false,
): Promise<RevisionRow> {
  const query = db.select().from(knowledgeRevisions).where(eq(knowledgeRevisions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (!actor.moderator && row.submittedBy !== actor.accountId)) throw notFound();
  return row;
}

export async function addComment(db: DbOrTx, revisionId: string, authorId: string, body: string, now: Date): Promise<{ id: string }> {
  const [row] = await db
    .insert(knowledgeComments)
    .values({ revisionId, authorId, body, createdAt: now.toISOString() })
    .returning({ id: knowledgeComments.id });
  return { id: row!.id };
}

const decided: Record<string, string> = { approved: 'godkänt', rejected: 'avvisat', withdrawn: 'återkallat' };

function pendingOrConflict(revision: RevisionRow): void {
  if (revision.status !== 'pending') throw new HttpError(409, `Förslaget är redan ${decided[revision.status] ?? revision.status}.`);
}

/** Slugs the public pages use as paths under /kunskapsbank/ (pages/routes.ts): a record never gets one of them. */
export const reservedSlugs: ReadonlySet<string> = new Set(['karta', 'kommun', 'inbaddning']);

/**
 * A unique slug from the Swedish name: å/ä → a, ö → o (and other accents dropped), lower case, words joined by '-';
 * a reserved path (`reservedSlugs`) is treated as taken.
 */
export async function uniqueSlug(db: DbOrTx, name: string): Promise<string> {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'post';
  const taken = new Set(
    (
      await db
        .select({ slug: knowledgeRecords.slug })
        .from(knowledgeRecords)
        .where(sql`${knowledgeRecords.slug} = ${base} OR ${knowledgeRecords.slug} LIKE ${`${base}-%`}`)
    ).map((r) => r.slug),
  );
  if (reservedSlugs.has(base)) taken.add(base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const recordFields = (c: SubmissionContent) => ({
  nameSv: c.nameSv,
  nameEn: c.nameEn,
  summarySv: c.summarySv,
  summaryEn: c.summaryEn,
  descriptionSv: c.descriptionSv,
  municipalityCodes: c.municipalityCodes,
  places: c.places,
  organisation: c.organisation,
  focusAreas: c.focusAreas,
  subChallenges: c.subChallenges,
  ageGroups: c.ageGroups,
  targetGroup: c.targetGroup,
  preventionLevel: c.preventionLevel,
  levels: c.levels,
  plugInFactors: c.plugInFactors,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  activityStatus: c.activityStatus,
  costPerParticipant: c.costPerParticipant,
  outcomesMeasured: c.outcomesMeasured,
  evidence: c.evidence,
  sources: c.sources,
  contact: c.contact,
});

/**
 * Approves a pending revision: creates the record (a new slug) or updates the published one in place (same id and
 * slug, so the interventions that chose a method keep it), published, reviewed today, version + 1, links replaced.
 */
export async function approveRevision(
  db: DbOrTx,
  revisionId: string,
  reviewerId: string,
  now: Date,
  today: string,
  language: Language = 'sv',
): Promise<{ recordId: string; slug: string; version: number }> {
  const revision = await revisionFor(db, revisionId, { accountId: reviewerId, moderator: true }, true);
  pendingOrConflict(revision);
  if (revision.submittedBy === reviewerId)
    throw new HttpError(403, 'Du kan inte godkänna ditt eget förslag: en annan redaktör granskar det.');
  // The content is checked again: a municipality or a linked method may have changed since it was submitted.
  const { baseVersion: _base, ...stored } = revision.content as StoredContent;
  const content = await validateContent(db, stored, language);
  const stamp = now.toISOString();
  let record: { id: string; slug: string; version: number };
  if (revision.recordId) {
    const [current] = await db
      .select()
      .from(knowledgeRecords)
      .where(and(eq(knowledgeRecords.id, revision.recordId), eq(knowledgeRecords.status, 'published')))
      .for('update');
    if (!current) throw new HttpError(409, 'Posten är inte längre publicerad; förslaget kan inte godkännas.');
    const [updated] = await db
      .update(knowledgeRecords)
      .set({ ...recordFields(content), lastReviewedOn: today, version: current.version + 1, updatedAt: stamp })
      .where(eq(knowledgeRecords.id, current.id))
      .returning({ id: knowledgeRecords.id, slug: knowledgeRecords.slug, version: knowledgeRecords.version });
    record = updated!;
  } else {
    const [created] = await db
      .insert(knowledgeRecords)
      .values({
        kind: content.kind,
        slug: await uniqueSlug(db, content.nameSv),
        ...recordFields(content),
        status: 'published',
        publishedAt: stamp,
        lastReviewedOn: today,
        submittedBy: revision.submittedBy,
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .returning({ id: knowledgeRecords.id, slug: knowledgeRecords.slug, version: knowledgeRecords.version });
    record = created!;
  }
  if (content.kind === 'example') {
    await db.delete(knowledgeLinks).where(eq(knowledgeLinks.exampleId, record.id));
    if (content.methodIds.length)
      await db.insert(knowledgeLinks).values(content.methodIds.map((methodId) => ({ exampleId: record.id, methodId })));
  }
  // A new record's revision now belongs to it, so that the record's history starts with it.
  await db
    .update(knowledgeRevisions)
    .set({ status: 'approved', recordId: record.id, reviewedBy: reviewerId, reviewedAt: stamp })
    .where(eq(knowledgeRevisions.id, revision.id));
  return { recordId: record.id, slug: record.slug, version: record.version };
}

/** Rejects a pending revision with the reason the submitter will read. */
export async function rejectRevision(db: DbOrTx, revisionId: string, reviewerId: string, reason: string, now: Date): Promise<void> {
  const revision = await revisionFor(db, revisionId, { accountId: reviewerId, moderator: true }, true);
  pendingOrConflict(revision);
  await db
    .update(knowledgeRevisions)
    .set({ status: 'rejected', reviewedBy: reviewerId, reviewedAt: now.toISOString(), decisionReason: reason })
    .where(eq(knowledgeRevisions.id, revision.id));
}

/** The submitter withdraws their pending revision (kept, as 'withdrawn'); an editor who is not the submitter gets 403. */
export async function withdrawRevision(
  db: DbOrTx,
  revisionId: string,
  actor: { accountId: string; moderator: boolean },
  now: Date,
): Promise<void> {
  const revision = await revisionFor(db, revisionId, actor, true);
  if (revision.submittedBy !== actor.accountId) throw new HttpError(403, 'Bara den som skickade förslaget kan återkalla det.');
  pendingOrConflict(revision);
  await db
    .update(knowledgeRevisions)
    .set({ status: 'withdrawn', reviewedAt: now.toISOString() })
    .where(eq(knowledgeRevisions.id, revision.id));
}

/** Marks a published record reviewed on `today` (the content is unchanged). */
export async function markReviewed(
  db: DbOrTx,
  recordId: string,
  today: string,
  now: Date,
): Promise<{ id: string; lastReviewedOn: string }> {
  await publishedRecord(db, recordId, true);
  await db.update(knowledgeRecords).set({ lastReviewedOn: today, updatedAt: now.toISOString() }).where(eq(knowledgeRecords.id, recordId));
  return { id: recordId, lastReviewedOn: today };
}

async function namesOf(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Revisions as the API shows them: content, people by display name, the comments oldest first, the record's slug. */
export async function presentRevisions(db: DbOrTx, rows: RevisionRow[]): Promise<Revision[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const comments = await db
    .select()
    .from(knowledgeComments)
    .where(inArray(knowledgeComments.revisionId, ids))
    .orderBy(asc(knowledgeComments.createdAt), asc(knowledgeComments.id));
  const recordIds = [...new Set(rows.map((r) => r.recordId).filter((i): i is string => !!i))];
  const records = recordIds.length
    ? new Map(
        (
          await db
            .select({ id: knowledgeRecords.id, slug: knowledgeRecords.slug, status: knowledgeRecords.status })
            .from(knowledgeRecords)
            .where(inArray(knowledgeRecords.id, recordIds))
        ).map((r) => [r.id, r]),
      )
    : new Map<string, { id: string; slug: string; status: RecordRow['status'] }>();
  const names = await namesOf(db, [...rows.flatMap((r) => [r.submittedBy, r.reviewedBy]), ...comments.map((c) => c.authorId)]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((r) => {
    const { baseVersion, ...content } = r.content as StoredContent;
    return {
      id: r.id,
      type: baseVersion == null ? ('new' as const) : ('edit' as const),
      baseVersion: baseVersion ?? null,
      status: r.status,
      record: r.recordId ? (records.get(r.recordId) ?? { id: r.recordId, slug: null, status: null }) : null,
      content: content as RecordContent,
      submittedBy: person(r.submittedBy),
      submittedAt: r.submittedAt,
      reviewedBy: person(r.reviewedBy),
      reviewedAt: r.reviewedAt,
      decisionReason: r.decisionReason,
      comments: comments
        .filter((c) => c.revisionId === r.id)
        .map((c) => ({ id: c.id, author: person(c.authorId), body: c.body, createdAt: c.createdAt })),
    };
  });
}

/** The account's own revisions, newest first. */
export async function myRevisions(db: DbOrTx, accountId: string): Promise<Revision[]> {
  const rows = await db
    .select()
    .from(knowledgeRevisions)
    .where(eq(knowledgeRevisions.submittedBy, accountId))
    .orderBy(desc(knowledgeRevisions.submittedAt), desc(knowledgeRevisions.id));
  return presentRevisions(db, rows);
}

/** Every revision of a record (approved, rejected, pending, withdrawn), oldest first, with reviewers and comments. */
export async function recordHistory(db: DbOrTx, recordId: string) {
  const [record] = await db
    .select({
      id: knowledgeRecords.id,
      slug: knowledgeRecords.slug,
      kind: knowledgeRecords.kind,
      nameSv: knowledgeRecords.nameSv,
      status: knowledgeRecords.status,
      version: knowledgeRecords.version,
      lastReviewedOn: knowledgeRecords.lastReviewedOn,
    })
    .from(knowledgeRecords)
    .where(eq(knowledgeRecords.id, recordId));
  if (!record) throw notFound();
  const rows = await db
    .select()
    .from(knowledgeRevisions)
    .where(eq(knowledgeRevisions.recordId, recordId))
    .orderBy(asc(knowledgeRevisions.submittedAt), asc(knowledgeRevisions.id));
  return { record, revisions: await presentRevisions(db, rows) };
}

/**
 * The editors' review queue: pending revisions oldest first, each with its description as safe HTML (the public
 * pages' Markdown renderer); an edit with the fields it changes against the record as published now (what approval
 * changes) and that record; the records due for review; and the names of the methods and municipalities the content
 * names, so the page shows names rather than ids or codes.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { QueueRevision, RecordContent, reviewQueueAnswer } from '../../../shared/knowledge-bank/answers.ts';
import type { DbOrTx } from '../../db/client.ts';
import { knowledgeRecords, knowledgeRevisions } from '../../db/schema/index.ts';
import { renderMarkdown } from './markdown.ts';
import { changedFields, presentRevisions, recordContent } from './moderation.ts';
import { recordsDueForReview } from './review-reminders.ts';
import { municipalityNames } from './search.ts';

/** Pending revisions, oldest first, as the queue shows them. */
export async function pendingRevisions(db: DbOrTx): Promise<QueueRevision[]> {
  const rows = await db
    .select()
    .from(knowledgeRevisions)
    .where(eq(knowledgeRevisions.status, 'pending'))
    .orderBy(asc(knowledgeRevisions.submittedAt), asc(knowledgeRevisions.id));
  const presented = await presentRevisions(db, rows);
  const out: QueueRevision[] = [];
  for (const p of presented) {
    const descriptionHtml = renderMarkdown(p.content.descriptionSv);
    const [current] =
      p.type === 'edit' && p.record ? await db.select().from(knowledgeRecords).where(eq(knowledgeRecords.id, p.record.id)) : [];
    if (!current) {
      out.push({ ...p, descriptionHtml, diff: null, stale: false });
      continue;
    }
    const published = await recordContent(db, current);
    out.push({
      ...p,
      descriptionHtml,
      diff: { fields: changedFields(published, p.content), published, publishedDescriptionHtml: renderMarkdown(published.descriptionSv) },
      // Approved edits since this one was written: its diff shows what approval would undo of them.
      stale: current.version !== p.baseVersion,
    });
  }
  return out;
}

/** The whole queue: pending revisions, records due for review on `today`, and the names the content refers to. */
export async function reviewQueue(db: DbOrTx, today: string): Promise<z.input<typeof reviewQueueAnswer>> {
  const pending = await pendingRevisions(db);
  const contents: RecordContent[] = pending.flatMap((p) => (p.diff ? [p.content, p.diff.published] : [p.content]));
  const methodIds = [...new Set(contents.flatMap((c) => c.methodIds))];
  const methods = methodIds.length
    ? await db
        .select({ id: knowledgeRecords.id, nameSv: knowledgeRecords.nameSv, nameEn: knowledgeRecords.nameEn })
        .from(knowledgeRecords)
        .where(and(inArray(knowledgeRecords.id, methodIds), eq(knowledgeRecords.kind, 'method')))
        .orderBy(asc(knowledgeRecords.nameSv))
    : [];
  const names = await municipalityNames(
    db,
    contents.flatMap((c) => c.municipalityCodes),
  );
  return {
    pending,
    dueForReview: await recordsDueForReview(db, today),
    methods,
    municipalities: [...names].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}

/** The knowledge bank's records (tenant-free, seeded by the migrations): a changed, retired or added record. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { knowledgeRecords } from '../../../src/server/db/schema/index.ts';

type RecordInsert = typeof knowledgeRecords.$inferInsert;
/** A record by slug or id, or every record. */
export type RecordSelector = { slug: string } | { id: string } | 'all';

export type RecordPatch = Partial<Pick<RecordInsert, 'status' | 'lastReviewedOn' | 'nameSv' | 'organisation'>>;

/** Changes records in place: status (e.g. retired), when last reviewed, name or organisation. */
export async function updateRecord(db: DbOrTx, which: RecordSelector, patch: RecordPatch): Promise<void> {
  const where = which === 'all' ? undefined : 'slug' in which ? eq(knowledgeRecords.slug, which.slug) : eq(knowledgeRecords.id, which.id);
  await db.update(knowledgeRecords).set(patch).where(where);
}

/** Adds a record (published unless told); returns its id. */
export async function addRecord(
  db: DbOrTx,
  r: Pick<RecordInsert, 'kind' | 'slug' | 'nameSv' | 'summarySv'> & Partial<Pick<RecordInsert, 'status'>>,
): Promise<string> {
  const [row] = await db.insert(knowledgeRecords).values(r).returning({ id: knowledgeRecords.id });
  return row!.id;
}

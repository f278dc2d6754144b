/**
 * The method library as the case routes use it: the knowledge bank's published records of kind 'method' (reference
 * data, no personal data). An example record is not a method: choosing one is refused like an unknown method.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { knowledgeRecords } from '../../db/schema/index.ts';

export type MethodRow = typeof knowledgeRecords.$inferSelect;

const publishedMethodCondition = and(eq(knowledgeRecords.kind, 'method'), eq(knowledgeRecords.status, 'published'));

/** Every published method, by Swedish name. */
export async function publishedMethods(db: DbOrTx): Promise<MethodRow[]> {
  return db.select().from(knowledgeRecords).where(publishedMethodCondition).orderBy(asc(knowledgeRecords.nameSv));
}

/** The method if it exists and is published; undefined for an unknown or retired one, or an example. */
export async function publishedMethod(db: DbOrTx, id: string): Promise<MethodRow | undefined> {
  const [row] = await db
    .select()
    .from(knowledgeRecords)
    .where(and(eq(knowledgeRecords.id, id), publishedMethodCondition));
  return row;
}

/** A method as the API shows it. */
export function presentMethod(m: MethodRow) {
  return {
    id: m.id,
    slug: m.slug,
    name: { sv: m.nameSv, en: m.nameEn },
    summary: { sv: m.summarySv, en: m.summaryEn },
    focusAreas: m.focusAreas,
    levels: m.levels,
    evidence: m.evidence,
  };
}

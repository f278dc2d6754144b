/** The method library as the case routes use it: the published methods (reference data, no personal data). */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { methods } from '../../db/schema/index.ts';

export type MethodRow = typeof methods.$inferSelect;

/** Every published method, by Swedish name. */
export async function publishedMethods(db: DbOrTx): Promise<MethodRow[]> {
  return db.select().from(methods).where(eq(methods.status, 'published')).orderBy(asc(methods.nameSv));
}

/** The method if it exists and is published; undefined for an unknown or retired one. */
export async function publishedMethod(db: DbOrTx, id: string): Promise<MethodRow | undefined> {
  const [row] = await db.select().from(methods).where(and(eq(methods.id, id), eq(methods.status, 'published')));
  return row;
}

/** A method as the API shows it. */
export function presentMethod(m: MethodRow) {
  return {
    id: m.id, slug: m.slug, name: { sv: m.nameSv, en: m.nameEn }, summary: { sv: m.summarySv, en: m.summaryEn },
    focusAreas: m.focusAreas, levels: m.levels, evidence: m.evidence,
  };
}

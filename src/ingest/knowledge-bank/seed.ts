/**
 * Loads the knowledge bank's seed content (seed-records.ts) idempotently, on every `fullfolj start` and by
 * `fullfolj seed`, on the embedded database and on PostgreSQL alike: the bank is public regional content, not demo data.
 *
 * A record is matched by slug. The seed owns a record only while it is at version 1 and was not submitted by an
 * account: then a changed seed text updates it in place (still version 1). Once an editor has approved an edit
 * (version 2 or more) or the record came from a submission, the seed never touches it again, nor its links. Status,
 * publication time and review date are the editors': an update keeps them (a review date only moves forward).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { knowledgeLinks, knowledgeRecords } from '../../server/db/schema/index.ts';
import { seedMethodUpdates, seedRecords, type SeedRecord } from './seed-records.ts';

export interface KnowledgeSeedSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
  links: number;
}

type Row = typeof knowledgeRecords.$inferSelect;
type Content = Omit<SeedRecord, 'slug' | 'status' | 'lastReviewedOn' | 'methods'>;

/** JSON with sorted keys: jsonb does not keep key order, so a plain stringify would see changes that are not there. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function content(record: SeedRecord): Content {
  const { slug: _s, status: _st, lastReviewedOn: _r, methods: _m, ...rest } = record;
  return rest;
}

function differs(row: Row, wanted: Partial<Content>): boolean {
  return Object.entries(wanted).some(([key, value]) => stable(row[key as keyof Row] ?? null) !== stable(value ?? null));
}

const seedOwned = (row: Row) => row.version === 1 && row.submittedBy === null;
const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** Upserts every seed record and the migration's methods' sources; returns what it did. */
export async function seedKnowledgeBank(db: DbOrTx, now: Date = new Date()): Promise<KnowledgeSeedSummary> {
  const summary: KnowledgeSeedSummary = { inserted: 0, updated: 0, unchanged: 0, keptEdited: 0, links: 0 };
  const slugs = [...seedRecords.map((r) => r.slug), ...seedMethodUpdates.map((m) => m.slug)];
  const existing = new Map((await db.select().from(knowledgeRecords).where(inArray(knowledgeRecords.slug, slugs))).map((r) => [r.slug, r]));
  const owned = new Set<string>();

  for (const record of seedRecords) {
    const row = existing.get(record.slug);
    const wanted = content(record);
    if (!row) {
      await db.insert(knowledgeRecords).values({
        ...wanted,
        slug: record.slug,
        status: record.status,
        lastReviewedOn: record.lastReviewedOn,
        publishedAt: record.status === 'published' ? now.toISOString() : null,
      });
      summary.inserted++;
      owned.add(record.slug);
    } else if (!seedOwned(row)) {
      summary.keptEdited++;
    } else {
      owned.add(record.slug);
      const reviewed = later(row.lastReviewedOn, record.lastReviewedOn);
      if (differs(row, wanted) || reviewed !== row.lastReviewedOn) {
        await db
          .update(knowledgeRecords)
          .set({ ...wanted, lastReviewedOn: reviewed, updatedAt: now.toISOString() })
          .where(eq(knowledgeRecords.id, row.id));
        summary.updated++;
      } else summary.unchanged++;
    }
  }

  for (const method of seedMethodUpdates) {
    const row = existing.get(method.slug);
    // The migration creates these; a database without one (or an editor's version) is left as it is.
    if (!row || !seedOwned(row)) {
      if (row) summary.keptEdited++;
      continue;
    }
    const { slug: _s, lastReviewedOn, ...wanted } = method;
    const reviewed = later(row.lastReviewedOn, lastReviewedOn);
    if (differs(row, wanted) || reviewed !== row.lastReviewedOn) {
      await db
        .update(knowledgeRecords)
        .set({ ...wanted, lastReviewedOn: reviewed, updatedAt: now.toISOString() })
        .where(eq(knowledgeRecords.id, row.id));
      summary.updated++;
    } else summary.unchanged++;
  }

  summary.links = await linkMethods(
    db,
    seedRecords.filter((r) => owned.has(r.slug) && r.methods.length > 0),
  );
  return summary;
}

/** Adds the seed's example → method links that are missing (never removes one). */
async function linkMethods(db: DbOrTx, examples: SeedRecord[]): Promise<number> {
  if (!examples.length) return 0;
  const slugs = [...new Set(examples.flatMap((e) => [e.slug, ...e.methods]))];
  const ids = new Map(
    (
      await db
        .select({ id: knowledgeRecords.id, slug: knowledgeRecords.slug, kind: knowledgeRecords.kind })
        .from(knowledgeRecords)
        .where(inArray(knowledgeRecords.slug, slugs))
    ).map((r) => [r.slug, r]),
  );
  let added = 0;
  for (const example of examples) {
    const exampleId = ids.get(example.slug)?.id;
    for (const methodSlug of example.methods) {
      const method = ids.get(methodSlug);
      if (!exampleId || method?.kind !== 'method') continue;
      const found = await db
        .select()
        .from(knowledgeLinks)
        .where(and(eq(knowledgeLinks.exampleId, exampleId), eq(knowledgeLinks.methodId, method.id)));
      if (found.length) continue;
      await db.insert(knowledgeLinks).values({ exampleId, methodId: method.id });
      added++;
    }
  }
  return added;
}

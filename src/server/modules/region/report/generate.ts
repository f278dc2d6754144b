/**
 * The monthly report's life: generate the month's draft from live data (again and again until it is published; the
 * commentary stays), write the steering group's commentary, publish (a new version, kept as it was), list and read.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { regionReports } from '../../../db/schema/index.ts';
import { monthName, reportContent, type ReportContent, type ReportList, type ReportView } from '../../../../shared/region/contract.ts';
import { regionMunicipalitiesOf, type Region } from '../store.ts';
import { reportSectionProviders } from './providers.ts';
import { buildSection, monthBounds } from './section.ts';

type Row = typeof regionReports.$inferSelect;

/** The report's content for a region and month from live data. */
export async function buildReport(db: DbOrTx, region: Region, month: string, asOf: string): Promise<ReportContent> {
  const municipalities = await regionMunicipalitiesOf(db, region.id);
  const scope = { db, region, municipalities, month, ...monthBounds(month) };
  const sections = [];
  for (const provider of reportSectionProviders) sections.push(await buildSection(provider, scope));
  return { region: { sv: region.nameSv, en: region.nameEn }, month, monthName: monthName(month), asOf, sections };
}

const view = (row: Row): ReportView => ({
  month: row.month,
  version: row.version,
  content: reportContent.parse(row.content),
  commentarySv: row.commentarySv,
  commentaryEn: row.commentaryEn,
  generatedAt: row.generatedAt,
  publishedAt: row.publishedAt,
});

const draftOf = (regionId: string, month: string) =>
  and(eq(regionReports.regionId, regionId), eq(regionReports.month, month), isNull(regionReports.version));

/** Generates (or regenerates) the month's draft; its commentary is kept. */
export async function generateDraft(db: DbOrTx, region: Region, month: string, now: Date): Promise<ReportView> {
  const content = await buildReport(db, region, month, now.toISOString().slice(0, 10));
  const [existing] = await db.select().from(regionReports).where(draftOf(region.id, month));
  if (existing) {
    const [row] = await db
      .update(regionReports)
      .set({ content, generatedAt: now.toISOString() })
      .where(and(eq(regionReports.regionId, region.id), eq(regionReports.id, existing.id)))
      .returning();
    return view(row!);
  }
  const [row] = await db.insert(regionReports).values({ regionId: region.id, month, content, generatedAt: now.toISOString() }).returning();
  return view(row!);
}

/** The draft, or null. */
export async function readDraft(db: DbOrTx, regionId: string, month: string): Promise<ReportView | null> {
  const [row] = await db.select().from(regionReports).where(draftOf(regionId, month));
  return row ? view(row) : null;
}

/** A published version (the latest when `version` is not given), or null. */
export async function readPublished(db: DbOrTx, regionId: string, month: string, version?: number): Promise<ReportView | null> {
  const [row] = await db
    .select()
    .from(regionReports)
    .where(
      and(
        eq(regionReports.regionId, regionId),
        eq(regionReports.month, month),
        version === undefined ? isNotNull(regionReports.version) : eq(regionReports.version, version),
      ),
    )
    .orderBy(desc(regionReports.version))
    .limit(1);
  return row ? view(row) : null;
}

/** Writes the commentary on the draft; null when the month has no draft. */
export async function saveCommentary(
  db: DbOrTx,
  regionId: string,
  month: string,
  commentary: { commentarySv: string; commentaryEn: string },
): Promise<ReportView | null> {
  const [row] = await db.update(regionReports).set(commentary).where(draftOf(regionId, month)).returning();
  return row ? view(row) : null;
}

/** Publishes the draft as the month's next version (the draft stays for further work); null without a draft. */
export async function publishDraft(
  db: DbOrTx,
  regionId: string,
  month: string,
  accountId: string | null,
  now: Date,
): Promise<ReportView | null> {
  const [draft] = await db.select().from(regionReports).where(draftOf(regionId, month));
  if (!draft) return null;
  // One publisher at a time per region and month: the version number is the next free one.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`region-report:${regionId}:${month}`}))`);
  const [last] = await db
    .select({ version: regionReports.version })
    .from(regionReports)
    .where(and(eq(regionReports.regionId, regionId), eq(regionReports.month, month), isNotNull(regionReports.version)))
    .orderBy(desc(regionReports.version))
    .limit(1);
  const [row] = await db
    .insert(regionReports)
    .values({
      regionId,
      month,
      version: (last?.version ?? 0) + 1,
      content: draft.content,
      commentarySv: draft.commentarySv,
      commentaryEn: draft.commentaryEn,
      generatedAt: draft.generatedAt,
      publishedAt: now.toISOString(),
      publishedBy: accountId,
    })
    .returning();
  return view(row!);
}

/** The region's drafts and published versions, newest first. */
export async function listReports(db: DbOrTx, regionId: string, withDrafts: boolean): Promise<ReportList> {
  const rows = await db
    .select({
      month: regionReports.month,
      version: regionReports.version,
      generatedAt: regionReports.generatedAt,
      publishedAt: regionReports.publishedAt,
    })
    .from(regionReports)
    .where(eq(regionReports.regionId, regionId))
    .orderBy(desc(regionReports.month), desc(regionReports.version));
  return {
    drafts: withDrafts
      ? rows.filter((r) => r.version === null).map((r) => ({ month: r.month, monthName: monthName(r.month), generatedAt: r.generatedAt }))
      : [],
    published: rows.flatMap((r) =>
      r.version !== null && r.publishedAt !== null
        ? [{ month: r.month, monthName: monthName(r.month), version: r.version, publishedAt: r.publishedAt }]
        : [],
    ),
  };
}

/**
 * The demo's year of monthly reports for Skaraborg (#16): for each of the twelve months before today's, the report is
 * generated from the demo's live data as it stands, given a short commentary of the steering group and published as
 * version 1. Idempotent: a month that has a published version is left alone. A month's figures come from today's
 * database (the early-detection history and the registers carry their dates, so earlier months show earlier states).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { regionReports } from '../../server/db/schema/index.ts';
import { generateDraft, publishDraft, saveCommentary } from '../../server/modules/region/report/generate.ts';
import { previousMonth } from '../../server/modules/region/report/section.ts';
import { regionBySlug } from '../../server/modules/region/store.ts';
import { monthName } from '../../shared/region/contract.ts';

/** Generates and publishes the missing reports of the last twelve months; returns how many were published. */
export async function seedDemoRegionReports(db: DbOrTx, today: string, slug = 'skaraborg'): Promise<number> {
  const region = await regionBySlug(db, slug);
  if (!region) return 0;
  const months: string[] = [previousMonth(today.slice(0, 7))];
  while (months.length < 12) months.unshift(previousMonth(months[0]!));
  let published = 0;
  for (const month of months) {
    const [done] = await db
      .select({ id: regionReports.id })
      .from(regionReports)
      .where(and(eq(regionReports.regionId, region.id), eq(regionReports.month, month), isNotNull(regionReports.version)))
      .limit(1);
    if (done) continue;
    // Generated on the first of the following month, as a monthly timer would.
    const [y, m] = month.split('-').map(Number) as [number, number];
    const at = new Date(Date.UTC(y, m, 1, 6));
    const name = monthName(month);
    await generateDraft(db, region, month, at);
    await saveCommentary(db, region.id, month, {
      commentarySv: `Styrgruppen har gått igenom rapporten för ${name.sv}. Nätverket följer upp stödnivåerna och aktivitetsansvaret vid nästa möte.`,
      commentaryEn: `The steering group has reviewed the report for ${name.en}. The network follows up the support tiers and the activity responsibility at its next meeting.`,
    });
    await publishDraft(db, region.id, month, null, at);
    published++;
  }
  return published;
}

/**
 * The nightly KAA run (`fullfolj kaa refresh`): every organiser writes the notices it owes (delivered inside the
 * installation or left for the notice file; absence proposed for the principal), then every municipality with a
 * population file recomputes its target group: one transaction per organiser's notices, in turn, then one per
 * municipality, one per core side by side on PostgreSQL.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisers } from '../../db/schema/index.ts';
import type { RefreshSummary } from '../../../shared/kaa/contract.ts';
import { runNotices, systemContext, type NoticeRunSummary } from './notices.ts';
import { refreshTargetGroups } from './refresh.ts';

export interface NightlyResult {
  asOf: string;
  notices: NoticeRunSummary;
  municipalities: ({ name: string; municipalityCode: string } & RefreshSummary)[];
}

/** `workers`: municipalities whose target groups are computed side by side (`workersFor`); the notices go in turn. */
export async function runNightly(db: Db, asOf: string, now = new Date(), workers = 1): Promise<NightlyResult> {
  const notices: NoticeRunSummary = { sent: 0, delivered: 0, awaitingExport: 0, proposed: 0 };
  const ctx = systemContext(now);
  for (const o of await db.select({ id: organisers.id }).from(organisers).orderBy(asc(organisers.name))) {
    const s = await db.transaction((tx) => runNotices(tx, ctx, o.id, asOf));
    for (const k of Object.keys(notices) as (keyof NoticeRunSummary)[]) notices[k] += s[k];
  }
  return { asOf, notices, municipalities: await refreshTargetGroups(db, asOf, workers) };
}

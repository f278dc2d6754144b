/**
 * The nightly KAA run (`fullfolj kaa refresh`): every organiser writes the notices it owes (delivered inside the
 * installation or left for the notice file; absence proposed for the principal), then every municipality with a
 * population file recomputes its target group: one transaction per organiser's notices, one per municipality.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organisers } from '../../db/schema/index.ts';
import type { RefreshSummary } from '../../../shared/kaa/contract.ts';
import { runNotices, systemContext, type NoticeRunSummary } from './notices.ts';
import { municipalTenantsWithPopulation, refreshTargetGroup } from './refresh.ts';

export interface NightlyResult {
  asOf: string;
  notices: NoticeRunSummary;
  municipalities: ({ name: string; municipalityCode: string } & RefreshSummary)[];
}

export async function runNightly(db: Db, asOf: string, now = new Date()): Promise<NightlyResult> {
  const notices: NoticeRunSummary = { sent: 0, delivered: 0, awaitingExport: 0, proposed: 0 };
  const ctx = systemContext(now);
  for (const o of await db.select({ id: organisers.id }).from(organisers).orderBy(asc(organisers.name))) {
    const s = await db.transaction((tx) => runNotices(tx, ctx, o.id, asOf));
    for (const k of Object.keys(notices) as (keyof NoticeRunSummary)[]) notices[k] += s[k];
  }
  const municipalities = [];
  for (const m of await municipalTenantsWithPopulation(db)) {
    // Each municipality in a transaction of its own (refresh.ts opens it), committed before the next begins.
    const s = await refreshTargetGroup(db, m.id, asOf);
    municipalities.push({ name: m.name, municipalityCode: m.municipalityCode, ...s });
  }
  return { asOf, notices, municipalities };
}

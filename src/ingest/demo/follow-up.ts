/**
 * The demo region's completion goals (#15): Skövde and Lidköping each halve the share without a diploma within four
 * years by 2030, from their own figure for the earliest cohort measured (the demo's synthetic numbers, computed here
 * from the seeded records as the page computes them). Idempotent: goals an organiser already has are left alone. Also
 * loads the recorded Kolada answer (Riket's published series, kolada-recorded.ts) when no fetch was ever made. The
 * region Skaraborg gets its own dropout goal (`seedDemoRegionGoals`).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { followUpGoals, organisers } from '../../server/db/schema/index.ts';
import { completionCohorts } from '../../server/modules/follow-up/completion.ts';
import { actualsFor } from '../../server/modules/follow-up/goals-routes.ts';
import { loadRecordedKolada } from '../../server/modules/follow-up/kolada-recorded.ts';
import { regionCompletionAgainstGoals, regionGoalsOf, saveRegionGoals } from '../../server/modules/follow-up/region-goals.ts';
import { regionBySlug } from '../../server/modules/region/store.ts';

/** The municipalities whose organisers get a goal. */
export const demoGoalMunicipalities = ['1496', '1494'] as const;

/** Sets the demo goals as of `today`; returns how many were added. */
export async function seedDemoGoals(db: DbOrTx, today: string): Promise<number> {
  let added = 0;
  for (const code of demoGoalMunicipalities) {
    const [org] = await db
      .select({ id: organisers.id })
      .from(organisers)
      .where(and(eq(organisers.municipalityCode, code), eq(organisers.kind, 'municipal')));
    if (!org) continue;
    if ((await db.select({ id: followUpGoals.id }).from(followUpGoals).where(eq(followUpGoals.tenantId, org.id))).length > 0) continue;
    const goal = { outcome: 'examen' as const, years: 4 };
    const actuals = actualsFor(await completionCohorts(db, org.id, 'all', today), goal);
    const first = Math.min(...actuals.keys());
    if (!Number.isFinite(first)) continue;
    const baseline = actuals.get(first)!;
    await db.insert(followUpGoals).values({
      tenantId: org.id,
      id: randomUUID(),
      name: 'Halvera andelen utan examen inom 4 år',
      ...goal,
      baselineYear: first,
      baselineShare: null,
      targetYear: 2030,
      targetShare: Math.round((baseline / 2) * 1000) / 1000,
    });
    added++;
  }
  // The national comparison's last fetch: the recorded answer (Riket's published series), once, when none was made.
  await loadRecordedKolada(db, demoGoalMunicipalities, () => new Date());
  return added;
}

/**
 * The region Skaraborg's goal (#15, the region's goals): dropout under 9 % by 2030 — Skaraborg's own target, modelled as
 * no diploma or study certificate within four years (docs/follow-up.md) — from the region's figure for its earliest
 * measured cohort. Idempotent: a region with goals is left alone. Returns how many goals were added.
 */
export async function seedDemoRegionGoals(db: DbOrTx, today: string): Promise<number> {
  const region = await regionBySlug(db, 'skaraborg');
  if (!region || (await regionGoalsOf(db, region.id)).length > 0) return 0;
  const figures = await regionCompletionAgainstGoals(db, region.id, today);
  const first = figures?.cohorts.find((c) => c.years === 4 && c.examenOrStudiebevis !== null);
  if (!first) return 0;
  await saveRegionGoals(
    db,
    region.id,
    [
      {
        name: 'Avbrott under 9 % i Skaraborg',
        outcome: 'examen-or-studiebevis',
        years: 4,
        baselineYear: first.startYear + 4,
        baselineShare: null,
        targetYear: 2030,
        targetShare: 0.09,
      },
    ],
    null,
    `${today}T06:00:00.000Z`,
  );
  return 1;
}

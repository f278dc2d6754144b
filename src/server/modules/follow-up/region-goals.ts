/**
 * A region's completion goals and the region's completion against them (docs/follow-up.md): the region's
 * municipalities' organisers are counted (`countCohortsInDatabase`) and summed before any suppression; a share is shown
 * only when the region's starters and those not completing are not 1–4. Aggregates only, never a student.
 * `regionCompletionAgainstGoals` is the one call for the region's monthly report, which passes the organisers' counts it
 * already has (`cohortCountsByTenant`), so each organiser is counted once per report.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { followUpRegionGoals } from '../../db/schema/index.ts';
import type { Goal, GoalInput } from '../../../shared/follow-up/goals.ts';
import type { RegionGoals } from '../../../shared/follow-up/region-goals.ts';
import { regionById, regionMunicipalitiesOf } from '../region/store.ts';
import { countCohortsInDatabase } from './cohort-counts.ts';
import type { CohortCounts } from './cohorts.ts';
import { earliestShown } from './completion.ts';
import { checkGoals } from './goals-routes.ts';
import { goalProgress, type Actuals } from './trajectory.ts';

/** The region's goals, by name. */
export async function regionGoalsOf(db: DbOrTx, regionId: string): Promise<Goal[]> {
  const rows = await db.select().from(followUpRegionGoals).where(eq(followUpRegionGoals.regionId, regionId));
  return rows
    .map(({ regionId: _r, updatedBy: _b, updatedAt: _a, ...g }) => g)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
}

/** Replaces the region's goals (those left out are removed); the organisers' rules apply (target after baseline, lower share). */
export async function saveRegionGoals(
  db: DbOrTx,
  regionId: string,
  goals: readonly GoalInput[],
  by: string | null,
  at: string,
): Promise<Goal[]> {
  checkGoals(goals);
  await db.delete(followUpRegionGoals).where(eq(followUpRegionGoals.regionId, regionId));
  if (goals.length > 0)
    await db
      .insert(followUpRegionGoals)
      .values(goals.map((g) => ({ ...g, id: g.id ?? randomUUID(), regionId, updatedBy: by, updatedAt: at })));
  return regionGoalsOf(db, regionId);
}

const small = (n: number) => n >= 1 && n <= 4;

/** Each organiser's cohort counts (unsuppressed) on `asOf`, counted once: an organiser listed twice is one entry. */
export async function cohortCountsByTenant(db: DbOrTx, tenantIds: readonly string[], asOf: string): Promise<Map<string, CohortCounts[]>> {
  const out = new Map<string, CohortCounts[]>();
  for (const tenantId of tenantIds)
    if (!out.has(tenantId)) out.set(tenantId, (await countCohortsInDatabase(db, tenantId, 'all', asOf, earliestShown(asOf))).cohorts);
  return out;
}

/**
 * The region's completion per cohort and horizon (organisers summed, then small counts hidden) and its goals' progress,
 * on `asOf`; `counts` are the organisers' counts when the caller has them (the monthly report), else they are counted.
 */
export async function regionCompletionAgainstGoals(
  db: DbOrTx,
  regionId: string,
  asOf: string,
  counts?: ReadonlyMap<string, CohortCounts[]>,
): Promise<RegionGoals | null> {
  const region = await regionById(db, regionId);
  if (!region) return null;
  const sums = new Map<string, { startYear: number; years: number; starters: number; examen: number; studiebevis: number }>();
  const tenantIds = [...new Set((await regionMunicipalitiesOf(db, regionId)).flatMap((m) => m.tenantIds))];
  const byTenant = counts ?? (await cohortCountsByTenant(db, tenantIds, asOf));
  for (const tenantId of tenantIds) {
    for (const c of byTenant.get(tenantId) ?? []) {
      const total = c.groups.find((g) => g.dimension === 'all');
      for (const [years, within] of Object.entries(total?.within ?? {})) {
        if (!total || !within) continue;
        const key = `${c.startYear}|${years}`;
        const s = sums.get(key) ?? { startYear: c.startYear, years: Number(years), starters: 0, examen: 0, studiebevis: 0 };
        s.starters += total.starters;
        s.examen += within.examen;
        s.studiebevis += within.studiebevis;
        sums.set(key, s);
      }
    }
  }
  const share = (done: number, starters: number) => (small(starters) || small(starters - done) || starters === 0 ? null : done / starters);
  const cohorts = [...sums.values()]
    .sort((a, b) => a.startYear - b.startYear || a.years - b.years)
    .map((s) => ({
      startYear: s.startYear,
      years: s.years,
      examen: share(s.examen, s.starters),
      examenOrStudiebevis: share(s.examen + s.studiebevis, s.starters),
    }));
  const actuals = (g: Goal): Actuals =>
    new Map(
      cohorts.flatMap((c) => {
        const v = g.outcome === 'examen' ? c.examen : c.examenOrStudiebevis;
        return c.years === g.years && v !== null ? [[c.startYear + g.years, 1 - v] as const] : [];
      }),
    );
  const firstYear = Number(asOf.slice(0, 4)) - 6;
  const goals = (await regionGoalsOf(db, regionId)).map((g) => goalProgress(g, actuals(g), firstYear));
  return { region: { sv: region.nameSv, en: region.nameEn }, asOf, cohorts, goals };
}

/**
 * Completion goals: read with their trajectories by the statistics.read roles (figures without names, logged as the
 * dashboards are), stored and changed per organiser by administrators (settings.manage). A goal's target year must
 * come after its baseline year; the target share must lie below a stated baseline (a goal to get worse is refused).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { followUpGoals } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { forbidden } from '../../platform/errors.ts';
import { requestLanguage } from '../../platform/language.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import type { Completion } from '../../../shared/follow-up/completion.ts';
import { goalsApi, type Goal, type GoalInput } from '../../../shared/follow-up/goals.ts';
import { statisticsScope } from '../interventions/dashboard-routes.ts';
import { FieldRefusal } from '../interventions/refusals.ts';
import { completionPurpose } from './completion-routes.ts';
import { completionCohorts } from './completion.ts';
import { goalProgress, type Actuals } from './trajectory.ts';

/** The organiser's goals, oldest first. */
export async function goalsOf(db: DbOrTx, tenantId: string): Promise<Goal[]> {
  const rows = await db.select().from(followUpGoals).where(eq(followUpGoals.tenantId, tenantId));
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      outcome: r.outcome,
      years: r.years,
      baselineYear: r.baselineYear,
      baselineShare: r.baselineShare,
      targetYear: r.targetYear,
      targetShare: r.targetShare,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
}

/** Refuses a goal whose target year is not after its baseline, or whose target share is not below a stated baseline. */
export function checkGoals(goals: readonly GoalInput[]): void {
  goals.forEach((g, i) => {
    if (g.targetYear <= g.baselineYear)
      throw new FieldRefusal(
        `goals.${i}.targetYear`,
        { sv: 'måste komma efter utgångsåret', en: 'must come after the baseline year' },
        goalsApi.save.labels,
      );
    if (g.baselineShare !== null && g.targetShare >= g.baselineShare)
      throw new FieldRefusal(
        `goals.${i}.targetShare`,
        { sv: 'måste vara lägre än andelen vid utgångsåret', en: 'must be lower than the share at the baseline' },
        goalsApi.save.labels,
      );
  });
}

/** Replaces the organiser's goals (those left out are removed). */
export async function saveGoals(db: DbOrTx, tenantId: string, goals: readonly GoalInput[], by: string | null, at: string): Promise<Goal[]> {
  checkGoals(goals);
  await db.delete(followUpGoals).where(eq(followUpGoals.tenantId, tenantId));
  if (goals.length > 0)
    await db.insert(followUpGoals).values(goals.map((g) => ({ ...g, id: g.id ?? randomUUID(), tenantId, updatedBy: by, updatedAt: at })));
  return goalsOf(db, tenantId);
}

/** The share not completing per year measured (start year + horizon), from the total row of each cohort. */
export function actualsFor(cohorts: Completion['cohorts'], goal: Pick<Goal, 'outcome' | 'years'>): Actuals {
  const out = new Map<number, number>();
  for (const c of cohorts) {
    const all = c.groups.find((g) => g.dimension === 'all');
    const w = all?.within.find((h) => h.years === goal.years);
    const share = w ? (goal.outcome === 'examen' ? w.share.examen : w.share.examenOrStudiebevis) : null;
    if (share !== null && share !== undefined) out.set(c.startYear + goal.years, 1 - share);
  }
  return out;
}

async function adminTenant(tx: DbOrTx, ctx: ActorContext): Promise<string> {
  if (ctx.actor.tenantId) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action: 'follow-up.goals.save', purpose: 'förvaltning av mål för fullföljande', outcome: 'denied' });
  throw forbidden();
}

export function goalRoutes(): RouteDefinition[] {
  return [
    routeFor(goalsApi.progress, {
      permission: 'statistics.read',
      async handler({ ctx, tx }) {
        const scope = statisticsScope(ctx.actor);
        const tenantId = ctx.actor.tenantId;
        if (!scope || !tenantId) {
          await logAccess(tx, ctx, { action: 'follow-up.goals', purpose: completionPurpose, outcome: 'denied' });
          throw forbidden();
        }
        const asOf = dateOf(ctx.now);
        const cohorts = await completionCohorts(tx, tenantId, scope, asOf);
        const goals = await goalsOf(tx, tenantId);
        await logAccess(tx, ctx, { action: 'follow-up.goals', purpose: completionPurpose, outcome: 'allowed' });
        const firstYear = Number(asOf.slice(0, 4)) - 6;
        return { asOf, goals: goals.map((g) => goalProgress(g, actualsFor(cohorts, g), firstYear)) };
      },
    }),
    routeFor(goalsApi.settings, {
      permission: 'settings.manage',
      async handler({ ctx, tx }) {
        return { goals: await goalsOf(tx, await adminTenant(tx, ctx)) };
      },
    }),
    routeFor(goalsApi.save, {
      permission: 'settings.manage',
      async handler({ body, ctx, tx, req }) {
        const tenantId = await adminTenant(tx, ctx);
        try {
          const goals = await saveGoals(tx, tenantId, body.goals, ctx.actor.accountId, ctx.now.toISOString());
          await logAccess(tx, ctx, { action: 'follow-up.goals.save', purpose: 'förvaltning av mål för fullföljande', outcome: 'allowed' });
          return { goals };
        } catch (error) {
          if (error instanceof FieldRefusal) throw error.in(requestLanguage(req));
          throw error;
        }
      },
    }),
  ];
}

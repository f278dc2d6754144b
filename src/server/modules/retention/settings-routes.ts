/**
 * GET/PUT /api/retention/rules (settings.manage, administrators): the organiser's retention rules and the last run of
 * the retention job. No student data: nothing to log but refusals.
 */
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { retentionApi } from '../../../shared/retention/contract.ts';
import { retentionRuleInfo } from '../../../shared/retention/rules.ts';
import { ruleSettings, saveRuleSettings } from './settings.ts';

async function adminTenant(tx: DbOrTx, ctx: ActorContext): Promise<string> {
  if (ctx.actor.tenantId) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action: 'retention.settings', purpose: 'förvaltning av gallringsregler', outcome: 'denied' });
  throw forbidden();
}

async function view(tx: DbOrTx, tenantId: string) {
  const settings = await ruleSettings(tx, tenantId);
  const rules = retentionRuleInfo
    .filter((i) => i.scope === 'tenant')
    .map((i) => {
      const s = settings.find((x) => x.key === i.key)!;
      return {
        key: i.key,
        label: i.label,
        counted: i.counted,
        unit: i.unit,
        min: i.min,
        max: i.max,
        keep: s.keep,
        isDefault: s.isDefault,
        defaultKeep: i.defaultKeep,
      };
    });
  const [last] = await tx
    .select({ startedAt: jobRuns.startedAt, finishedAt: jobRuns.finishedAt, outcome: jobRuns.outcome })
    .from(jobRuns)
    .where(eq(jobRuns.job, 'retention'))
    .orderBy(desc(jobRuns.startedAt))
    .limit(1);
  return { rules, lastRun: last ?? null };
}

/** The retention settings routes. */
export function retentionSettingsRoutes(): RouteDefinition[] {
  return [
    routeFor(retentionApi.read, {
      permission: 'settings.manage',
      async handler({ ctx, tx }) {
        return view(tx, await adminTenant(tx, ctx));
      },
    }),
    routeFor(retentionApi.save, {
      permission: 'settings.manage',
      async handler({ body, ctx, tx }) {
        const tenantId = await adminTenant(tx, ctx);
        await saveRuleSettings(tx, tenantId, ctx.actor.accountId, body);
        return view(tx, tenantId);
      },
    }),
  ];
}

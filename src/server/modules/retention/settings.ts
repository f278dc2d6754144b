/**
 * The retention rules an organiser has set: `retention_rules` rows, except the closed cases' rule, which stays where
 * the interventions module keeps it (`intervention_settings.retention_years`, its own settings route). No row: the
 * rule's default.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { interventionSettings, retentionRules } from '../../db/schema/index.ts';
import { retentionRuleInfo, type RetentionRuleKey } from '../../../shared/retention/rules.ts';

export interface RuleSetting {
  key: RetentionRuleKey;
  /** Units kept (the rule's unit); null keeps the data. */
  keep: number | null;
  /** True when the organiser has set nothing and the default applies. */
  isDefault: boolean;
}

/** Every rule's setting for one organiser (an installation-wide rule always has its fixed value). */
export async function ruleSettings(db: DbOrTx, tenantId: string): Promise<RuleSetting[]> {
  const rows = await db
    .select({ rule: retentionRules.rule, keep: retentionRules.keep })
    .from(retentionRules)
    .where(eq(retentionRules.tenantId, tenantId));
  const [cases] = await db
    .select({ years: interventionSettings.retentionYears })
    .from(interventionSettings)
    .where(eq(interventionSettings.tenantId, tenantId));
  return retentionRuleInfo.map((info): RuleSetting => {
    if (info.scope === 'installation') return { key: info.key, keep: info.defaultKeep, isDefault: true };
    if (info.key === 'cases')
      return cases ? { key: info.key, keep: cases.years, isDefault: false } : { key: info.key, keep: info.defaultKeep, isDefault: true };
    const row = rows.find((r) => r.rule === info.key);
    return row ? { key: info.key, keep: row.keep, isDefault: false } : { key: info.key, keep: info.defaultKeep, isDefault: true };
  });
}

/** Saves an organiser's rules (only the keys given; installation-wide rules are not the organiser's to set). */
export async function saveRuleSettings(
  tx: DbOrTx,
  tenantId: string,
  accountId: string,
  values: Partial<Record<RetentionRuleKey, number | null>>,
): Promise<void> {
  const now = new Date().toISOString();
  for (const info of retentionRuleInfo) {
    const keep = values[info.key];
    if (keep === undefined || info.scope === 'installation') continue;
    if (info.key === 'cases') {
      const set = { retentionYears: keep, updatedBy: accountId, updatedAt: now };
      await tx
        .insert(interventionSettings)
        .values({ tenantId, ...set })
        .onConflictDoUpdate({ target: interventionSettings.tenantId, set });
      continue;
    }
    const set = { keep, updatedBy: accountId, updatedAt: now };
    await tx
      .insert(retentionRules)
      .values({ tenantId, rule: info.key, ...set })
      .onConflictDoUpdate({ target: [retentionRules.tenantId, retentionRules.rule], set });
  }
}

/** Removes an organiser's own value, so the default applies again (tests and the CLI). */
export async function resetRuleSetting(tx: DbOrTx, tenantId: string, key: RetentionRuleKey): Promise<void> {
  if (key === 'cases') await tx.delete(interventionSettings).where(eq(interventionSettings.tenantId, tenantId));
  else await tx.delete(retentionRules).where(and(eq(retentionRules.tenantId, tenantId), eq(retentionRules.rule, key)));
}

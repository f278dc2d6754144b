/**
 * `fullfolj retention [--dry-run]`: every rule, for every organiser (or once, for an installation-wide rule), in one
 * transaction per rule. A dry run counts what would go, in a read-only transaction; the real run deletes it. Only
 * counts leave this file — never a row's contents.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DbOrTx } from '../../db/client.ts';
import { retentionRuleInfo, type RetentionRuleKey } from '../../../shared/retention/rules.ts';
import { cutoffFor } from './cutoff.ts';
import { ruleSql } from './registry.ts';
import type { Target } from './rule.ts';
import { ruleSettings } from './settings.ts';

export interface RuleRun {
  rule: RetentionRuleKey;
  /** The organiser, or null for an installation-wide rule. */
  tenantId: string | null;
  keep: number;
  unit: 'years' | 'days';
  /** Rows dated before this day are past the rule. */
  cutoff: string;
  /** Rows per table: deleted, or on a dry run, that would be. */
  counts: Record<string, number>;
  total: number;
}

async function countOf(tx: DbOrTx, t: Target, dryRun: boolean): Promise<number> {
  const statement = dryRun
    ? sql`SELECT count(*)::int AS n FROM ${sql.identifier(t.table)} WHERE ${t.where}`
    : sql`WITH gone AS (DELETE FROM ${sql.identifier(t.table)} WHERE ${t.where} RETURNING 1) SELECT count(*)::int AS n FROM gone`;
  const [row] = await queryRows<{ n: number }>(tx, statement);
  return row?.n ?? 0;
}

async function applyRule(
  tx: DbOrTx,
  rule: RetentionRuleKey,
  tenantId: string | null,
  keep: number,
  today: string,
  dryRun: boolean,
): Promise<RuleRun> {
  const info = retentionRuleInfo.find((r) => r.key === rule)!;
  const cutoff = cutoffFor(today, keep, info.unit);
  const impl = ruleSql[rule];
  const counts: Record<string, number> = {};
  if (!dryRun) await impl.prepare?.(tx);
  for (const target of impl.targets(tenantId, cutoff))
    counts[target.table] = (counts[target.table] ?? 0) + (await countOf(tx, target, dryRun));
  if (!dryRun) await impl.after?.(tx, tenantId, cutoff, counts);
  const total = Object.values(counts).reduce((s, n) => s + n, 0);
  return { rule, tenantId, keep, unit: info.unit, cutoff, counts, total };
}

/** Applies (or with `dryRun`, counts) every rule as configured on `today`; `tenantId` limits it to one organiser. */
export async function runRetention(database: Database, o: { today: string; dryRun: boolean; tenantId?: string }): Promise<RuleRun[]> {
  const tenants = (
    await queryRows<{ id: string }>(
      database.db,
      sql`SELECT id FROM organisers ${o.tenantId ? sql`WHERE id = ${o.tenantId}::uuid` : sql``} ORDER BY id`,
    )
  ).map((r) => r.id);
  const settings = new Map<string, Awaited<ReturnType<typeof ruleSettings>>>();
  for (const t of tenants) settings.set(t, await ruleSettings(database.db, t));
  const runs: RuleRun[] = [];
  for (const info of retentionRuleInfo) {
    const work: { tenantId: string | null; keep: number }[] = [];
    if (info.scope === 'installation') {
      if (!o.tenantId && info.defaultKeep !== null) work.push({ tenantId: null, keep: info.defaultKeep });
    } else {
      for (const t of tenants) {
        const keep = settings.get(t)!.find((s) => s.key === info.key)?.keep ?? null;
        if (keep !== null) work.push({ tenantId: t, keep });
      }
    }
    if (work.length === 0) continue;
    // One transaction per rule: a rule that fails deletes nothing, and the rules before it stand.
    const done = await database.db.transaction(async (tx) => {
      if (o.dryRun) await tx.execute(sql`SET TRANSACTION READ ONLY`);
      const out: RuleRun[] = [];
      for (const w of work) out.push(await applyRule(tx, info.key, w.tenantId, w.keep, o.today, o.dryRun));
      return out;
    });
    runs.push(...done);
  }
  return runs;
}

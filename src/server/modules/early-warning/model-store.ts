/**
 * Risk-model versions: training stores a candidate with its evaluation report; an administrator activates one, and a
 * model whose test AUC does not beat the indicator rules on the same students cannot be activated.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { earlyWarningSettings, riskModels } from '../../db/schema/index.ts';
import { storedThresholds, type Thresholds } from './thresholds.ts';
import type { ModelStage } from './features.ts';
import { trainAndEvaluate, type EvaluationReport, type ModelParameters, type TrainOptions } from './train.ts';
import { trainingExamples } from './training-set.ts';
import { numberFormat } from '../../../shared/contract/intl.ts';

export interface StoredModel {
  id: string;
  version: number;
  stage: ModelStage;
  kind: 'logistic' | 'forest';
  status: 'candidate' | 'active' | 'retired';
  trainedAsOf: string;
  testAuc: number;
  rulesAuc: number;
  createdAt: string;
  activatedAt: string | null;
}

/** A refusal to activate in Swedish and English (`message` both, `text()` one); `status` 404 when the version does not exist, else 409. */
export class ActivationRefused extends Error {
  constructor(
    readonly sv: string,
    readonly en: string,
    readonly status: 404 | 409 = 409,
  ) {
    super(`${sv} (${en})`);
    this.name = 'ActivationRefused';
  }

  /** The refusal in the reader's language. */
  text(language: 'sv' | 'en'): string {
    return language === 'en' ? this.en : this.sv;
  }
}

/** An AUC in a sentence: three decimals, with a decimal comma in Swedish. */
const auc = (x: number, language: 'sv' | 'en' = 'sv') =>
  numberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x);

/**
 * Whether a stored version's probabilities are calibrated (issue #19): the logistic model's are by its maximum-
 * likelihood fit (its calibration error is in the report); any other kind only with a calibration map fitted on
 * held-out predictions. A version whose fit did not converge is never calibrated (nor stored, since issue #19).
 */
function calibrated(row: typeof riskModels.$inferSelect): boolean {
  const report = row.report as { settings?: { converged?: boolean } } | null;
  if (report?.settings?.converged === false) return false;
  if (row.kind === 'logistic') return true;
  return Boolean((row.parameters as { forest?: { calibration?: unknown } } | null)?.forest?.calibration);
}

/** The organiser's thresholds (defaults where nothing is stored). */
export async function loadThresholds(db: DbOrTx, tenantId: string): Promise<Thresholds> {
  const [row] = await db.select().from(earlyWarningSettings).where(eq(earlyWarningSettings.tenantId, tenantId));
  return storedThresholds(row?.thresholds);
}

/** Trains a new version for a stage on the organiser's finished cohorts as of `asOf` and stores it as a candidate. */
export async function trainModel(
  db: DbOrTx,
  tenantId: string,
  asOf: string,
  stage: ModelStage = 'GY',
  options: TrainOptions = {},
): Promise<{ model: StoredModel; report: EvaluationReport }> {
  const thresholds = await loadThresholds(db, tenantId);
  const examples = await trainingExamples(db, tenantId, asOf, stage);
  const { parameters, report } = trainAndEvaluate(examples, thresholds, stage, options);
  const [last] = await db
    .select({ v: sql<number>`coalesce(max(${riskModels.version}), 0)::int` })
    .from(riskModels)
    .where(eq(riskModels.tenantId, tenantId));
  const [row] = await db
    .insert(riskModels)
    .values({
      tenantId,
      id: randomUUID(),
      version: (last?.v ?? 0) + 1,
      stage,
      kind: 'logistic',
      status: 'candidate',
      trainedAsOf: asOf,
      parameters: parameters as unknown as Record<string, unknown>,
      report: report as unknown as Record<string, unknown>,
      testAuc: report.model.rocAuc,
      rulesAuc: report.baselines.rules.rocAuc,
    })
    .returning();
  return { model: toStored(row as typeof riskModels.$inferSelect), report };
}

/** Activates a version (retiring the active one of its stage); refuses a model that does not beat the indicator rules. */
export async function activateModel(db: DbOrTx, tenantId: string, modelId: string, accountId: string | null): Promise<StoredModel> {
  const [row] = await db
    .select()
    .from(riskModels)
    .where(and(eq(riskModels.tenantId, tenantId), eq(riskModels.id, modelId)));
  if (!row) throw new ActivationRefused('Modellversionen finns inte.', 'The model version does not exist.', 404);
  if (!(row.testAuc > row.rulesAuc)) {
    throw new ActivationRefused(
      `Modellen kan inte aktiveras: dess AUC på testårskullen (${auc(row.testAuc)}) är inte högre än indikatorreglernas (${auc(row.rulesAuc)}).`,
      `The model cannot be activated: its AUC on the test cohort (${auc(row.testAuc, 'en')}) is not above the indicator rules' (${auc(row.rulesAuc, 'en')}).`,
    );
  }
  if (!calibrated(row)) {
    throw new ActivationRefused(
      'Modellen kan inte aktiveras: dess sannolikheter är inte kalibrerade.',
      'The model cannot be activated: its probabilities are not calibrated.',
    );
  }
  await db
    .update(riskModels)
    .set({ status: 'retired' })
    .where(and(eq(riskModels.tenantId, tenantId), eq(riskModels.stage, row.stage), eq(riskModels.status, 'active')));
  const [updated] = await db
    .update(riskModels)
    .set({ status: 'active', activatedAt: sql`now()`, activatedBy: accountId })
    .where(and(eq(riskModels.tenantId, tenantId), eq(riskModels.id, modelId)))
    .returning();
  return toStored(updated as typeof riskModels.$inferSelect);
}

/** Every version of the organiser's models, newest first. */
export async function listModels(db: DbOrTx, tenantId: string): Promise<StoredModel[]> {
  const rows = await db.select().from(riskModels).where(eq(riskModels.tenantId, tenantId)).orderBy(desc(riskModels.version));
  return rows.map(toStored);
}

/** One version with its report. */
export async function loadModel(db: DbOrTx, tenantId: string, modelId: string) {
  const [row] = await db
    .select()
    .from(riskModels)
    .where(and(eq(riskModels.tenantId, tenantId), eq(riskModels.id, modelId)));
  return row ? { ...toStored(row), report: row.report as unknown as EvaluationReport } : undefined;
}

export type ActiveModels = Partial<Record<ModelStage, { id: string; parameters: ModelParameters }>>;

/** The active version of each stage, where the organiser has activated one. */
export async function activeModels(db: DbOrTx, tenantId: string): Promise<ActiveModels> {
  const rows = await db
    .select({ id: riskModels.id, stage: riskModels.stage, parameters: riskModels.parameters })
    .from(riskModels)
    .where(and(eq(riskModels.tenantId, tenantId), eq(riskModels.status, 'active')));
  return Object.fromEntries(rows.map((r) => [r.stage, { id: r.id, parameters: r.parameters as unknown as ModelParameters }]));
}

function toStored(r: typeof riskModels.$inferSelect): StoredModel {
  return {
    id: r.id,
    version: r.version,
    stage: r.stage,
    kind: r.kind,
    status: r.status,
    trainedAsOf: r.trainedAsOf,
    testAuc: r.testAuc,
    rulesAuc: r.rulesAuc,
    createdAt: r.createdAt,
    activatedAt: r.activatedAt,
  };
}

/**
 * Early detection on a freshly loaded region (the demo seed, or a first import of history): train a model per
 * organiser and stage (upper secondary; years 7–9) on its finished cohorts and activate it when it beats the indicator rules, then refresh week by week over
 * the last weeks so that onsets and trends exist from the first day.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.ts';
import { activateModel, trainModel } from './model-store.ts';
import { refreshAll } from './refresh.ts';
import { TrainingRefused } from './train.ts';
import type { ModelStage } from './features.ts';

export interface BootstrapSummary {
  models: { organiser: string; stage: ModelStage; version: number; testAuc: number; rulesAuc: number; activated: boolean }[];
  refreshes: number;
  students: number;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Trains, activates where allowed, and refreshes weekly for `weeks` weeks up to `today`. */
export async function bootstrapEarlyWarning(
  db: Db,
  today: string,
  options: { weeks?: number; onProgress?: (m: string) => void } = {},
): Promise<BootstrapSummary> {
  const organisers = await queryRows<{ id: string; name: string }>(db, sql`select id, name from organisers order by name`);
  const models: BootstrapSummary['models'] = [];
  for (const o of organisers) {
    for (const stage of ['GY', 'GR'] as const) {
      try {
        const result = await db.transaction(async (tx) => {
          const { model } = await trainModel(tx, o.id, today, stage);
          const activated = model.testAuc > model.rulesAuc;
          if (activated) await activateModel(tx, o.id, model.id, null);
          return { organiser: o.name, stage, version: model.version, testAuc: model.testAuc, rulesAuc: model.rulesAuc, activated };
        });
        models.push(result);
        options.onProgress?.(
          `Riskmodell (${stage}) för ${o.name}: AUC ${result.testAuc.toFixed(3)} mot indikatorreglernas ${result.rulesAuc.toFixed(3)}${result.activated ? ', aktiverad' : ', inte aktiverad'}`,
        );
      } catch (error) {
        if (!(error instanceof TrainingRefused)) throw error;
      }
    }
  }
  const weeks = options.weeks ?? 6;
  let students = 0;
  for (let w = weeks - 1; w >= 0; w--) {
    const asOf = addDays(today, -7 * w);
    const summaries = await refreshAll(db, asOf);
    students = summaries.reduce((s, x) => s + x.students, 0);
    options.onProgress?.(`Tidig upptäckt uppdaterad per ${asOf} (${students} elever)`);
  }
  return { models, refreshes: weeks, students };
}

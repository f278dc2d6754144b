// Issue #19, "only a calibrated model can be activated": a forest without its calibration map and a version whose fit
// did not converge are refused in Swedish and English and stay candidates; a calibrated forest and a converged
// logistic model that beat the rules are activated, the second retiring the first.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createTestDatabase } from '../../../../test/support/database.ts';
import { addRiskModel } from '../../../../test/support/factories/index.ts';
import { activateModel, ActivationRefused, listModels } from './model-store.ts';

const database = await createTestDatabase();
const tenantId = randomUUID();
const model = (version: number, extra: Partial<Parameters<typeof addRiskModel>[1]>) =>
  addRiskModel(database.db, { tenantId, version, trainedAsOf: '2024-10-01', testAuc: 0.85, rulesAuc: 0.8, ...extra });

/** The refusal's texts when activating `id` is refused, else a failure. */
async function refusal(id: string): Promise<{ sv: string; en: string }> {
  try {
    await activateModel(database.db, tenantId, id, null);
  } catch (error) {
    assert.ok(error instanceof ActivationRefused, String(error));
    assert.equal(error.status, 409);
    return { sv: error.text('sv'), en: error.text('en') };
  }
  assert.fail('the version was activated');
}

test('a forest without a calibration map cannot be activated, even when it beats the rules', async () => {
  const id = await model(1, { kind: 'forest', parameters: { forest: { trees: [] } } });
  assert.deepEqual(await refusal(id), {
    sv: 'Modellen kan inte aktiveras: dess sannolikheter är inte kalibrerade.',
    en: 'The model cannot be activated: its probabilities are not calibrated.',
  });
});

test('a version whose fit did not converge cannot be activated', async () => {
  const id = await model(2, { report: { settings: { converged: false, iterations: 50, lambda: 1, minLevelCount: 30 } } });
  assert.match((await refusal(id)).en, /not calibrated/);
});

test('a calibrated forest and a converged logistic model are activated; the later one retires the earlier', async () => {
  const forest = await model(3, { kind: 'forest', parameters: { forest: { trees: [], calibration: { a: 1, b: 0 } } } });
  assert.equal((await activateModel(database.db, tenantId, forest, null)).status, 'active');
  const logistic = await model(4, { report: { settings: { converged: true, iterations: 7, lambda: 1, minLevelCount: 30 } } });
  assert.equal((await activateModel(database.db, tenantId, logistic, null)).status, 'active');
  const status = Object.fromEntries((await listModels(database.db, tenantId)).map((m) => [m.version, m.status]));
  assert.deepEqual(status, { 1: 'candidate', 2: 'candidate', 3: 'retired', 4: 'active' });
});

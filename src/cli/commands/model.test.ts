import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// The CLI in a child process; one run of 10-fold keeps it to a few seconds. No database is opened.
function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { encoding: 'utf8' });
}

test('model evaluate --dataset uci --json prints exactly {"results": [{subject, setup, accuracy, paperBest, …}]}', () => {
  const run = cli('model', 'evaluate', '--dataset', 'uci', '--runs', '1', '--json');
  assert.equal(run.status, 0, run.stderr);
  const output = JSON.parse(run.stdout) as { results: { subject: string; setup: string; accuracy: number; paperBest: number }[] };
  assert.deepEqual(Object.keys(output), ['results']);
  assert.deepEqual(
    output.results.map((r) => `${r.subject}${r.setup}`),
    ['matA', 'matB', 'matC', 'porA', 'porB', 'porC'],
  );
  for (const r of output.results) assert.ok(r.accuracy > 0.5 && r.accuracy < 1 && r.paperBest > 0.5 && r.paperBest < 1);
  assert.match(run.stderr, /mat A: \d+\.\d %/); // progress on stderr, not stdout
});

test('model evaluate refuses an unknown dataset and model with a clear message', () => {
  const dataset = cli('model', 'evaluate', '--dataset', 'pisa');
  assert.equal(dataset.status, 1);
  assert.match(dataset.stderr, /okänd datamängd "pisa"/);
  const model = cli('model', 'evaluate', '--dataset', 'uci', '--model', 'svm');
  assert.match(model.stderr, /--model måste vara logistic eller forest/);
  const runs = cli('model', 'evaluate', '--dataset', 'uci', '--runs', '0');
  assert.match(runs.stderr, /--runs måste vara ett heltal ≥ 1/);
});

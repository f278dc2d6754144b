import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { syntheticCsv } from '../../server/modules/early-warning/evaluate/synthetic-csv.ts';

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

test('model evaluate --csv runs on a ;-separated file with a BOM and CRLF line ends and prints every metric as JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fullfolj-evaluate-'));
  try {
    const file = join(dir, 'elever.csv');
    writeFileSync(file, syntheticCsv(200));
    const run = cli(
      'model',
      'evaluate',
      '--csv',
      file,
      '--target',
      'klar',
      '--positive',
      'nej',
      '--exclude',
      'elev',
      '--runs',
      '1',
      '--folds',
      '5',
      '--rule',
      'frånvaro >= 15',
      '--json',
    );
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as {
      data: { rows: number; separator: string; numeric: string[]; nominal: string[] };
      protocol: { runs: number; folds: number; minLevelCount: number };
      results: { model: string; rocAuc: { mean: number }; ece: { mean: number }; f1: { mean: number }; reliability: unknown[] }[];
    };
    assert.deepEqual(Object.keys(output), ['data', 'protocol', 'results']);
    assert.equal(output.data.rows, 200);
    assert.equal(output.data.separator, ';');
    assert.deepEqual(output.data.numeric, ['frånvaro', 'betyg']);
    assert.deepEqual(output.protocol, { runs: 1, folds: 5, seed: 1, minLevelCount: 30, threshold: 0.5 });
    assert.deepEqual(
      output.results.map((r) => r.model),
      ['logistic', 'forest', 'forest-uncalibrated', 'rule'],
    );
    for (const r of output.results) assert.ok(r.rocAuc.mean > 0.5 && r.ece.mean >= 0 && r.f1.mean >= 0 && r.reliability.length > 0);

    const english = cli(
      'model',
      'evaluate',
      '--csv',
      file,
      '--target',
      'klar',
      '--positive',
      'nej',
      '--exclude',
      'elev',
      '--runs',
      '1',
      '--folds',
      '5',
      '--model',
      'logistic',
      '--lang',
      'en',
    );
    assert.equal(english.status, 0, english.stderr);
    assert.match(english.stdout, /Calibration error \(ECE\)/);

    const bad = cli('model', 'evaluate', '--csv', file, '--target', 'klar', '--positive', 'nej', '--runs', '1');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Kolumnen elev har 200 olika värden .*--exclude elev/);
    const target = cli('model', 'evaluate', '--csv', file, '--target', 'utfall', '--positive', 'nej');
    assert.match(target.stderr, /--target: kolumnen utfall finns inte i filen \(--target: the file has no column utfall\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('model evaluate needs exactly one of --dataset and --csv', () => {
  const neither = cli('model', 'evaluate');
  assert.equal(neither.status, 1);
  assert.match(neither.stderr, /ange antingen --dataset eller --csv/);
});

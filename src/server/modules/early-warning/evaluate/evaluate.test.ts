import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CsvInputError, parseCsv } from './csv.ts';
import { buildDataset, MISSING_LEVEL, parseRule, ruleScores } from './dataset.ts';
import { evaluateDataset } from './protocol.ts';
import { formatEvaluation } from './report.ts';
import { syntheticCsv } from './synthetic-csv.ts';
import { evaluateUci } from '../uci/evaluate.ts';

const refusal = (fn: () => unknown, row: number, column: string, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof CsvInputError && e.row === row && e.column === column && pattern.test(e.message));

describe('reading a user CSV', () => {
  it('detects ; , and tab, drops a BOM, reads CRLF and LF, and a decimal comma where the separator allows it', () => {
    for (const [separator, eol, bom] of [
      [';', '\r\n', true],
      [',', '\n', false],
      ['\t', '\r\n', false],
    ] as const) {
      const table = parseCsv(syntheticCsv(50, separator, eol, bom));
      assert.equal(table.separator, separator);
      assert.deepEqual(table.header, ['elev', 'frånvaro', 'betyg', 'program', 'klar']);
      assert.equal(table.rows.length, 50);
      const data = buildDataset(table, { target: 'klar', positive: 'nej', exclude: ['elev'] });
      assert.deepEqual(data.numeric, ['frånvaro', 'betyg']);
      assert.deepEqual(data.nominal, ['program']);
      assert.ok(data.rows.every((r) => typeof r['frånvaro'] === 'number' && Number.isFinite(r['frånvaro'])));
    }
  });

  it('quoted fields may hold the separator, quotes and line breaks', () => {
    const table = parseCsv('a;b;c\r\n"x;y";"he said ""hi""";"two\nlines"\r\n1;2;3\r\n');
    assert.deepEqual(table.rows[0], ['x;y', 'he said "hi"', 'two\nlines']);
  });

  it('refuses bad input naming the row and the column, never the value', () => {
    const text = syntheticCsv(60);
    const lines = text.split('\r\n');
    lines[5] = (lines[5] as string).replace(/^("E\d+");[^;]+;/, '$1;hemligt;');
    refusal(
      () => buildDataset(parseCsv(lines.join('\r\n')), { target: 'klar', positive: 'nej', exclude: ['elev'] }),
      6,
      'frånvaro',
      /Rad 6, kolumn frånvaro: värdet är inte ett tal.*row 6, column frånvaro/,
    );
    assert.throws(
      () => buildDataset(parseCsv(lines.join('\r\n')), { target: 'klar', positive: 'nej', exclude: ['elev'] }),
      (e: unknown) => e instanceof Error && !e.message.includes('hemligt'),
    );
    refusal(() => buildDataset(parseCsv(text), { target: 'utfall', positive: 'nej' }), 1, 'utfall', /--target: kolumnen utfall finns inte/);
    refusal(() => buildDataset(parseCsv(text), { target: 'klar', positive: 'kanske', exclude: ['elev'] }), 0, 'klar', /--positive/);
    refusal(
      () => buildDataset(parseCsv(text), { target: 'klar', positive: 'nej' }),
      0,
      'elev',
      /som ett id; uteslut den med --exclude elev/,
    );
    const missing = text.split('\r\n');
    missing[3] = (missing[3] as string).replace(/;[^;]*$/, ';');
    refusal(
      () => buildDataset(parseCsv(missing.join('\r\n')), { target: 'klar', positive: 'nej', exclude: ['elev'] }),
      4,
      'klar',
      /utfallet saknas/,
    );
    assert.throws(() => parseCsv('bara en kolumn\nx\ny\n'), /Kan inte avgöra avgränsaren.*cannot detect the separator/);
    refusal(() => parseCsv('a;b\n1;2\n3;4;5\n'), 3, '', /Rad 3 har 3 fält, rubrikraden 2/);
    assert.throws(() => parseCsv('\uFEFF'), /Filen är tom/);
  });

  it('an empty value in a category column is a level of its own; --nominal makes a numeric-looking column a category', () => {
    const table = parseCsv('kod;x;y\n1;;0\n2;b;1\n1;a;0\n2;a;1\n');
    const data = buildDataset(table, { target: 'y', positive: '1', nominal: ['kod'] });
    assert.deepEqual(data.nominal, ['kod', 'x']);
    assert.equal(data.rows[0]?.x, MISSING_LEVEL);
    assert.equal(data.rows[0]?.kod, '1');
  });

  it('any garbage either parses or is refused with a CsvInputError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          const table = parseCsv(text);
          assert.ok(table.header.length >= 2);
          try {
            buildDataset(table, { target: table.header[0] as string, positive: 'x' });
          } catch (e) {
            assert.ok(e instanceof CsvInputError, String(e));
          }
        } catch (e) {
          assert.ok(e instanceof CsvInputError, String(e));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rule baseline: numeric and equality comparisons; the target is not allowed', () => {
    const table = parseCsv('a;b;y\n5;x;1\n20;y;0\n15;x;1\n');
    assert.deepEqual(ruleScores(table, parseRule('a >= 15'), 'y'), [0, 1, 1]);
    assert.deepEqual(ruleScores(table, parseRule('b = x'), 'y'), [1, 0, 1]);
    assert.throws(() => ruleScores(table, parseRule('y = 1'), 'y'), /utfallskolumnen/);
    assert.throws(() => ruleScores(table, parseRule('b > 3'), 'y'), /Rad 2, kolumn b/);
    assert.throws(() => parseRule('frånvaro'), /--rule/);
  });
});

describe('the protocol on a user file', () => {
  const table = parseCsv(syntheticCsv(300));
  const data = buildDataset(table, { target: 'klar', positive: 'nej', exclude: ['elev'] });
  const result = evaluateDataset(data.rows, data.labels, data.specs, {
    runs: 2,
    folds: 5,
    forest: { trees: 20 },
    ruleScores: ruleScores(table, parseRule('frånvaro >= 15'), 'klar'),
  });

  it('reports every metric for both models, the forest before and after calibration, and the rule', () => {
    assert.deepEqual(
      result.results.map((r) => r.model),
      ['logistic', 'forest', 'forest-uncalibrated', 'rule'],
    );
    for (const r of result.results) {
      for (const key of ['rocAuc', 'averagePrecision', 'brier', 'ece', 'logLoss', 'f1', 'precisionTop10', 'recallTop20'] as const)
        assert.ok(Number.isFinite(r[key].mean), `${r.model} ${key}`);
    }
    const logistic = result.results[0];
    assert.ok((logistic?.rocAuc.mean ?? 0) > 0.7, String(logistic?.rocAuc.mean));
    assert.equal(logistic?.notConverged, 0);
    assert.equal(result.results[3]?.rocAuc.halfWidth, 0);
  });

  it('is reproducible with the same seed, and prints in Swedish and in English', () => {
    const again = evaluateDataset(data.rows, data.labels, data.specs, { runs: 1, folds: 5, models: ['logistic'] });
    assert.deepEqual(
      again.results[0]?.rocAuc,
      evaluateDataset(data.rows, data.labels, data.specs, { runs: 1, folds: 5, models: ['logistic'] }).results[0]?.rocAuc,
    );
    const described = {
      file: 'fil.csv',
      target: 'klar',
      positive: 'nej',
      numeric: data.numeric,
      nominal: data.nominal,
      rule: 'frånvaro >= 15',
    };
    const sv = formatEvaluation(result, described, 'sv');
    const en = formatEvaluation(result, described, 'en');
    assert.match(sv, /Kalibreringsfel \(ECE\)/);
    assert.match(sv, /2 × 5-faldig stratifierad korsvalidering/);
    assert.match(en, /Calibration error \(ECE\)/);
    assert.match(en, /2 × 5-fold stratified cross-validation/);
    assert.match(en, /Random forest \(calibrated\)/);
  });
});

describe('the Cortez & Silva comparison through the file path', () => {
  it('gives the same out-of-fold accuracy and AUC as the UCI evaluation, which is one caller of the same protocol', () => {
    const text = readFileSync(new URL('../../../../../assets/uci-student-performance/student-por.csv', import.meta.url), 'utf8');
    const table = parseCsv(text);
    const data = buildDataset(table, { target: 'G3', positive: '>=10', exclude: ['G1', 'G2'] });
    const viaFile = evaluateDataset(data.rows, data.labels, data.specs, { runs: 1, folds: 10, models: ['logistic'] });
    const [uci] = evaluateUci({ runs: 1, folds: 10, subjects: ['por'], setups: ['C'] });
    assert.equal(viaFile.positives, 549);
    assert.ok(Math.abs((viaFile.results[0]?.accuracy.mean ?? 0) - (uci?.accuracy ?? 1)) < 1e-12);
    assert.ok(
      Math.abs((viaFile.results[0]?.rocAuc.mean ?? 0) - (uci?.auc ?? 1)) < 1e-9,
      `${viaFile.results[0]?.rocAuc.mean} vs ${uci?.auc}`,
    );
  });
});

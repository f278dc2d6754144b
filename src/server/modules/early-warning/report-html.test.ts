import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportHtml } from './report-html.ts';
import { trainAndEvaluate } from './train.ts';
import { defaultThresholds } from './thresholds.ts';
import { measuresOf } from './test-measures.ts';
import { seededRandom } from './model/random.ts';
import type { TrainingExample } from './training-set.ts';

function examples(): TrainingExample[] {
  const random = seededRandom(11);
  return [2019, 2020, 2021, 2022].flatMap((cohort) =>
    Array.from({ length: 120 }, (_, i) => {
      const invalid = random() ** 2 * 0.3;
      const label = random() < 1 / (1 + Math.exp(-(-2 + 10 * invalid))) ? 1 : 0;
      return {
        cohort,
        snapshot: `${cohort + 1}-11-22`,
        label: label as 0 | 1,
        measures: measuresOf({ studentId: `${cohort}-${i}`, absentTerm: 4000 * invalid, invalidTerm: 4000 * invalid }),
      };
    }),
  );
}

test('the report shows calibration for every model: ECE, the forest before and after, a reliability table, the verdict', () => {
  const { report } = trainAndEvaluate(examples(), defaultThresholds);
  const meta = { organiser: 'Exempel', version: 1, stage: 'GY' as const, trainedAsOf: '2026-11-22', status: 'candidate' };
  const html = reportHtml(meta, report);
  assert.match(html, /Kalibreringsfel \(ECE\)/);
  assert.match(html, /Trädensemble före kalibrering/);
  assert.match(html, /Trädensemble efter kalibrering/);
  assert.match(html, /Tillförlitlighet: förutsagd sannolikhet mot utfall per tiondel/);
  assert.match(html, /slås ihop till ”övriga”/);
  const refused = reportHtml(meta, {
    ...report,
    calibration: { ...(report.calibration as NonNullable<typeof report.calibration>), forestActivatable: false },
  });
  assert.match(refused, /Trädensemblen kan inte aktiveras/);
  // a report stored before issue #19 (no calibration fields) still renders
  const { calibration: _c, settings: _s, ...old } = report;
  assert.match(reportHtml(meta, { ...old, forest: { rocAuc: 0.7, averagePrecision: 0.4 } }), /<h2>Kalibrering<\/h2>/);
});

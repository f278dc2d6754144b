/**
 * The evaluation of a user's file as text, in Swedish or English: the protocol, the data as read (rows, outcome,
 * which columns were numeric and which categories), and one table with every metric per model.
 */
import type { ModelResult, ProtocolResult } from './protocol.ts';

type Language = 'sv' | 'en';

const modelNames: Record<ModelResult['model'], { sv: string; en: string }> = {
  logistic: { sv: 'Logistisk regression', en: 'Logistic regression' },
  forest: { sv: 'Trädensemble (kalibrerad)', en: 'Random forest (calibrated)' },
  'forest-uncalibrated': { sv: 'Trädensemble (okalibrerad)', en: 'Random forest (uncalibrated)' },
  rule: { sv: 'Regel', en: 'Rule' },
};

/** `probability`: read only for models that give probabilities, not for a rule's 0/1. */
const metricNames: { key: keyof ModelResult; sv: string; en: string; percent?: boolean; probability?: boolean }[] = [
  { key: 'rocAuc', sv: 'ROC-AUC', en: 'ROC-AUC' },
  { key: 'averagePrecision', sv: 'PR-AUC', en: 'PR-AUC' },
  { key: 'precisionTop10', sv: 'Precision topp 10 %', en: 'Precision top 10 %', percent: true },
  { key: 'recallTop10', sv: 'Recall topp 10 %', en: 'Recall top 10 %', percent: true },
  { key: 'precisionTop20', sv: 'Precision topp 20 %', en: 'Precision top 20 %', percent: true },
  { key: 'recallTop20', sv: 'Recall topp 20 %', en: 'Recall top 20 %', percent: true },
  { key: 'brier', sv: 'Brier', en: 'Brier', probability: true },
  { key: 'logLoss', sv: 'Log loss', en: 'Log loss', probability: true },
  { key: 'ece', sv: 'Kalibreringsfel (ECE)', en: 'Calibration error (ECE)', probability: true },
  { key: 'f1', sv: 'F1 vid tröskeln', en: 'F1 at the threshold' },
  { key: 'accuracy', sv: 'Andel rätt vid tröskeln', en: 'Accuracy at the threshold', percent: true },
  { key: 'extremes', sv: 'Andel < 0,001 eller > 0,999', en: 'Share < 0.001 or > 0.999', percent: true, probability: true },
];

function number(x: number, language: Language, percent = false): string {
  if (!Number.isFinite(x)) return '–';
  const text = percent ? (x * 100).toFixed(1) : x.toFixed(3);
  return language === 'sv' ? text.replace('.', ',') : text;
}

/** The report as text. `data` says what was read from the file. */
export function formatEvaluation(
  result: ProtocolResult,
  data: { file: string; target: string; positive: string; numeric: string[]; nominal: string[]; rule?: string },
  language: Language,
): string {
  const sv = language === 'sv';
  const lines = [
    sv
      ? `Utvärdering av ${data.file}: ${result.n} rader, varav ${result.positives} med ${data.target} = det positiva utfallet`
      : `Evaluation of ${data.file}: ${result.n} rows, of which ${result.positives} with ${data.target} = the positive outcome`,
    sv
      ? `${result.runs} × ${result.folds}-faldig stratifierad korsvalidering (seed ${result.seed}); kodning och modeller anpassas på varje träningsdel; kategorier med färre än ${result.minLevelCount} elever i träningsdelen slås ihop till ”övriga”; tröskel ${number(result.threshold, language)}`
      : `${result.runs} × ${result.folds}-fold stratified cross-validation (seed ${result.seed}); encoding and models fitted on each training part; categories with fewer than ${result.minLevelCount} students in the training part pooled into "other"; threshold ${number(result.threshold, language)}`,
    `${sv ? 'Talkolumner' : 'Numeric columns'}: ${data.numeric.join(', ') || '–'}`,
    `${sv ? 'Kategorikolumner' : 'Category columns'}: ${data.nominal.join(', ') || '–'}`,
  ];
  if (data.rule) lines.push(`${sv ? 'Regel' : 'Rule'}: ${data.rule}`);
  const width = 30;
  const columnWidth = 30;
  lines.push('');
  lines.push(
    [(sv ? 'Mått' : 'Metric').padEnd(width), ...result.results.map((r) => modelNames[r.model][language].padEnd(columnWidth))]
      .join('')
      .trimEnd(),
  );
  for (const m of metricNames) {
    const cells = result.results.map((r) => {
      if (m.probability && r.model === 'rule') return '–'.padEnd(columnWidth);
      const v = r[m.key] as { mean: number; halfWidth: number };
      return `${number(v.mean, language, m.percent)} ±${number(v.halfWidth, language, m.percent)}`.padEnd(columnWidth);
    });
    lines.push([(sv ? m.sv : m.en).padEnd(width), ...cells].join('').trimEnd());
  }
  lines.push('');
  lines.push(
    sv
      ? 'Medelvärde över körningarna ± halva bredden av 95 % t-intervallet. Procent där det står topp/andel. Regeln ger 0 eller 1, ingen sannolikhet: Brier, log loss och kalibrering läses inte för den.'
      : 'Mean over the runs ± half the width of the 95 % t interval. Per cent where it says top/share. The rule gives 0 or 1, not a probability: Brier, log loss and calibration are not read for it.',
  );
  const logistic = result.results.find((r) => r.model === 'logistic');
  if (logistic?.notConverged) {
    lines.push(
      sv
        ? `Varning: den logistiska regressionen konvergerade inte i ${logistic.notConverged} av ${result.runs * result.folds} anpassningar; en sådan modell skulle inte sparas.`
        : `Warning: the logistic regression did not converge in ${logistic.notConverged} of ${result.runs * result.folds} fits; such a model would not be stored.`,
    );
  }
  const forest = result.results.find((r) => r.model === 'forest');
  if (logistic && forest) {
    const ok = forest.ece.mean <= logistic.ece.mean;
    lines.push(
      ok
        ? sv
          ? 'Trädensemblens kalibreringsfel är inte större än den logistiska regressionens.'
          : "The forest's calibration error is not above the logistic regression's."
        : sv
          ? 'Trädensemblen kunde inte aktiveras: dess kalibreringsfel är större än den logistiska regressionens.'
          : "The forest could not be activated: its calibration error is above the logistic regression's.",
    );
  }
  return lines.join('\n');
}

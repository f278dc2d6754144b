/** The evaluation report of one model version as a standalone, printable HTML page (Swedish), with an SVG calibration plot. */
import type { EvaluationSummary } from './model/evaluation-summary.ts';
import type { Interval } from './model/intervals.ts';
import { featureLabel } from './features.ts';
import { tierNames } from '../../../shared/early-warning/labels.ts';
import type { EvaluationReport } from './train.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1).replace('.', ',')} %` : '–');
const dec = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d).replace('.', ',') : '–');
const interval = (i: Interval) => (Number.isFinite(i.estimate) ? `${pct(i.estimate)} (${pct(i.lower)}–${pct(i.upper)})` : '–');

function metricRows(named: [string, EvaluationSummary][]): string {
  const head = `<tr><th scope="col">Metod</th><th scope="col">ROC-AUC</th><th scope="col">PR-AUC</th><th scope="col">Brier</th><th scope="col">Kalibreringsfel (ECE)</th>${
    named[0]?.[1].top
      .map((t) => `<th scope="col">Precision topp ${t.fraction * 100} %</th><th scope="col">Recall topp ${t.fraction * 100} %</th>`)
      .join('') ?? ''
  }</tr>`;
  const body = named
    .map(
      ([name, s]) =>
        `<tr><th scope="row">${esc(name)}</th><td>${dec(s.rocAuc)}</td><td>${dec(s.averagePrecision)}</td><td>${dec(s.brier)}</td><td>${dec(s.ece)}</td>${s.top
          .map((t) => `<td>${interval(t.precision)}</td><td>${interval(t.recall)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

function calibrationSvg(s: EvaluationSummary): string {
  const size = 240;
  const pad = 30;
  const scale = (v: number) => pad + v * (size - 2 * pad);
  const points = s.calibration
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `<circle cx="${scale(b.meanPredicted).toFixed(1)}" cy="${(size - scale(b.observedRate)).toFixed(1)}" r="${Math.min(8, 2 + Math.sqrt(b.count) / 2).toFixed(1)}" fill="#1f5fa8"><title>Förutsagt ${pct(b.meanPredicted)}, utfall ${pct(b.observedRate)}, ${b.count} elever</title></circle>`,
    )
    .join('');
  return `<svg role="img" aria-labelledby="cal-title" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<title id="cal-title">Kalibrering: förutsagd sannolikhet mot utfall, per tiondel</title>
<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="none" stroke="#666"/>
<line x1="${scale(0)}" y1="${size - scale(0)}" x2="${scale(1)}" y2="${size - scale(1)}" stroke="#999" stroke-dasharray="4 4"/>
${points}
<text x="${size / 2}" y="${size - 6}" text-anchor="middle" font-size="11">Förutsagd sannolikhet</text>
<text x="10" y="${size / 2}" text-anchor="middle" font-size="11" transform="rotate(-90 10 ${size / 2})">Utfall</text></svg>`;
}

/** The reliability table: per tenth of predicted probability, how many students, mean predicted and observed share. */
function reliabilityTable(named: [string, EvaluationSummary][]): string {
  const rows = named
    .flatMap(([name, s]) =>
      s.calibration.map(
        (b) =>
          `<tr><td>${esc(name)}</td><td>${pct(b.lower)}–${pct(b.upper)}</td><td>${b.count}</td><td>${pct(b.meanPredicted)}</td><td>${pct(b.observedRate)}</td></tr>`,
      ),
    )
    .join('');
  return `<table><caption>Tillförlitlighet: förutsagd sannolikhet mot utfall per tiondel</caption><tr><th scope="col">Modell</th><th scope="col">Förutsagt intervall</th><th scope="col">Elever</th><th scope="col">Förutsagt i snitt</th><th scope="col">Utfall</th></tr>${rows}</table>`;
}

/** Calibration of every model (issue #19): ECE, the forest before and after its calibration, and whether it could be activated. */
function calibrationSection(r: EvaluationReport): string {
  const named: [string, EvaluationSummary][] = [['Riskmodell (logistisk regression)', r.model]];
  if (r.forest.uncalibrated) named.push(['Trädensemble före kalibrering', r.forest.uncalibrated]);
  if (r.forest.calibrated) named.push(['Trädensemble efter kalibrering', r.forest.calibrated]);
  const c = r.calibration;
  const verdict = !c
    ? ''
    : `<p>Kalibreringsfel (ECE, genomsnittligt avstånd mellan förutsagd sannolikhet och utfall): riskmodellen ${dec(c.logisticEce)}, trädensemblen ${dec(c.forestEceUncalibrated)} före och ${dec(c.forestEce)} efter kalibrering (Platt-skalning på träningsdata som varje träd inte såg). ${
        c.forestActivatable
          ? 'Trädensemblens kalibreringsfel är inte större än riskmodellens.'
          : 'Trädensemblen kan inte aktiveras: dess kalibreringsfel efter kalibrering är större än riskmodellens.'
      }</p>`;
  const settings = r.settings
    ? `<p>Kategorier med färre än ${r.settings.minLevelCount} elever i träningsdata slås ihop till ”övriga”; förklaringar nämner aldrig ”övriga” eller en kategori med färre än 5 elever. Modellen konvergerade på ${r.settings.iterations} iterationer (λ = ${dec(r.settings.lambda, 2)}).</p>`
    : '';
  return `${calibrationSvg(r.model)}${verdict}${settings}${reliabilityTable(named)}`;
}

/** The whole report page. */
export function reportHtml(
  meta: { organiser: string; version: number; stage: 'GY' | 'GR'; trainedAsOf: string; status: string },
  r: EvaluationReport,
): string {
  const gy = meta.stage === 'GY';
  const outcome = gy ? 'utan examen inom tre år' : 'inte behöriga till nationellt program efter årskurs 9';
  const tiers = r.tiers
    .map(
      (t) =>
        `<tr><th scope="row">${t.tier} – ${esc(tierNames[t.tier as 1 | 2 | 3].sv)}</th><td>${t.n}</td><td>${interval(t.precision)}</td></tr>`,
    )
    .join('');
  const subgroups = r.subgroups
    .map(
      (g) =>
        `<tr><td>${esc(g.dimension)}</td><td>${esc(g.level)}</td><td>${g.n}</td><td>${g.positives}</td><td>${g.rocAuc === null ? '–' : dec(g.rocAuc)}</td><td>${pct(g.selected)}</td><td>${interval(g.precision)}</td><td>${interval(g.recall)}</td></tr>`,
    )
    .join('');
  const gaps = r.gaps
    .map((g) => `<tr><th scope="row">${esc(g.dimension)}</th><td>${pct(g.recallGap)}</td><td>${pct(g.precisionGap)}</td></tr>`)
    .join('');
  const coefficients = Object.entries(r.coefficients.coefficients)
    .map(([c, v]) => `<tr><th scope="row">${esc(featureLabel(c))}</th><td>${dec(v)}</td><td>${dec(Math.exp(v), 2)}</td></tr>`)
    .join('');
  const beats = r.model.rocAuc > r.baselines.rules.rocAuc;
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utvärdering av riskmodell version ${meta.version} – ${esc(meta.organiser)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}</style></head><body>
<h1>Utvärdering av riskmodell, version ${meta.version} (${gy ? 'gymnasiet' : 'årskurs 7–9'})</h1>
<p>${esc(meta.organiser)} · tränad per ${esc(meta.trainedAsOf)} · status: ${esc(meta.status)}</p>
<h2>Data och uppdelning</h2>
<p>Tidsmässig uppdelning: modellen tränades på årskullarna ${r.split.trainCohorts.join(', ')} (${r.split.nTrain} elevtillfällen, varav ${r.split.positivesTrain} ${outcome}) och testades på den nyaste avslutade årskullen ${r.split.testCohort} (${r.split.nTest} elevtillfällen, varav ${r.split.positivesTest} ${outcome}). ${r.split.excludedInsufficient} elevtillfällen hade för lite rapporterad närvaro och ingick inte. Indata är sådant skolan kan påverka (närvaro, betyg, poäng, byten, introduktionsprogram, skolanknytning); kön, ursprung och nyanländ används bara för att jämföra grupper nedan.</p>
<h2>Modellen mot baslinjerna (testårskullen)</h2>
${metricRows([
  ['Riskmodell (logistisk regression)', r.model],
  ['Indikatorregler (stödnivå)', r.baselines.rules],
  [gy ? 'Hela skolor efter andel utan examen' : 'Hela skolor efter andel utan behörighet', r.baselines.schools],
])}
<p>Trädensemble (jämförelse): ROC-AUC ${dec(r.forest.rocAuc)}, PR-AUC ${dec(r.forest.averagePrecision)}.</p>
<p><strong>${beats ? 'Modellen slår indikatorreglerna och kan aktiveras.' : 'Modellen slår inte indikatorreglerna och kan inte aktiveras.'}</strong></p>
<h2>Kalibrering</h2>${calibrationSection(r)}
<h2>Stödnivåernas verkliga precision</h2>
<table><tr><th scope="col">Stödnivå</th><th scope="col">Elever</th><th scope="col">Andel ${outcome} (95 % KI)</th></tr>${tiers}</table>
<h2>Grupper</h2>
<table><tr><th scope="col">Dimension</th><th scope="col">Grupp</th><th scope="col">Elever</th><th scope="col">${gy ? 'Utan examen' : 'Utan behörighet'}</th><th scope="col">ROC-AUC</th><th scope="col">Andel utvalda (topp 10 %)</th><th scope="col">Precision</th><th scope="col">Recall</th></tr>${subgroups}</table>
<table><caption>Skillnader mellan grupper (största minus minsta)</caption><tr><th scope="col">Dimension</th><th scope="col">Recall</th><th scope="col">Precision</th></tr>${gaps}</table>
<h2>Koefficienter</h2>
<table><tr><th scope="col">Indata</th><th scope="col">Koefficient (log-odds per enhet)</th><th scope="col">Oddskvot</th></tr>${coefficients}</table>
<p>Träningstid: ${r.trainingMs} ms.</p></body></html>`;
}

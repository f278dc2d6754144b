/**
 * The organiser's implementation plan as a PDF (pdfkit, the shared page layout of the case documents), in Swedish or
 * English: the progress line, the self-assessment by the framework's areas (each item's question, its sources, the
 * platform's own figure and the level it suggests, the organiser's level and comment), then the actions with owners,
 * dates and status. The plan holds no personal data; the figures are the organiser's aggregates with small counts hidden.
 */
import type { PlanView, Measurement } from '../../../shared/implementation-plan/contract.ts';
import {
  actionStatusLabels,
  areas,
  frameworkItems,
  levelLabels,
  sources,
  type AreaKey,
  type MeasureKey,
} from '../../../shared/implementation-plan/framework.ts';
import { field, finish, heading, newPdf, paragraph } from '../interventions/action-programme-pdf.ts';
import { numberFormat } from '../../../shared/contract/intl.ts';

type Lang = 'sv' | 'en';

const words = {
  title: { sv: 'Implementeringsplan', en: 'Implementation plan' },
  asOf: { sv: 'Per', en: 'As of' },
  progress: {
    sv: (p: PlanView['progress']) =>
      `Besvarat ${p.answered} av ${p.items} områden · åtgärder ${p.done} klara av ${p.actions}, ${p.overdue} försenade`,
    en: (p: PlanView['progress']) =>
      `Answered ${p.answered} of ${p.items} items · actions ${p.done} done of ${p.actions}, ${p.overdue} overdue`,
  },
  sources: { sv: 'Källor', en: 'Sources' },
  measured: { sv: 'Plattformen mäter', en: 'The platform measures' },
  suggests: { sv: 'tyder på', en: 'suggests' },
  level: { sv: 'Er nivå', en: 'Your level' },
  notAnswered: { sv: 'Inte besvarat', en: 'Not answered' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  actions: { sv: 'Åtgärder', en: 'Actions' },
  noActions: { sv: 'Inga åtgärder planerade ännu.', en: 'No actions planned yet.' },
  owner: { sv: 'Ansvarig', en: 'Owner' },
  due: { sv: 'Klart senast', en: 'Due' },
  status: { sv: 'Status', en: 'Status' },
  overdue: { sv: 'försenad', en: 'overdue' },
  tooFew: { sv: 'för få för att visa', en: 'too few to show' },
  noData: { sv: 'inga uppgifter ännu', en: 'no data yet' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  footer: { sv: 'Fullfölj · implementeringsplan, inga personuppgifter', en: 'Fullfölj · implementation plan, no personal data' },
};

const measureLabels: Record<MeasureKey, { sv: string; en: string }> = {
  'tier3-with-case': { sv: 'Andel elever på nivå 3 med ett öppet ärende', en: 'Share of tier-3 students with an open case' },
  'follow-ups-overdue': { sv: 'Andel försenade uppföljningar det senaste året', en: 'Share of follow-ups overdue in the last year' },
  'model-active': { sv: 'Riskmodell i bruk', en: 'A risk model in use' },
  'meetings-per-month': { sv: 'Elevhälsomöten per skolenhet och månad', en: 'Student-health meetings per school unit and month' },
};

/** The measurement as one line: "Andel …: 70 % — tyder på «Till stor del på plats»". */
function measurementLine(m: Measurement, lang: Lang): string {
  const number = (v: number, digits: number) =>
    numberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits }).format(v);
  const value =
    m.value === null
      ? words[m.missing === 'too-few' ? 'tooFew' : 'noData'][lang]
      : m.measure === 'model-active'
        ? words[m.value >= 1 ? 'yes' : 'no'][lang]
        : m.measure === 'meetings-per-month'
          ? number(m.value, 1)
          : `${number(m.value * 100, 0)} %`;
  const suggestion = m.suggestedLevel === null ? '' : ` — ${words.suggests[lang]} «${levelLabels[m.suggestedLevel]![lang]}»`;
  return `${measureLabels[m.measure][lang]}: ${value}${suggestion}`;
}

/** The plan as a PDF in `lang`. */
export function planPdf(view: PlanView, lang: Lang): Promise<Buffer> {
  const title = `${words.title[lang]} – ${view.organiser}`;
  const builder = newPdf(title, view.organiser);
  const { doc } = builder;
  doc.fontSize(16).font('Helvetica-Bold').text(title).font('Helvetica');
  doc.fontSize(9).text(`${words.asOf[lang]} ${view.asOf} · ${words.progress[lang](view.progress)}`);
  for (const area of Object.keys(areas) as AreaKey[]) {
    heading(doc, areas[area][lang]);
    for (const item of frameworkItems.filter((i) => i.area === area)) {
      const answer = view.answers.find((a) => a.itemKey === item.key);
      doc.moveDown(0.3).fontSize(10).font('Helvetica-Bold').text(item.question[lang]).font('Helvetica');
      doc
        .fontSize(8)
        .fillColor('#444')
        .text(`${words.sources[lang]}: ${item.sources.map((s) => sources[s][lang]).join('; ')}`)
        .fillColor('black');
      if (answer?.measurement) field(doc, words.measured[lang], measurementLine(answer.measurement, lang));
      field(doc, words.level[lang], answer?.level == null ? words.notAnswered[lang] : levelLabels[answer.level]![lang]);
      if (answer?.comment.trim()) field(doc, words.comment[lang], answer.comment);
    }
  }
  heading(doc, words.actions[lang]);
  if (view.actions.length === 0) paragraph(doc, words.noActions[lang]);
  for (const action of view.actions) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    const item = frameworkItems.find((i) => i.key === action.itemKey);
    doc.moveDown(0.3).fontSize(10).font('Helvetica-Bold').text(action.title).font('Helvetica');
    if (item) doc.fontSize(8).text(item.question[lang]);
    field(doc, words.owner[lang], action.owner);
    field(doc, words.due[lang], `${action.dueOn}${action.overdue ? ` (${words.overdue[lang]})` : ''}`);
    field(doc, words.status[lang], actionStatusLabels[action.status][lang]);
  }
  return finish(builder, words.footer[lang]);
}

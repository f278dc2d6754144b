/**
 * A case summary as a PDF, in Swedish: the case, its interventions with their follow-ups, the notes and the history.
 * It prints the case as the reader may see it (case-view.ts): a sensitive note's text only for the student-health roles;
 * for others that a sensitive note exists, never what it says.
 */
import type { Change } from '../../../shared/interventions/history.ts';
import {
  caseStatusLabels,
  closingReasonLabels,
  interventionStatusLabels,
  levelLabels,
  outcomeLabels,
} from '../../../shared/interventions/labels.ts';
import { indicatorLabel, tierNames } from '../../../shared/early-warning/labels.ts';
import type { CaseView } from './case-view.ts';
import { swedishValue } from './history.ts';
import { day, field, finish, heading, newPdf, paragraph, protectedIdentityWarning, type DocumentContext } from './action-programme-pdf.ts';
import { swedishTime } from './refusals.ts';

const sv = (labels: Record<string, { sv: string }>, code: string | null | undefined) => (code ? (labels[code]?.sv ?? 'Annat') : '–');

/** The support tier and the indicators at opening as a person reads them: "Samordnat stöd (nivå 3): Låg närvaro, …". */
export function situationText(tier: number, flags: readonly string[]): string {
  const named = flags.map((f) => indicatorLabel(f, 'sv'));
  return `${tierNames[tier as 1 | 2 | 3]?.sv ?? 'Okänd stödnivå'} (nivå ${tier})${named.length ? `: ${named.join(', ')}` : ''}`;
}

/** One history entry's change in Swedish: a long text by its field only, other values "från … till …". */
function changeText(change: Change): string {
  if (change.before.kind === 'text' || change.after.kind === 'text') {
    const short = [change.before, change.after].every((v) => v.kind !== 'text' || v.text.length <= 60);
    if (!short) return change.label.sv;
  }
  return change.before.kind === 'empty'
    ? `${change.label.sv}: ${swedishValue(change.after)}`
    : // The PDF's standard font has no arrow.
      `${change.label.sv}: från ${swedishValue(change.before)} till ${swedishValue(change.after)}`;
}

export const restrictedNoteText = 'Känslig anteckning – innehållet visas bara för elevhälsans personal.';

/** The case summary for the reader the view was made for. */
export function caseSummaryPdf(view: CaseView, context: DocumentContext): Promise<Buffer> {
  const builder = newPdf('Sammanfattning av ärende', context.organiser);
  const { doc } = builder;
  doc.font('Helvetica-Bold').fontSize(18).text('Sammanfattning av ärende');
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Elevhälsans ärende hos ${context.organiser}. Utskriven ${swedishTime(context.generatedAt)} av ${context.generatedBy ?? '–'}.`);
  if (context.student.protectedIdentity) doc.moveDown(0.5).fillColor('#a10e1b').text(protectedIdentityWarning).fillColor('black');

  heading(doc, 'Ärendet');
  field(doc, 'Elev', view.student.name);
  field(doc, 'Skolenhet', view.student.schoolUnit.name);
  field(doc, 'Skolform, årskurs och program', context.student.schooling);
  field(doc, 'Status', sv(caseStatusLabels, view.status));
  field(doc, 'Nivå', sv(levelLabels, view.level));
  field(doc, 'Anledning', view.reason);
  field(
    doc,
    'Öppnat',
    `${view.openedOn} av ${view.openedBy?.name ?? '–'} (${view.openedFrom === 'flag' ? 'från en flagga i tidig upptäckt' : 'manuellt'})`,
  );
  if (view.atOpening.tier !== null) field(doc, 'Stödnivå vid öppnandet', situationText(view.atOpening.tier, view.atOpening.flags));
  field(doc, 'Ansvarig', view.responsible?.name);
  field(doc, 'Team', view.team.map((p) => p?.name ?? '–').join(', ') || '–');
  if (view.closedOn) {
    field(doc, 'Avslutat', view.closedOn);
    field(doc, 'Skäl', sv(closingReasonLabels, view.closingReason));
    if (view.closingNote) field(doc, 'Kommentar', view.closingNote);
  }

  heading(doc, `Insatser (${view.interventions.length})`);
  if (view.interventions.length === 0) paragraph(doc, 'Inga insatser.');
  for (const i of view.interventions) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${i.title} (${sv(interventionStatusLabels, i.status).toLowerCase()})`)
      .font('Helvetica');
    field(doc, 'Mål', i.goal);
    field(doc, 'Vad som görs och av vem', i.actions);
    field(doc, 'Ansvarig', i.responsible?.name);
    field(doc, 'Tid', `från ${day(i.startDate)}${i.endDate ? ` till ${i.endDate}` : ''}`);
    if (i.evaluation) field(doc, 'Utvärdering', i.evaluation);
    if (i.outcome) field(doc, 'Resultat', sv(outcomeLabels, i.outcome));
    for (const f of i.followUps) {
      const state = f.done
        ? `gjord ${day(f.doneOn)} av ${f.doneBy?.name ?? '–'}${f.note ? `: ${f.note}` : ''}`
        : f.overdue
          ? 'försenad'
          : 'planerad';
      doc.fontSize(9).text(`  Uppföljning ${f.dueOn} – ${state}`);
    }
  }

  if (view.actionProgramme) {
    heading(doc, 'Åtgärdsprogram');
    field(doc, 'Beslutat', `${view.actionProgramme.decidedOn} av ${view.actionProgramme.decidedBy}`);
    field(doc, 'Utvärderas senast', view.actionProgramme.evaluationOn);
  }

  heading(doc, `Anteckningar (${view.notes.length})`);
  if (view.notes.length === 0) paragraph(doc, 'Inga anteckningar.');
  for (const n of view.notes) {
    doc
      .moveDown(0.2)
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${swedishTime(n.createdAt)}, ${n.author?.name ?? '–'}${n.sensitive ? ' (känslig)' : ''}`)
      .font('Helvetica');
    paragraph(doc, 'body' in n ? n.body : restrictedNoteText);
  }

  heading(doc, `Historik (${view.events.length})`);
  for (const e of view.events) {
    const changes = e.changes.map(changeText);
    doc
      .fontSize(8)
      .text(`${swedishTime(e.at)} · ${e.by?.name ?? '–'} · ${e.kindLabel.sv}${changes.length ? ` (${changes.join('; ')})` : ''}`);
  }

  return finish(builder, `Handlingen kan innehålla uppgifter som omfattas av sekretess. ${context.organiser}.`);
}

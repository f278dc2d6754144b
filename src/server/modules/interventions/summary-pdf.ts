/**
 * A case summary as a PDF, in Swedish: the case, its interventions with their follow-ups, the notes and the history.
 * It prints the case as the reader may see it (case-view.ts): a sensitive note's text only for the student-health roles;
 * for others that a sensitive note exists, never what it says.
 */
import type { CaseView } from './case-view.ts';
import { day, field, finish, heading, newPdf, paragraph, protectedIdentityWarning, type DocumentContext } from './action-programme-pdf.ts';
import { swedishTime } from './refusals.ts';

const statuses: Record<string, string> = { opened: 'Öppnat', planned: 'Planerat', 'in-progress': 'Pågår', 'follow-up': 'Uppföljning', closed: 'Avslutat' };
const levels: Record<string, string> = { promoting: 'Främjande', preventing: 'Förebyggande', remedying: 'Åtgärdande' };
const closingReasons: Record<string, string> = {
  'goals-met': 'Målen är nådda', 'other-support': 'Annat stöd tar över', moved: 'Eleven har flyttat',
  declined: 'Eleven eller vårdnadshavarna tackade nej', 'no-longer-needed': 'Stödet behövs inte längre', other: 'Annat',
};
const interventionStatuses: Record<string, string> = { planned: 'planerad', active: 'pågår', completed: 'avslutad', stopped: 'avbruten' };
const outcomes: Record<string, string> = { improved: 'bättre', unchanged: 'oförändrat', worse: 'sämre' };
const eventKinds: Record<string, string> = {
  'case-opened': 'Ärendet öppnades', 'case-updated': 'Ärendet ändrades', 'case-closed': 'Ärendet avslutades', 'case-reopened': 'Ärendet öppnades igen',
  'intervention-added': 'Insats lades till', 'intervention-updated': 'Insats ändrades', 'follow-up-added': 'Uppföljning lades till',
  'follow-up-done': 'Uppföljning gjordes', 'note-added': 'Anteckning lades till', 'action-programme-saved': 'Åtgärdsprogrammet sparades',
};

/** Swedish names of the fields a history entry changed. */
const fieldNames: Record<string, string> = {
  status: 'status', level: 'nivå', reason: 'anledning', openedFrom: 'öppnat från', responsibleId: 'ansvarig', teamIds: 'team',
  schoolUnitId: 'skolenhet', closedOn: 'avslutat', closingReason: 'skäl', closingNote: 'kommentar', title: 'insats', methodId: 'metod',
  goal: 'mål', actions: 'åtgärder', startDate: 'start', endDate: 'slut', followUpDates: 'uppföljningsdatum', interventionId: 'insats',
  dueOn: 'uppföljningsdatum', doneOn: 'gjord', note: 'iakttagelse', sensitive: 'känslig', evaluation: 'utvärdering', outcome: 'resultat',
  needs: 'behov', studentViews: 'elevens synpunkter', guardianViews: 'vårdnadshavarnas synpunkter', decidedOn: 'beslutsdatum',
  decidedBy: 'beslutat av', evaluationOn: 'utvärderingsdatum',
};

export const restrictedNoteText = 'Känslig anteckning – innehållet visas bara för elevhälsans personal.';

/** The case summary for the reader the view was made for. */
export function caseSummaryPdf(view: CaseView, context: DocumentContext): Promise<Buffer> {
  const builder = newPdf('Sammanfattning av ärende', context.organiser);
  const { doc } = builder;
  doc.font('Helvetica-Bold').fontSize(18).text('Sammanfattning av ärende');
  doc.font('Helvetica').fontSize(9).text(`Elevhälsans ärende hos ${context.organiser}. Utskriven ${swedishTime(context.generatedAt)} av ${context.generatedBy ?? '–'}.`);
  if (context.student.protectedIdentity) doc.moveDown(0.5).fillColor('#a10e1b').text(protectedIdentityWarning).fillColor('black');

  heading(doc, 'Ärendet');
  field(doc, 'Elev', view.student.name);
  field(doc, 'Skolenhet', view.student.schoolUnit.name);
  field(doc, 'Skolform, årskurs och program', context.student.schooling);
  field(doc, 'Status', statuses[view.status] ?? view.status);
  field(doc, 'Nivå', levels[view.level] ?? view.level);
  field(doc, 'Anledning', view.reason);
  field(doc, 'Öppnat', `${view.openedOn} av ${view.openedBy?.name ?? '–'} (${view.openedFrom === 'flag' ? 'från en flagga i tidig upptäckt' : 'manuellt'})`);
  if (view.atOpening.tier !== null) field(doc, 'Stödnivå vid öppnandet', `${view.atOpening.tier}${view.atOpening.flags.length ? ` (${view.atOpening.flags.join(', ')})` : ''}`);
  field(doc, 'Ansvarig', view.responsible?.name);
  field(doc, 'Team', view.team.map((p) => p?.name ?? '–').join(', ') || '–');
  if (view.closedOn) {
    field(doc, 'Avslutat', view.closedOn);
    field(doc, 'Skäl', view.closingReason ? (closingReasons[view.closingReason] ?? view.closingReason) : null);
    if (view.closingNote) field(doc, 'Kommentar', view.closingNote);
  }

  heading(doc, `Insatser (${view.interventions.length})`);
  if (view.interventions.length === 0) paragraph(doc, 'Inga insatser.');
  for (const i of view.interventions) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(`${i.title} (${interventionStatuses[i.status] ?? i.status})`).font('Helvetica');
    field(doc, 'Mål', i.goal);
    field(doc, 'Vad som görs och av vem', i.actions);
    field(doc, 'Ansvarig', i.responsible?.name);
    field(doc, 'Tid', `från ${day(i.startDate)}${i.endDate ? ` till ${i.endDate}` : ''}`);
    if (i.evaluation) field(doc, 'Utvärdering', i.evaluation);
    if (i.outcome) field(doc, 'Resultat', outcomes[i.outcome] ?? i.outcome);
    for (const f of i.followUps) {
      const state = f.done ? `gjord ${day(f.doneOn)} av ${f.doneBy?.name ?? '–'}${f.note ? `: ${f.note}` : ''}` : f.overdue ? 'försenad' : 'planerad';
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
    doc.moveDown(0.2).font('Helvetica-Bold').fontSize(9).text(`${swedishTime(n.createdAt)}, ${n.author?.name ?? '–'}${n.sensitive ? ' (känslig)' : ''}`).font('Helvetica');
    paragraph(doc, 'body' in n ? n.body : restrictedNoteText);
  }

  heading(doc, `Historik (${view.events.length})`);
  for (const e of view.events) {
    const fields = [...new Set(Object.keys(e.changes ?? {}).map((f) => fieldNames[f] ?? f))];
    doc.fontSize(8).text(`${swedishTime(e.at)} · ${e.by?.name ?? '–'} · ${eventKinds[e.kind] ?? e.kind}${fields.length ? ` (${fields.join(', ')})` : ''}`);
  }

  return finish(builder, `Handlingen kan innehålla uppgifter som omfattas av sekretess. ${context.organiser}.`);
}

/**
 * The handover as a PDF in plain Swedish (docs/handovers.md), on the layout of the interventions' documents: who it is
 * about (name only — never a civic number or an address), from and to which school, why, what is handed over, the
 * facts the platform found, what the student and guardians were told and consented to; for the receiving side also
 * the receipt, the transition meeting and the follow-up.
 */
import { adaptationOutcomeLabels, routeLabels, triggerLabels } from '../../../shared/handovers/labels.ts';
import type { HandoverTrigger } from '../../../shared/handovers/codes.ts';
import { field, finish, heading, newPdf, paragraph } from '../interventions/action-programme-pdf.ts';
import type { HandoverRow } from './policy.ts';

const percent = (share: number | null) => (share === null ? null : `${Math.round(share * 100)} %`);

/** The handover's PDF. */
export function handoverPdf(h: HandoverRow, generatedAt: string): Promise<Buffer> {
  const builder = newPdf('Överlämning', h.fromOrganiserName);
  const { doc } = builder;
  doc.font('Helvetica-Bold').fontSize(16).text('Överlämning till ny skola').font('Helvetica').moveDown(0.3);
  field(doc, 'Elev', `${h.givenName} ${h.familyName}`);
  field(doc, 'Övergång', routeLabels[h.route].sv);
  field(doc, 'Från', `${h.fromUnitName} (${h.fromOrganiserName})`);
  field(doc, 'Till', `${h.toUnitName} (${h.toOrganiserName})`);
  field(doc, 'Börjar', h.startsOn);
  field(doc, 'Varför överlämning', (h.triggers as HandoverTrigger[]).map((t) => triggerLabels[t].sv).join(', '));
  const c = h.content;
  heading(doc, 'Styrkor och intressen');
  paragraph(doc, c.strengths);
  heading(doc, 'Extra anpassningar');
  paragraph(doc, c.adaptations);
  heading(doc, 'Särskilt stöd och åtgärdsprogram');
  paragraph(doc, c.specialSupport);
  if (c.attachActionProgramme && h.facts.actionProgramme) {
    field(doc, 'Åtgärdsprogrammet beslutades', h.facts.actionProgramme.decidedOn);
    field(doc, 'Elevens behov av särskilt stöd', h.facts.actionProgramme.needs);
  }
  heading(doc, 'Kunskaper, betyg och behörighet');
  paragraph(doc, c.knowledge);
  field(doc, 'Påbörjade men inte avslutade kurser', c.unfinishedCourses);
  heading(doc, 'Närvaro');
  field(doc, 'Frånvaro senaste året', percent(h.facts.absenceShare));
  heading(doc, 'Språk');
  paragraph(doc, c.language);
  if (!h.protectedIdentity) {
    heading(doc, 'Kontakter som eleven och vårdnadshavarna vill föra vidare');
    paragraph(doc, c.contacts);
  }
  heading(doc, 'Information och samtycke');
  field(doc, 'Eleven och vårdnadshavarna har fått veta', c.informed);
  field(doc, 'Samtycke till uppgifter utöver de pedagogiska', c.consentBeyondPedagogical ? `Ja. ${c.consentNote}` : 'Nej');
  if (h.direction === 'received') {
    heading(doc, 'Mottagande skola');
    field(doc, 'Mottagandet bekräftat', h.confirmedAt ? h.confirmedAt.slice(0, 10) : null);
    field(doc, 'Övergångsmöte', h.meetingOn);
    field(doc, 'Deltagare', h.meetingAttendees);
    field(doc, 'Anteckningar', h.meetingMinutes);
    field(doc, 'Vad skolan gör', h.meetingActions);
    field(doc, 'Fortsatte anpassningarna?', h.adaptationsContinued ? adaptationOutcomeLabels[h.adaptationsContinued].sv : null);
    field(doc, 'Närvaro sedan starten', percent(h.attendanceSinceStart));
    field(doc, 'Uppföljning', h.followUpNote);
  }
  doc
    .moveDown(1)
    .fontSize(8)
    .text('Uppgifterna lämnas enligt skollagen 3 kap. 12 j § och får inte användas vid urval till skolplacering eller antagning.');
  return finish(builder, `Överlämning · utskriven ${generatedAt.slice(0, 10)} · omfattas av sekretess enligt OSL 23 kap.`);
}

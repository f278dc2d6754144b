/**
 * The åtgärdsprogram as a PDF (pdfkit), in Swedish, with the parts 3 kap. skollagen (2010:800) and Skolverkets allmänna
 * råd om arbete med extra anpassningar, särskilt stöd och åtgärdsprogram ask for: the student's needs of special support,
 * the goals, the measures (the case's interventions: what, who is responsible, from when), follow-up and evaluation
 * (when, by whom), how the student and the guardians took part and their views, the decision (when, by whom) and how to
 * appeal it (Skolväsendets överklagandenämnd, 28 kap. skollagen). Also the shared page layout of the case summary.
 */
import PDFDocument from 'pdfkit';
import type { CaseView } from './case-view.ts';

/** What a document about a case prints beside the case itself. */
export interface DocumentContext {
  organiser: string;
  /** ISO time the document was made. */
  generatedAt: string;
  /** The person who asked for it (account display name). */
  generatedBy: string | null;
  student: { civicNo: string | null; schooling: string | null; protectedIdentity: boolean };
}

export interface PdfBuilder {
  doc: PDFKit.PDFDocument;
  done: Promise<Buffer>;
}

/** An A4 document collecting its bytes. */
export function newPdf(title: string, author: string): PdfBuilder {
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, info: { Title: title, Author: author } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return { doc, done };
}

export function heading(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(title).font('Helvetica').moveDown(0.2);
}

export function field(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined): void {
  doc
    .fontSize(10)
    .font('Helvetica-Bold')
    .text(`${label}: `, { continued: true })
    .font('Helvetica')
    .text(value && value.trim() ? value : '–');
}

export function paragraph(doc: PDFKit.PDFDocument, value: string | null | undefined): void {
  doc.fontSize(10).text(value && value.trim() ? value : '–');
}

/** Page numbers and a line at the foot of every page; then ends the document. */
export function finish(builder: PdfBuilder, footer: string): Promise<Buffer> {
  const { doc } = builder;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // writing in the footer must not start a new page
    doc
      .fontSize(7)
      .fillColor('#444')
      .text(footer, 56, doc.page.height - 62, { width: doc.page.width - 112, align: 'center' });
    doc.text(`Sida ${i + 1} av ${range.count}`, 56, doc.page.height - 30, {
      width: doc.page.width - 112,
      align: 'center',
      lineBreak: false,
    });
    doc.fillColor('black');
  }
  doc.end();
  return builder.done;
}

/** "12 januari 2025" style dates are ambiguous across locales; the documents print YYYY-MM-DD as Swedish forms do. */
export const day = (d: string | null | undefined): string => d ?? '–';

export const protectedIdentityWarning =
  'Skyddade personuppgifter: handlingen får inte lämnas ut eller skickas till en adress utan kontroll.';

/** The case's action programme as a PDF; the case must have one. */
export function actionProgrammePdf(view: CaseView, context: DocumentContext): Promise<Buffer> {
  const programme = view.actionProgramme;
  if (!programme) throw new Error('actionProgrammePdf: the case has no action programme');
  const builder = newPdf('Åtgärdsprogram', context.organiser);
  const { doc } = builder;
  doc.font('Helvetica-Bold').fontSize(20).text('Åtgärdsprogram');
  doc.font('Helvetica').fontSize(10).text('enligt 3 kap. skollagen (2010:800)');
  if (context.student.protectedIdentity) doc.moveDown(0.5).fillColor('#a10e1b').text(protectedIdentityWarning).fillColor('black');

  heading(doc, 'Uppgifter om eleven');
  field(doc, 'Namn', view.student.name);
  field(doc, 'Personnummer', context.student.civicNo);
  field(doc, 'Skolenhet', view.student.schoolUnit.name);
  field(doc, 'Skolform, årskurs och program', context.student.schooling);
  field(doc, 'Huvudman', context.organiser);

  heading(doc, 'Elevens behov av särskilt stöd');
  paragraph(doc, programme.needs);

  heading(doc, 'Mål');
  if (view.interventions.length === 0) paragraph(doc, 'Inga åtgärder är beslutade ännu.');
  for (const i of view.interventions) doc.fontSize(10).text(`• ${i.title}: ${i.goal}`);

  heading(doc, 'Åtgärder');
  if (view.interventions.length === 0) paragraph(doc, 'Inga åtgärder är beslutade ännu.');
  for (const i of view.interventions) {
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(10).text(i.title).font('Helvetica');
    if (i.method && i.method.name.sv !== i.title) field(doc, 'Metod', i.method.name.sv);
    field(doc, 'Vad som görs och av vem', i.actions);
    field(doc, 'Ansvarig', i.responsible?.name);
    field(doc, 'Tid', `från ${day(i.startDate)}${i.endDate ? ` till ${i.endDate}` : ', tills vidare'}`);
  }

  heading(doc, 'Uppföljning och utvärdering');
  const followUps = view.interventions
    .flatMap((i) => i.followUps.map((f) => ({ ...f, title: i.title })))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  for (const f of followUps) {
    doc
      .fontSize(10)
      .text(
        `• ${f.dueOn}: uppföljning av ${f.title}, ansvarig ${f.responsible?.name ?? '–'}${f.done ? ` (genomförd ${day(f.doneOn)})` : ''}`,
      );
  }
  if (followUps.length === 0) paragraph(doc, 'Inga uppföljningsdatum är satta.');
  doc.moveDown(0.3);
  paragraph(
    doc,
    'Vid uppföljningarna stämmer den ansvariga av med eleven och lärarna hur åtgärderna fungerar. Vid utvärderingen ' +
      'prövas om åtgärderna har gett effekt och om eleven fortfarande behöver särskilt stöd: programmet fortsätter, ändras eller avslutas.',
  );
  field(doc, 'Åtgärdsprogrammet utvärderas senast', programme.evaluationOn);
  field(doc, 'Ansvarig för utvärderingen', view.responsible?.name);

  heading(doc, 'Elevens delaktighet och synpunkter');
  paragraph(doc, programme.studentViews);
  heading(doc, 'Vårdnadshavarnas delaktighet och synpunkter');
  paragraph(doc, programme.guardianViews);

  heading(doc, 'Beslut');
  paragraph(doc, `Beslut om åtgärdsprogram fattades ${programme.decidedOn} av ${programme.decidedBy}.`);
  doc.moveDown(1.5).fontSize(10).text('Underskrift: ____________________________________');

  heading(doc, 'Hur man överklagar');
  paragraph(
    doc,
    'Beslutet om åtgärdsprogram kan överklagas hos Skolväsendets överklagandenämnd (28 kap. skollagen). ' +
      'Överklagandet ska vara skriftligt, säga vilket beslut det gäller och hur du vill att det ändras, och lämnas till skolan ' +
      'inom tre veckor från den dag du fick del av beslutet. Skolan skickar det vidare till nämnden. Skolan hjälper dig gärna.',
  );

  return finish(
    builder,
    'Utformat efter 3 kap. skollagen och Skolverkets allmänna råd om arbete med extra anpassningar, särskilt stöd ' +
      `och åtgärdsprogram. Handlingen kan innehålla uppgifter som omfattas av sekretess. Utskriven ${context.generatedAt.slice(0, 10)}.`,
  );
}

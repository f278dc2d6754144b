/**
 * The register extract as a readable PDF (pdfkit): the same sections as the JSON with Swedish headings, labelled values,
 * no ids and no codes; page numbers. A long list (every lesson) is printed as its summary and the entries that matter.
 */
import PDFDocument from 'pdfkit';
import type { RegisterExtract } from './build-extract.ts';
import type { Entry, Part, Section } from './document.ts';

type Doc = PDFKit.PDFDocument;

const rights =
  'Du har rätt att få veta vilka personuppgifter vi behandlar om dig och vilka som har tagit del av dem. ' +
  'Du kan begära att felaktiga uppgifter rättas och lämna klagomål till Integritetsskyddsmyndigheten (IMY).';

/** Renders the extract; resolves with the PDF bytes. */
export function registerExtractPdf(extract: RegisterExtract): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: 'Registerutdrag', Author: extract.organiser.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(18).text(extract.title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10).text(`Gäller: ${extract.person.name}`);
  doc.text(`Personuppgiftsansvarig: ${extract.organiser.name}`);
  doc.text(`Upprättat: ${extract.generatedAtText}`);
  doc.moveDown(0.5).fontSize(9).text(rights);
  for (const notice of extract.notices) doc.moveDown(0.5).fillColor('#a10e1b').fontSize(10).text(notice).fillColor('black');
  for (const s of extract.sections) printSection(doc, s);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // writing in the footer must not start a new page
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Sida ${i + 1} av ${range.count}`, 50, doc.page.height - 40, { align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function printSection(doc: Doc, s: Section): void {
  doc.moveDown(1.2).font('Helvetica-Bold').fontSize(14).text(s.heading);
  if (s.intro) doc.font('Helvetica').fontSize(9).text(s.intro);
  for (const part of s.parts) printPart(doc, part);
}

function printPart(doc: Doc, part: Part): void {
  doc
    .moveDown(0.6)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(part.entries.length ? `${part.heading} (${part.entries.length})` : part.heading);
  if (!part.entries.length) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(part.empty ?? 'Inga uppgifter.');
    return;
  }
  if (part.pdfSummary !== undefined) doc.font('Helvetica-Oblique').fontSize(9).text(part.pdfSummary);
  for (const entry of part.pdfSummary !== undefined ? (part.pdfEntries ?? []) : part.entries) printEntry(doc, entry);
}

function printEntry(doc: Doc, entry: Entry): void {
  doc.moveDown(0.3);
  if (entry.title) {
    if (entry.secrecy) doc.fillColor('#6b2c00');
    doc.font('Helvetica-Bold').fontSize(9).text(entry.title).fillColor('black');
  }
  for (const f of entry.facts) {
    doc.font('Helvetica-Bold').fontSize(9).text(`${f.label}: `, { continued: true, indent: 10 }).font('Helvetica').text(f.value);
  }
}

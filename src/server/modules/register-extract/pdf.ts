/** The register extract as a readable PDF (pdfkit): Swedish headings, one section per kind of data, page numbers. */
import PDFDocument from 'pdfkit';
import type { RegisterExtract } from './build-extract.ts';

/** Swedish names of the tables a person appears in; unknown tables show their own name. */
const sectionTitles: Record<string, string> = {
  enrolments: 'Inskrivningar', group_memberships: 'Gruppmedlemskap', grades: 'Betyg', certificates: 'Examens- och slutbetyg',
  attendances: 'Lektionsnärvaro', aggregated_attendances: 'Sammanställd närvaro', person_responsibles: 'Vårdnadshavare och ansvariga',
  duties: 'Tjänstgöring', role_assignments: 'Roller i Fullfölj',
};
/** Tables summarised by count rather than listed row by row in the PDF (the JSON has every row). */
const summarised = new Set(['attendances']);

const text = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Renders the extract; resolves with the PDF bytes. */
export function registerExtractPdf(extract: RegisterExtract): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: 'Registerutdrag', Author: extract.organiser.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(20).text('Registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR)');
  doc.moveDown(0.5).fontSize(10).text(`Personuppgiftsansvarig: ${extract.organiser.name}`);
  doc.text(`Upprättat: ${extract.generatedAt.slice(0, 16).replace('T', ' ')} (UTC)`);
  doc.moveDown().text('Du har rätt att få veta vilka personuppgifter vi behandlar om dig, varför och vilka som har tagit del av dem. '
    + 'Du kan begära rättelse av felaktiga uppgifter och lämna klagomål till Integritetsskyddsmyndigheten (IMY).');
  if (extract.protectedIdentity) {
    doc.moveDown().fillColor('#a10e1b').text('Skyddade personuppgifter: utdraget får bara lämnas till den registrerade själv på ett säkert sätt.').fillColor('black');
  }
  heading(doc, 'Personuppgifter');
  for (const [k, v] of Object.entries(extract.person)) doc.fontSize(9).text(`${k}: ${text(v)}`);
  for (const section of extract.sections) {
    heading(doc, `${sectionTitles[section.table] ?? section.table} (${section.rows.length})`);
    if (section.rows.length === 0) doc.fontSize(9).text('Inga uppgifter.');
    else if (summarised.has(section.table)) doc.fontSize(9).text(`${section.rows.length} registrerade lektioner; alla rader finns i JSON-utdraget.`);
    else for (const row of section.rows) doc.fontSize(8).text(Object.entries(row).map(([k, v]) => `${k}: ${text(v)}`).join(' · ')).moveDown(0.3);
  }
  heading(doc, `Vilka som har tagit del av uppgifterna (${extract.accessLog.length})`);
  for (const r of extract.accessLog) {
    doc.fontSize(8).text(`${r.at} · ${r.username ?? 'okänd'} (${r.role ?? '–'}) · ${r.action} · ${r.purpose} · ${r.outcome === 'allowed' ? 'tillåten' : 'nekad'}`);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // writing in the footer must not start a new page
    doc.fontSize(8).text(`Sida ${i + 1} av ${range.count}`, 50, doc.page.height - 40, { align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown().fontSize(13).text(title).moveDown(0.3);
}

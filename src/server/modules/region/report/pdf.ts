/**
 * A published monthly report as a PDF, in Swedish or English: the steering group's commentary, then each section with
 * a bar chart of its tables' first figure beside the table itself (a suppressed count is a dash with a note, never a
 * bar). Aggregates only, as the report holds nothing else.
 */
import type { FigureTable, ReportView } from '../../../../shared/region/contract.ts';
import { finish, heading, newPdf, paragraph } from '../../interventions/action-programme-pdf.ts';

type Lang = 'sv' | 'en';

const words = {
  title: { sv: 'Månadsrapport', en: 'Monthly report' },
  commentary: { sv: 'Styrgruppens kommentar', en: "The steering group's commentary" },
  none: { sv: 'Ingen kommentar.', en: 'No commentary.' },
  version: { sv: 'version', en: 'version' },
  suppressed: {
    sv: '– : färre än 5, eller dolt för att ett litet tal inte ska kunna räknas fram.',
    en: '– : fewer than 5, or hidden so that a small count cannot be worked out.',
  },
  footer: { sv: 'Fullfölj · aggregerade uppgifter, små tal dolda', en: 'Fullfölj · aggregate figures, small counts hidden' },
};

const shown = (value: number | null) => (value === null ? '–' : String(value));
/** A cell as read: its written-out text, or its count. */
const cellText = (c: FigureTable['rows'][number]['cells'][number], lang: Lang) => c.text?.[lang] ?? shown(c.value);

function chart(doc: PDFKit.PDFDocument, table: FigureTable, lang: Lang): void {
  const rows = table.rows.filter((r) => !r.total);
  const max = Math.max(1, ...rows.map((r) => r.cells[0]?.value ?? 0));
  const left = 56;
  const labelWidth = 150;
  const barWidth = doc.page.width - 112 - labelWidth - 40;
  doc
    .fontSize(8)
    .font('Helvetica')
    .fillColor('#000')
    .text(`${table.columns[0]?.[lang] ?? ''}`, { underline: false });
  for (const row of rows) {
    if (doc.y > doc.page.height - 100) doc.addPage();
    const y = doc.y;
    const value = row.cells[0]?.value ?? null;
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(row.label[lang], left, y, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    if (value !== null && value > 0) doc.rect(left + labelWidth, y + 1, (value / max) * barWidth, 7).fill('#1f5f8b');
    doc.fillColor('#000').text(shown(value), left + labelWidth + (value ? (value / max) * barWidth : 0) + 4, y, { lineBreak: false });
    doc.x = left;
    doc.y = y + 11;
  }
  doc.moveDown(0.5);
}

function tableText(doc: PDFKit.PDFDocument, table: FigureTable, lang: Lang): void {
  doc.fontSize(9).font('Helvetica-Bold').text(table.caption[lang]).font('Helvetica');
  doc.fontSize(8).text(table.columns.map((c) => c[lang]).join(' · '));
  for (const row of table.rows) {
    if (doc.y > doc.page.height - 90) doc.addPage();
    doc.font(row.total ? 'Helvetica-Bold' : 'Helvetica').text(`${row.label[lang]}: ${row.cells.map((c) => cellText(c, lang)).join(' · ')}`);
  }
  doc.font('Helvetica').moveDown(0.5);
}

/** The report as a PDF in `lang`. */
export function reportPdf(report: ReportView, lang: Lang): Promise<Buffer> {
  const { content } = report;
  const title = `${words.title[lang]} ${content.monthName[lang]} – ${content.region[lang]}`;
  const builder = newPdf(title, content.region[lang]);
  const { doc } = builder;
  doc.fontSize(16).font('Helvetica-Bold').text(title).font('Helvetica');
  if (report.version !== null)
    doc.fontSize(9).text(`${words.version[lang]} ${report.version} · ${(report.publishedAt ?? '').slice(0, 10)}`);
  heading(doc, words.commentary[lang]);
  const commentary = lang === 'sv' ? report.commentarySv : report.commentaryEn || report.commentarySv;
  paragraph(doc, commentary.trim() ? commentary : words.none[lang]);
  for (const section of content.sections) {
    heading(doc, section.title[lang]);
    if (section.note) paragraph(doc, section.note[lang]);
    for (const table of section.tables) {
      // A table of written-out figures (shares, years) has no counts to draw as bars.
      if (!table.rows.some((r) => r.cells.some((c) => c.text))) chart(doc, table, lang);
      tableText(doc, table, lang);
    }
  }
  doc.moveDown().fontSize(8).text(words.suppressed[lang]);
  return finish(builder, words.footer[lang]);
}
